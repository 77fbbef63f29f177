// The webhook queue and its retired history in one table, as the queue projection keeps messages: a
// webhook is a row from the moment it is queued; retirement flips `Retired` and fills mox's HookRetired
// fields, and the row goes when the account's KeepRetiredWebhookPeriod ends (at once when it is 0).
// Columns carry mox's Hook / HookRetired field names.
//
// Two tables outlive the rows: `webhook_index` (which webhook streams belong to a message, for its
// history) and `webhook_sources` (every fact that can cause a webhook, by account and time, so
// WebhookReplay finds them without reading the whole log).
import type { StoredEvent } from '../../src/event-store/event-store';
import { accountOfMailboxStream, type MailboxMessageAddedData } from '../../src/mailbox/mailbox-events';
import { defineProjection, type Row, type RowKey } from '../../src/projecting/projection';
import { isOutgoingFact, outgoingEventOf, OUTGOING_FACT_TYPES, type OutgoingFact } from '../../src/webhooks/payloads/outgoing';
import { DELIVERING, WEBHOOK_STREAM_PREFIX, webhookEventTypes, type HookResult, type WebhookEvent } from '../../src/webhooks/webhook-events';

export const WEBHOOKS_TABLE = 'webhooks';
export const WEBHOOK_INDEX_TABLE = 'webhook_index';
export const WEBHOOK_SOURCES_TABLE = 'webhook_sources';

type HookEvent = Omit<StoredEvent, 'type' | 'data'> & WebhookEvent;

function withResult(results: unknown, result: HookResult): HookResult[] {
  const list = (results as HookResult[]) ?? [];
  const last = list[list.length - 1];
  // The attempt's placeholder (mox appends "delivering..." when the attempt starts) becomes its result.
  if (last && last.Error === DELIVERING) return [...list.slice(0, -1), result];
  return [...list, result];
}

export function evolveHookRow(row: Row | null, event: HookEvent): Row | null {
  if (event.type === 'WebhookQueued') {
    if (row) return row; // a repeated delivery of the same event changes nothing
    const d = event.data;
    return {
      ID: d.HookID,
      QueueMsgID: d.QueueMsgID,
      FromID: d.FromID,
      MessageID: d.MessageID,
      Subject: d.Subject,
      Extra: d.Extra,
      Account: d.Account,
      URL: d.URL,
      Authorization: d.Authorization,
      HasAuthorization: d.Authorization !== '',
      IsIncoming: d.IsIncoming,
      OutgoingEvent: d.OutgoingEvent,
      Payload: d.Payload,
      Submitted: d.Submitted,
      Attempts: 0,
      NextAttempt: d.NextAttempt,
      Results: [],
      Retired: false,
      SupersededByID: 0,
      Success: false,
      LastActivity: d.Submitted,
      KeepUntil: null,
      StreamID: event.streamId,
      Revision: event.revision,
      InFlight: false,
      CausePosition: d.Cause.Position,
      Replay: d.Replay,
    };
  }
  if (row === null) return null; // retired without retention, or expired
  const r: Row = { ...row, Revision: event.revision };
  switch (event.type) {
    case 'WebhookAttemptStarted': {
      const placeholder: HookResult = { Start: event.data.Start, Duration: 0, URL: r.URL as string, Success: false, Code: 0, Error: DELIVERING, Response: '' };
      return { ...r, Attempts: event.data.Attempt, NextAttempt: event.data.NextAttempt, InFlight: true, Results: [...((r.Results as HookResult[]) ?? []), placeholder], LastActivity: event.data.Start };
    }
    case 'WebhookAttempted':
      return { ...r, InFlight: false, Results: withResult(r.Results, event.data.Result), LastActivity: r.Retired ? event.metadata.now : r.LastActivity };
    case 'WebhookNextAttemptChanged':
      return { ...r, NextAttempt: event.data.NextAttempt };
    case 'WebhookSuperseded':
      return { ...r, SupersededByID: event.data.SupersededByID };
    case 'WebhookCanceled':
      return { ...r, Results: [...((r.Results as HookResult[]) ?? []), event.data.Result] };
    case 'WebhookRetired':
      if (event.data.KeepUntil === null) return null;
      // mox's HookRetired keeps only whether an Authorization was sent, not its value.
      return { ...r, Retired: true, Success: event.data.Success, LastActivity: event.data.LastActivity, KeepUntil: event.data.KeepUntil, Authorization: '' };
    case 'RetiredWebhookExpired':
      return null;
    default:
      return r;
  }
}

