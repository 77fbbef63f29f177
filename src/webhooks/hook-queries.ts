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

export interface DueHook {
  ID: number;
  URL: string;
  Revision: number;
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
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /**
   * The worker asks these many times a second: each statement is prepared once. Limits are written
   * `LIMIT +?`: SQLite plans with the value bound to a bare `LIMIT +?`, so it would compile the
   * statement again at every run.
   */
  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  get(id: number): HookRow | null {
    const raw = this.statement(`SELECT * FROM ${WEBHOOKS_TABLE} WHERE ID = ?`).get(id);
    return raw ? decode(raw) : null;
  }

  /**
   * The next webhook to call for each URL that is not busy: per URL its earliest due webhook, then those
   * in the order mox calls them (NextAttempt, ID). One indexed look per distinct URL (a recursive walk over
   * the URL index), so a long backlog for some URLs costs nothing when the others are scanned.
   *
   * Busy are the URLs this worker is calling (`busyUrls`) and, as far as this node's read models know,
   * those another node is calling: a claim other than `ownClaims` that is still valid (its NextAttempt,
   * when an interrupted claim expires, is still ahead).
   */
  due(now: Date, busyUrls: readonly string[], ownClaims: readonly number[], limit: number): DueHook[] {
    const at = now.toISOString();
    return this.statement(
      `WITH RECURSIVE urls(url) AS (
         SELECT (SELECT MIN(URL) FROM ${WEBHOOKS_TABLE} WHERE Retired = 0)
         UNION ALL
         SELECT (SELECT MIN(URL) FROM ${WEBHOOKS_TABLE} WHERE Retired = 0 AND URL > urls.url) FROM urls WHERE urls.url IS NOT NULL
       )
       SELECT h.ID, h.URL, h.Revision FROM urls
       JOIN ${WEBHOOKS_TABLE} h ON h.ID = (
         SELECT ID FROM ${WEBHOOKS_TABLE} WHERE Retired = 0 AND URL = urls.url AND NextAttempt <= ? ORDER BY NextAttempt, ID LIMIT 1
       )
       WHERE urls.url IS NOT NULL AND urls.url NOT IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (
           SELECT 1 FROM ${WEBHOOKS_TABLE} o WHERE o.InFlight = 1 AND o.URL = urls.url AND o.Retired = 0 AND o.NextAttempt > ?
             AND o.ID NOT IN (SELECT value FROM json_each(?))
         )
       ORDER BY h.NextAttempt, h.ID LIMIT +?`,
    ).all(at, JSON.stringify(busyUrls), at, JSON.stringify(ownClaims), limit) as DueHook[];
  }

  /** The first few due webhooks of one URL, in calling order; none while another node calls the URL. */
  dueFor(url: string, now: Date, ownClaims: readonly number[], limit: number): DueHook[] {
    const at = now.toISOString();
    const elsewhere = this.statement(
      `SELECT 1 FROM ${WEBHOOKS_TABLE} WHERE InFlight = 1 AND URL = ? AND Retired = 0 AND NextAttempt > ? AND ID NOT IN (SELECT value FROM json_each(?)) LIMIT 1`,
    ).get(url, at, JSON.stringify(ownClaims));
    if (elsewhere) return [];
    return this.statement(`SELECT ID, URL, Revision FROM ${WEBHOOKS_TABLE} WHERE Retired = 0 AND URL = ? AND NextAttempt <= ? ORDER BY NextAttempt, ID LIMIT +?`).all(
      url,
      at,
      limit,
    ) as DueHook[];
  }

  /** The earliest NextAttempt of a pending webhook, or null. */
  nextDue(): string | null {
    return (this.statement(`SELECT MIN(NextAttempt) AS next FROM ${WEBHOOKS_TABLE} WHERE Retired = 0`).get() as { next: string | null }).next;
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
    return this.db.prepare(`SELECT * FROM ${WEBHOOKS_TABLE} WHERE Retired = 1 AND KeepUntil IS NOT NULL AND KeepUntil <= ? ORDER BY KeepUntil LIMIT +?`).all(now.toISOString(), limit).map(decode);
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
