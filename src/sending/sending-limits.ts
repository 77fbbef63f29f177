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
  const sent = (readDb.prepare(`SELECT COALESCE(SUM(Count), 0) AS n FROM ${SENDS_TABLE} WHERE Account = ? AND Submitted > ?`).get(account.Name, since) as { n: number }).n;
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