const hookKeys = (event: HookEvent): RowKey[] => (event.streamId.startsWith(WEBHOOK_STREAM_PREFIX) && typeof event.data?.HookID === 'number' ? [[event.data.HookID]] : []);

type SourceEvent = StoredEvent & ({ type: 'MailboxMessageAdded'; data: MailboxMessageAddedData } | OutgoingFact);

/** The account and webhook event a fact can cause, or null when it causes none. */
export function sourceOf(event: StoredEvent): { Account: string; Event: string } | null {
  const e = event as SourceEvent;
  if (e.type === 'MailboxMessageAdded') {
    const account = accountOfMailboxStream(e.streamId);
    return account !== null && e.data.Source === 'smtp' ? { Account: account, Event: 'incoming' } : null;
  }
  if (isOutgoingFact(e) && e.streamId.startsWith('message-')) return { Account: e.data.Message.SenderAccount, Event: outgoingEventOf(e) };
  return null;
}

export const webhooksProjection = defineProjection({
  name: 'webhooks',
  version: 1,
  eventTypes: [...webhookEventTypes, ...OUTGOING_FACT_TYPES, 'MailboxMessageAdded'],
  tables: [
    {
      name: WEBHOOKS_TABLE,
      columns: {
        ID: 'INTEGER',
        QueueMsgID: 'INTEGER',
        FromID: 'TEXT',
        MessageID: 'TEXT',
        Subject: 'TEXT',
        Extra: 'JSON',
        Account: 'TEXT',
        URL: 'TEXT',
        Authorization: 'TEXT',
        HasAuthorization: 'BOOLEAN',
        IsIncoming: 'BOOLEAN',
        OutgoingEvent: 'TEXT',
        Payload: 'TEXT',
        Submitted: 'TEXT',
        Attempts: 'INTEGER',
        NextAttempt: 'TEXT',
        Results: 'JSON',
        Retired: 'BOOLEAN',
        SupersededByID: 'INTEGER',
        Success: 'BOOLEAN',
        LastActivity: 'TEXT',
        KeepUntil: 'TEXT',
        StreamID: 'TEXT',
        Revision: 'INTEGER',
        InFlight: 'BOOLEAN',
        CausePosition: 'INTEGER',
        Replay: 'BOOLEAN',
      },
      primaryKey: ['ID'],
      indexes: [
        ['Retired', 'NextAttempt', 'ID'],
        ['Retired', 'URL', 'NextAttempt', 'ID'],
        ['Retired', 'Submitted', 'ID'],
        ['Retired', 'LastActivity', 'ID'],
        ['QueueMsgID', 'Retired'],
        ['InFlight', 'URL'],
        ['KeepUntil'],
      ],
    },
    {
      name: WEBHOOK_INDEX_TABLE,
      columns: { HookID: 'INTEGER', QueueMsgID: 'INTEGER', StreamID: 'TEXT' },
      primaryKey: ['HookID'],
      indexes: [['QueueMsgID']],
    },
    {
      name: WEBHOOK_SOURCES_TABLE,
      columns: { Position: 'INTEGER', Account: 'TEXT', Event: 'TEXT', Time: 'TEXT', StreamID: 'TEXT', Revision: 'INTEGER' },
      primaryKey: ['Position'],
      indexes: [['Account', 'Time']],
    },
  ],
  reducers: [
    {
      table: WEBHOOKS_TABLE,
      keysOf: hookKeys,
      evolve: (row: Row | null, event: HookEvent) => evolveHookRow(row, event),
    },
    {
      table: WEBHOOK_INDEX_TABLE,
      keysOf: (event: HookEvent): RowKey[] => (event.type === 'WebhookQueued' ? hookKeys(event) : []),
      evolve: (row: Row | null, event: HookEvent) =>
        row ?? { HookID: (event.data as { HookID: number }).HookID, QueueMsgID: (event.data as { QueueMsgID: number }).QueueMsgID, StreamID: event.streamId },
    },
    {
      table: WEBHOOK_SOURCES_TABLE,
      keysOf: (event: StoredEvent): RowKey[] => (sourceOf(event) ? [[event.position]] : []),
      evolve: (row: Row | null, event: StoredEvent) => {
        if (row) return row;
        const source = sourceOf(event)!;
        return { Position: event.position, Account: source.Account, Event: source.Event, Time: event.metadata.now, StreamID: event.streamId, Revision: event.revision };
      },
    },
  ],
});
