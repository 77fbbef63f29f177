// Selecting queued and retired messages with mox's Filter / RetiredFilter and Sort / RetiredSort
// (reference 3.8) on the queue read model, through the shared listing builder (src/listing): only
// non-empty filter fields apply, with AND, except From and To, which match when either does (mox's quirk,
// kept as openapi/adminapi.yaml `Filter` documents); substrings are case-sensitive; time filters are
// relative to now; ordering is (Field, ID) with keyset pagination. Queued messages and retired ones share
// one table, told apart by `Retired`.
import type Database from 'better-sqlite3';
import { QUEUE_TABLE, queueProjection } from '../../projections/queue';
import { userError } from '../api/api-error';
import type { components } from '../api/generated/adminapi';
import { column, listRows, Where, type ListingTable, type ListSort } from '../listing';
import { decodeRow } from '../projecting/table-sql';
import type { AdminQueueRow } from './queue-records';

export type QueueFilter = components['schemas']['Filter'];
export type RetiredFilter = components['schemas']['RetiredFilter'];
export type QueueSort = ListSort;

const table = queueProjection.tables.find((t) => t.name === QUEUE_TABLE)!;
export const decodeQueueRow = (raw: unknown) => decodeRow(table, raw as Record<string, unknown>) as unknown as AdminQueueRow;

const queuedListing: ListingTable = { table: QUEUE_TABLE, id: 'ID', sortFields: { NextAttempt: 'NextAttempt', Queued: 'Queued' }, defaultField: 'NextAttempt' };
const retiredListing: ListingTable = { table: QUEUE_TABLE, id: 'ID', sortFields: { LastActivity: 'LastActivity', Queued: 'Queued' }, defaultField: 'LastActivity' };

/** The conditions shared by both lists. From matches the MAIL FROM, To the recipient, both with a Unicode domain. */
function commonWhere(retired: boolean, f: QueueFilter | RetiredFilter, now: Date): Where {
  return new Where()
    .equals('Retired', retired)
    .inList('ID', f.IDs)
    .equalsNonEmpty('SenderAccount', f.Account)
    .containsAny([
      ['SenderAddress', f.From],
      ['RecipientAddr', f.To],
    ])
    .time('Filter.Submitted', 'Queued', f.Submitted, now)
    // null: any transport; "" selects normal routing.
    .equals('Transport', f.Transport);
}

export function queuedWhere(f: QueueFilter, now: Date): Where {
  return commonWhere(false, f, now).equals('Hold', f.Hold).time('Filter.NextAttempt', 'NextAttempt', f.NextAttempt, now);
}

export function retiredWhere(f: RetiredFilter, now: Date): Where {
  return commonWhere(true, f, now).equals('Success', f.Success).time('Filter.LastActivity', 'LastActivity', f.LastActivity, now);
}

export class QueueListing {
  constructor(private readonly db: Database.Database) {}

  /** QueueList: queued messages, sorted and paged. */
  queued(filter: QueueFilter, sort: QueueSort | null | undefined, now: Date): AdminQueueRow[] {
    return listRows(this.db, queuedListing, { where: queuedWhere(filter, now), sort, max: filter.Max }).map(decodeQueueRow);
  }

  /** RetiredList: retired messages still kept, sorted and paged. */
  retired(filter: RetiredFilter, sort: QueueSort | null | undefined, now: Date): AdminQueueRow[] {
    return listRows(this.db, retiredListing, { where: retiredWhere(filter, now), sort, max: filter.Max }).map(decodeQueueRow);
  }

  /** The queued messages an operation acts on: by ID, as mox applies a filter's Max (0: all). */
  toChange(filter: QueueFilter, now: Date): AdminQueueRow[] {
    const where = queuedWhere(filter, now).build();
    const max = filter.Max ?? 0;
    if (!Number.isSafeInteger(max) || max < 0) throw userError(`Filter.Max: ${max} must be 0 (no limit) or a positive number`);
    const sql = `SELECT * FROM ${column(QUEUE_TABLE)}${where.sql ? ` WHERE ${where.sql}` : ''} ORDER BY "ID"${max > 0 ? ' LIMIT +?' : ''}`;
    return this.db
      .prepare(sql)
      .all(...where.params, ...(max > 0 ? [max] : []))
      .map(decodeQueueRow);
  }

  /** One queued message, if it (still) matches the filter; Max does not apply. */
  matching(filter: QueueFilter, id: number, now: Date): AdminQueueRow | null {
    const where = queuedWhere({ ...filter, Max: 0 }, now).equals('ID', id).build();
    const raw = this.db.prepare(`SELECT * FROM ${column(QUEUE_TABLE)} WHERE ${where.sql}`).get(...where.params);
    return raw ? decodeQueueRow(raw) : null;
  }

  /** One message, queued or retired. */
  get(id: number): AdminQueueRow | null {
    const raw = this.db.prepare(`SELECT * FROM ${column(QUEUE_TABLE)} WHERE "ID" = ?`).get(id);
    return raw ? decodeQueueRow(raw) : null;
  }

  /** Retired messages whose KeepUntil has passed at `now`, oldest first. */
  expired(now: Date, limit: number): AdminQueueRow[] {
    return this.db
      .prepare(`SELECT * FROM ${column(QUEUE_TABLE)} WHERE "Retired" = 1 AND "KeepUntil" IS NOT NULL AND "KeepUntil" <= ? ORDER BY "KeepUntil", "ID" LIMIT +?`)
      .all(now.toISOString(), limit)
      .map(decodeQueueRow);
  }
}
