// The outgoing queue and the retired history in one table: a message is a row from the moment it is
// queued; retirement flips `Retired` and fills the retired fields (mox's MsgRetired), and the row goes when
// the account's retention period ends (or at once when the account keeps none). Columns carry mox's field
// names so listing maps straight onto Msg / MsgRetired.
import type { StoredEvent } from '../../src/event-store/event-store';
import { defineProjection, type Row, type RowKey } from '../../src/projecting/projection';
import type { MessageEvent, MessageQueuedData } from '../../src/queue/message-events';
import { DELIVERING } from '../../src/queue/message-state';

export const QUEUE_TABLE = 'queue_messages';
/** Where each message's submission is, kept after the message row goes: history and audit need it. */
export const MESSAGE_INDEX_TABLE = 'queue_message_index';

type Handled = Omit<StoredEvent, 'type' | 'data'> & ({ type: 'MessageQueued'; data: MessageQueuedData } | MessageEvent);

const messageEventTypes = [
  'MessageHeld',
  'MessageReleased',
  'NextAttemptChanged',
  'TransportChanged',
  'RequireTLSChanged',
  'DeliveryAttemptStarted',
  'DeliveryAttempted',
  'DeliveryDelayed',
  'MessageDelivered',
  'MessageFailed',
  'MessageSuppressed',
  'MessageCanceled',
  'MessageRetired',
  'DsnReceived',
  'RetiredMessageExpired',
] as const;

function queued(event: Handled & { type: 'MessageQueued' }, key: RowKey): Row {
  const d = event.data;
  const r = d.Recipients.find((x) => x.QueueMsgID === key[0])!;
  return {
    ID: r.QueueMsgID,
    BaseID: r.BaseID,
    Queued: d.Queued,
    Hold: r.Hold,
    SenderAccount: d.SenderAccount,
    SenderLocalpart: r.SenderLocalpart,
    SenderDomain: r.SenderDomain,
    SenderDomainStr: r.SenderDomainStr,
    SenderAddress: `${r.SenderLocalpart}@${r.SenderDomainStr}`,
    FromID: r.FromID,
    RecipientLocalpart: r.RecipientLocalpart,
    RecipientDomain: r.RecipientDomain,
    RecipientDomainStr: r.RecipientDomainStr,
    RecipientAddress: r.RecipientAddress,
    RecipientAddr: `${r.RecipientLocalpart}@${r.RecipientDomainStr}`,
    Attempts: 0,
    MaxAttempts: d.MaxAttempts,
    DialedIPs: {},
    NextAttempt: d.NextAttempt,
    LastAttempt: null,
    Results: [],
    Has8bit: d.Has8bit,
    SMTPUTF8: d.SMTPUTF8,
    Size: d.Content.Size + Buffer.byteLength(r.MsgPrefix),
    MessageID: d.MessageID,
    Subject: d.Subject,
    Transport: d.Transport,
    RequireTLS: d.RequireTLS,
    FutureReleaseRequest: d.FutureReleaseRequest,
    Extra: d.Extra,
    ContentSha256: d.Content.Sha256,
    MsgPrefix: r.MsgPrefix,
    SubmissionID: d.SubmissionID,
    Source: d.Source,
    Revision: -1,
    InFlight: false,
    Retired: false,
    Outcome: null,
    Success: false,
    LastActivity: d.Queued,
    KeepUntil: null,
  };
}

function withResult(results: unknown, result: { Start: string; Error: string; Code: number }): unknown[] {
  const list = (results as { Start: string; Error: string; Code: number }[]) ?? [];
  const last = list[list.length - 1];
  if (last && (last.Error === DELIVERING || (last.Start === result.Start && last.Code === result.Code && last.Error === result.Error))) {
    return [...list.slice(0, -1), result];
  }
  return [...list, result];
}

function evolve(row: Row | null, event: Handled, key: RowKey): Row | null {
  if (event.type === 'MessageQueued') return row ?? queued(event, key);
  if (row === null) return null; // retired and removed already, or expired
  // The one copy this event makes of the 40-column row; the changes below go into the copy (a rebuild
  // evolves hundreds of thousands of rows, and a copy per changed field doubled its garbage).
  const r: Row = { ...row, Revision: event.revision };
  switch (event.type) {
    case 'MessageHeld':
      r.Hold = true;
      return r;
    case 'MessageReleased':
      r.Hold = false;
      return r;
    case 'NextAttemptChanged':
    case 'DeliveryDelayed':
      r.NextAttempt = event.data.NextAttempt;
      return r;
    case 'TransportChanged':
      r.Transport = event.data.Transport;
      return r;
    case 'RequireTLSChanged':
      r.RequireTLS = event.data.RequireTLS;
      return r;
    case 'DeliveryAttemptStarted':
      r.Attempts = event.data.Attempt;
      r.LastAttempt = event.data.Start;
      r.NextAttempt = event.data.NextAttempt;
      r.InFlight = true;
      r.Results = [...((r.Results as unknown[]) ?? []), { Start: event.data.Start, Duration: 0, Success: false, Code: 0, Secode: '', Error: DELIVERING }];
      return r;
    case 'DeliveryAttempted': {
      const dialed = { ...(r.DialedIPs as Record<string, string[]>) };
      if (event.data.RemoteHost) dialed[event.data.RemoteHost] = dialed[event.data.RemoteHost] ?? [];
      r.InFlight = false;
      r.DialedIPs = dialed;
      r.Results = withResult(r.Results, event.data.Result);
      return r;
    }
    case 'MessageDelivered':
    case 'MessageFailed':
    case 'MessageSuppressed':
    case 'MessageCanceled':
      r.InFlight = false;
      r.Results = withResult(r.Results, event.data.Result);
      r.LastAttempt = r.LastAttempt ?? event.data.Result.Start;
      return r;
    case 'MessageRetired':
      if (event.data.KeepUntil === null) return null;
      r.Retired = true;
      r.Outcome = event.data.Outcome;
      r.Success = event.data.Success;
      r.LastActivity = event.data.LastActivity;
      r.KeepUntil = event.data.KeepUntil;
      return r;
    case 'DsnReceived':
      // mox appends the DSN's result to the retired message and moves LastActivity; Success stays.
      r.Results = [...((r.Results as unknown[]) ?? []), event.data.Result];
      r.LastActivity = event.metadata.now;
      return r;
    case 'RetiredMessageExpired':
      return null;
    default:
      return r;
  }
}

