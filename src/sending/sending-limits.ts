// An account's sending limits (mox's store.Account.SendLimitReached), checked before a submission is
// queued: the messages it sent in the last 24 hours plus this submission's recipients may not exceed
// MaxOutgoingMessagesPerDay (default 1000), and the recipients it sent to for the first time in that
// window, plus this submission's new ones, may not exceed MaxFirstTimeRecipientsPerDay (default 200).
// Unlike mox, webapi sends count as well as SMTP submissions (DESIGN §5): both are MessageQueued events.
//
// Two submissions checked at the same moment may both pass; the limit is a brake against a compromised
// account, not an exact quota.
import type Database from 'better-sqlite3';
import { RECIPIENTS_TABLE, SENDS_TABLE } from '../../projections/sending-limits';
import type { AccountConfig } from '../config/config-view';

export const DEFAULT_MAX_MESSAGES_PER_DAY = 1000;
export const DEFAULT_MAX_FIRST_TIME_RECIPIENTS_PER_DAY = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

export type SendLimitReached =
  | { code: 'messageLimitReached'; limit: number }
  | { code: 'recipientLimitReached'; limit: number };

/**
 * Null when the account may send to `recipients` (keys as projections/sending-limits `recipientKey`
 * makes them) now; otherwise which limit would be passed.
 */
export function sendLimitReached(readDb: Database.Database, account: AccountConfig, recipients: readonly string[], now: Date): SendLimitReached | null {
  const messageMax = account.MaxOutgoingMessagesPerDay || DEFAULT_MAX_MESSAGES_PER_DAY;
  const recipientMax = account.MaxFirstTimeRecipientsPerDay || DEFAULT_MAX_FIRST_TIME_RECIPIENTS_PER_DAY;
  const since = new Date(now.getTime() - DAY_MS).toISOString();
  const sent = sentInWindow(readDb, account.Name, since, now.getTime());
  if (sent + recipients.length > messageMax) return { code: 'messageLimitReached', limit: messageMax };
  // Only worth counting first-time recipients when the total could reach that limit (as mox).
  if (sent + recipients.length < recipientMax) return null;
  const known = readDb.prepare(`SELECT 1 FROM ${RECIPIENTS_TABLE} WHERE Account = ? AND Recipient = ? AND FirstSubmitted < ?`);
  const nowText = now.toISOString();
  const newNow = recipients.filter((r) => known.get(account.Name, r, nowText) === undefined).length;
  const newInWindow = (readDb.prepare(`SELECT COUNT(*) AS n FROM ${RECIPIENTS_TABLE} WHERE Account = ? AND FirstSubmitted > ?`).get(account.Name, since) as { n: number }).n;
  if (newNow + newInWindow > recipientMax) return { code: 'recipientLimitReached', limit: recipientMax };
  return null;
}

/**
 * The messages an account queued after `since`, kept as a running tally per account so that a busy
 * account's check does not sum every submission of the last 24 hours again: rows of the sending-limits
 * projection are only ever added, in position order, so the tally adds the rows past the last position
 * it saw and subtracts those the window has left since. A full count is made at first, when the window
 * moves backwards (a test clock), and when the account has not sent for a minute (so even rows removed
 * once they are more than a minute past the window could never stay counted).
 */
class SentTallies {
  private readonly tallies = new Map<string, { since: string; position: number; sent: number; checkedAt: number }>();
  private readonly head: Database.Statement;
  private readonly full: Database.Statement;
  private readonly added: Database.Statement;
  private readonly left: Database.Statement;
  private readonly snapshot: (account: string, since: string, nowMs: number) => number;

  constructor(db: Database.Database) {
    this.head = db.prepare(`SELECT COALESCE(MAX(Position), -1) AS n FROM ${SENDS_TABLE}`);
    this.full = db.prepare(`SELECT COALESCE(SUM(Count), 0) AS n FROM ${SENDS_TABLE} WHERE Account = ? AND Submitted > ?`);
    // The unary + keeps SQLite on the primary key (the few new rows) instead of the (Account, Submitted)
    // index, which would walk the account's whole window.
    this.added = db.prepare(`SELECT COALESCE(SUM(Count), 0) AS n FROM ${SENDS_TABLE} WHERE Position > ? AND Position <= ? AND +Account = ? AND +Submitted > ?`);
    this.left = db.prepare(`SELECT COALESCE(SUM(Count), 0) AS n FROM ${SENDS_TABLE} WHERE Account = ? AND Submitted > ? AND Submitted <= ? AND Position <= ?`);
    // One read transaction: the sums and the position come from the same snapshot.
    this.snapshot = db.transaction((account: string, since: string, nowMs: number) => this.count(account, since, nowMs));
  }

  sent(account: string, since: string, nowMs: number): number {
    return this.snapshot(account, since, nowMs);
  }

  private count(account: string, since: string, nowMs: number): number {
    const n = (statement: Database.Statement, ...params: unknown[]) => (statement.get(...params) as { n: number }).n;
    const position = n(this.head);
    const previous = this.tallies.get(account);
    let tally;
    if (!previous || since < previous.since || nowMs < previous.checkedAt || nowMs - previous.checkedAt > RECOUNT_AFTER_IDLE_MS) {
      tally = { since, position, sent: n(this.full, account, since), checkedAt: nowMs };
    } else {
      const sent = previous.sent + n(this.added, previous.position, position, account, since) - n(this.left, account, previous.since, since, previous.position);
      tally = { since, position, sent, checkedAt: nowMs };
    }
    this.tallies.set(account, tally);
    return tally.sent;
  }
}

const RECOUNT_AFTER_IDLE_MS = 60_000;
const talliesByDb = new WeakMap<Database.Database, SentTallies>();

function sentInWindow(readDb: Database.Database, account: string, since: string, nowMs: number): number {
  let tallies = talliesByDb.get(readDb);
  if (!tallies) talliesByDb.set(readDb, (tallies = new SentTallies(readDb)));
  return tallies.sent(account, since, nowMs);
}
