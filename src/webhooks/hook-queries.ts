// What the webhook capability reads from its read model (projections/webhooks): due webhooks, pending ones
// of a message, expired retired ones, listings with mox's filters, and the facts a replay starts from.
import type Database from 'better-sqlite3';
import { WEBHOOK_INDEX_TABLE, WEBHOOK_SOURCES_TABLE, WEBHOOKS_TABLE, webhooksProjection } from '../../projections/webhooks';
import { listRows, Where, type ListSort } from '../listing';
import { decodeRow } from '../projecting/table-sql';
import type { HookResult, OutgoingEventName } from './webhook-events';

/** A row of the webhooks table (mox Hook / HookRetired fields plus bookkeeping). */
export interface HookRow {
  ID: number;
  QueueMsgID: number;
  FromID: string;
  MessageID: string;
  Subject: string;
  Extra: Record<string, string>;
  Account: string;
  URL: string;
  Authorization: string;
  HasAuthorization: boolean;
  IsIncoming: boolean;
  OutgoingEvent: OutgoingEventName | '';
  Payload: string;
  Submitted: string;
  Attempts: number;
  NextAttempt: string;
  Results: HookResult[];
  Retired: boolean;
  SupersededByID: number;
  Success: boolean;
  LastActivity: string;
  KeepUntil: string | null;
  StreamID: string;
  /** Revision of the webhook's stream that this row reflects. */
  Revision: number;
  InFlight: boolean;
  CausePosition: number;
  Replay: boolean;
}

export interface HookFilter {
  Max?: number;
  IDs?: number[];
  Account?: string;
  Submitted?: string;
  NextAttempt?: string;
  LastActivity?: string;
  Event?: string;
}

export interface SourceRow {
  Position: number;
  Account: string;
  Event: string;
  Time: string;
  StreamID: string;
  Revision: number;
}

const table = webhooksProjection.tables.find((t) => t.name === WEBHOOKS_TABLE)!;
const decode = (raw: unknown) => decodeRow(table, raw as Record<string, unknown>) as unknown as HookRow;

const pendingListing = { table: WEBHOOKS_TABLE, id: 'ID', sortFields: { NextAttempt: 'NextAttempt', Submitted: 'Submitted' }, defaultField: 'NextAttempt' };
const retiredListing = { table: WEBHOOKS_TABLE, id: 'ID', sortFields: { LastActivity: 'LastActivity', Submitted: 'Submitted' }, defaultField: 'LastActivity' };

export class HookQueries {
  constructor(private readonly db: Database.Database) {}

  get(id: number): HookRow | null {
    const raw = this.db.prepare(`SELECT * FROM ${WEBHOOKS_TABLE} WHERE ID = ?`).get(id);
    return raw ? decode(raw) : null;
  }

  /** Pending webhooks due at `now` whose URL is not busy, in the order mox calls them (NextAttempt, ID). */
  due(now: Date, busyUrls: readonly string[], limit: number): HookRow[] {
    return this.db
      .prepare(
        `SELECT * FROM ${WEBHOOKS_TABLE} WHERE Retired = 0 AND NextAttempt <= ? AND URL NOT IN (SELECT value FROM json_each(?))
         ORDER BY NextAttempt, ID LIMIT ?`,
      )
      .all(now.toISOString(), JSON.stringify(busyUrls), limit)
      .map(decode);
  }

  /** The earliest NextAttempt of a pending webhook, or null. */
  nextDue(): string | null {
    return (this.db.prepare(`SELECT MIN(NextAttempt) AS next FROM ${WEBHOOKS_TABLE} WHERE Retired = 0`).get() as { next: string | null }).next;
  }

  /** Pending webhooks of a message that a webhook caused by a later fact supersedes (replays never count). */
  supersededBy(queueMsgId: number, hookId: number, causePosition: number): HookRow[] {
    return this.db
      .prepare(`SELECT * FROM ${WEBHOOKS_TABLE} WHERE QueueMsgID = ? AND Retired = 0 AND Replay = 0 AND ID != ? AND CausePosition < ? ORDER BY ID`)
      .all(queueMsgId, hookId, causePosition)
      .map(decode);
  }

  /** Every webhook stream of a message, also of webhooks whose records are gone (its history). */
  streamsOfMessage(queueMsgId: number): string[] {
    return (this.db.prepare(`SELECT StreamID FROM ${WEBHOOK_INDEX_TABLE} WHERE QueueMsgID = ? ORDER BY HookID`).all(queueMsgId) as { StreamID: string }[]).map((r) => r.StreamID);
  }

  /** Retired webhooks whose retention ended at `now`. */
  expired(now: Date, limit: number): HookRow[] {
    return this.db.prepare(`SELECT * FROM ${WEBHOOKS_TABLE} WHERE Retired = 1 AND KeepUntil IS NOT NULL AND KeepUntil <= ? ORDER BY KeepUntil LIMIT ?`).all(now.toISOString(), limit).map(decode);
  }

  /** mox's hook listings (reference 3.8): pending (HookFilter/HookSort) or retired (HookRetiredFilter/Sort). */
  list(retired: boolean, filter: HookFilter, sort: ListSort | null | undefined, now: Date): HookRow[] {
    const where = new Where()
      .equals('Retired', retired)
      .inList('ID', filter.IDs)
      .equalsNonEmpty('Account', filter.Account)
      .time('Filter.Submitted', 'Submitted', filter.Submitted, now);
    if (retired) where.time('Filter.LastActivity', 'LastActivity', filter.LastActivity, now);
    else where.time('Filter.NextAttempt', 'NextAttempt', filter.NextAttempt, now);
    if (filter.Event === 'incoming') where.equals('IsIncoming', true);
    else if (filter.Event) where.equals('OutgoingEvent', filter.Event).equals('IsIncoming', false);
    return listRows(this.db, retired ? retiredListing : pendingListing, { where, sort, max: filter.Max }).map(decode);
  }

  /** Facts of an account that can cause webhooks, in log order, from `since` (inclusive) to `until` (exclusive). */
  sources(account: string, since: string, until: string, events: readonly string[]): SourceRow[] {
    const where = new Where().equals('Account', account).raw('Time >= ?', since).raw('Time < ?', until).inList('Event', events);
    const built = where.build();
    return this.db.prepare(`SELECT * FROM ${WEBHOOK_SOURCES_TABLE} WHERE ${built.sql} ORDER BY Position`).all(...built.params) as SourceRow[];
  }
}