export const queueProjection = defineProjection({
  name: 'queue',
  version: 2,
  eventTypes: ['MessageQueued', ...messageEventTypes],
  tables: [
    {
      name: MESSAGE_INDEX_TABLE,
      columns: { ID: 'INTEGER', SubmissionStream: 'TEXT', Position: 'INTEGER', SenderAccount: 'TEXT' },
      primaryKey: ['ID'],
    },
    {
      name: QUEUE_TABLE,
      columns: {
        ID: 'INTEGER',
        BaseID: 'INTEGER',
        Queued: 'TEXT',
        Hold: 'BOOLEAN',
        SenderAccount: 'TEXT',
        SenderLocalpart: 'TEXT',
        SenderDomain: 'TEXT',
        SenderDomainStr: 'TEXT',
        SenderAddress: 'TEXT',
        FromID: 'TEXT',
        RecipientLocalpart: 'TEXT',
        RecipientDomain: 'TEXT',
        RecipientDomainStr: 'TEXT',
        RecipientAddress: 'TEXT',
        RecipientAddr: 'TEXT',
        Attempts: 'INTEGER',
        MaxAttempts: 'INTEGER',
        DialedIPs: 'JSON',
        NextAttempt: 'TEXT',
        LastAttempt: 'TEXT',
        Results: 'JSON',
        Has8bit: 'BOOLEAN',
        SMTPUTF8: 'BOOLEAN',
        Size: 'INTEGER',
        MessageID: 'TEXT',
        Subject: 'TEXT',
        Transport: 'TEXT',
        RequireTLS: 'JSON',
        FutureReleaseRequest: 'TEXT',
        Extra: 'JSON',
        ContentSha256: 'TEXT',
        MsgPrefix: 'TEXT',
        SubmissionID: 'TEXT',
        Source: 'TEXT',
        Revision: 'INTEGER',
        InFlight: 'BOOLEAN',
        Retired: 'BOOLEAN',
        Outcome: 'TEXT',
        Success: 'BOOLEAN',
        LastActivity: 'TEXT',
        KeepUntil: 'TEXT',
      },
      primaryKey: ['ID'],
      indexes: [
        ['Retired', 'NextAttempt', 'ID'],
        // The delivery worker's "due and not held" look: with many held messages (a hold rule pausing the
        // queue) the index above would walk every held row.
        ['Retired', 'Hold', 'NextAttempt', 'ID'],
        // Recipients of one submission delivered in one SMTP transaction.
        ['BaseID'],
        ['Retired', 'Queued', 'ID'],
        ['Retired', 'LastActivity', 'ID'],
        ['SenderAccount', 'Retired', 'NextAttempt', 'ID'],
        ['FromID'],
        ['RecipientAddress', 'Retired', 'LastActivity'],
        ['KeepUntil'],
      ],
    },
  ],
  reducers: [
    {
      table: MESSAGE_INDEX_TABLE,
      keysOf: (event: Handled): RowKey[] => (event.type === 'MessageQueued' ? event.data.Recipients.map((r) => [r.QueueMsgID]) : []),
      evolve: (row: Row | null, event: Handled, key: RowKey) =>
        row ?? { ID: key[0], SubmissionStream: event.streamId, Position: event.position, SenderAccount: (event.data as MessageQueuedData).SenderAccount },
    },
    {
      table: QUEUE_TABLE,
      keysOf: (event: Handled): RowKey[] => {
        if (event.type === 'MessageQueued') return event.data.Recipients.map((r) => [r.QueueMsgID]);
        // message-<QueueMsgID>
        const id = Number(event.streamId.slice(event.streamId.indexOf('-') + 1));
        return event.streamId.startsWith('message-') && Number.isSafeInteger(id) ? [[id]] : [];
      },
      evolve: (row: Row | null, event: Handled, key: RowKey) => evolve(row, event, key),
    },
  ],
});
