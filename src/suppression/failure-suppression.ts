// When a final delivery failure puts the recipient on the sender account's suppression list (mox
// queue/suppression.go suppressionProcess, isImmedateBlock; reference 4). Only failures that carry an
// SMTP reply code are considered: connection, DNS and TLS problems (code 0) never suppress.
// - Immediately for 521, 550, 551, 553, 556, and for any 5xx whose enhanced code is x.1.1 (bad mailbox),
//   x.1.2 (bad domain), x.1.3 (bad mailbox syntax), x.1.6 (mailbox moved), x.2.1 (mailbox disabled) or
//   x.7.1 (delivery not authorised, often a blocklist) (RFC 3463 §3).
// - Otherwise after three consecutive failures: the two most recent other retired messages of the same
//   account to exactly the same recipient address both failed (DESIGN section 5: scoped to the account).
// An address already listed is left alone, and the failure reports Suppressing false.

export interface SuppressionDecision {
  suppressing: boolean;
  reason: string;
}

const IMMEDIATE_CODES = new Set([521, 550, 551, 553, 556]);
const IMMEDIATE_SECODES = new Set(['1.1', '1.2', '1.3', '1.6', '2.1', '7.1']);

export function isImmediateBlock(code: number, secode: string): boolean {
  if (IMMEDIATE_CODES.has(code)) return true;
  return Math.floor(code / 100) === 5 && IMMEDIATE_SECODES.has(secode);
}

export interface FailureFacts {
  code: number;
  /** Short enhanced code, e.g. "1.1". */
  secode: string;
  /** Where the failure was learnt: the queue's own attempt, or an incoming DSN. */
  source: 'queue' | 'DSN';
  alreadyListed: boolean;
  /** Success of the two most recent other retired messages to the address, newest first. */
  previous: boolean[];
}

export function decideFailureSuppression(facts: FailureFacts): SuppressionDecision {
  const none = { suppressing: false, reason: '' };
  if (facts.code === 0 || facts.alreadyListed) return none;
  if (isImmediateBlock(facts.code, facts.secode)) {
    // mox formats the enhanced code with Go's %q.
    return { suppressing: true, reason: `delivery failure from ${facts.source} with smtp code ${facts.code}, enhanced code ${JSON.stringify(facts.secode)}` };
  }
  if (facts.previous.length >= 2 && !facts.previous[0] && !facts.previous[1]) {
    return { suppressing: true, reason: `delivery failure from ${facts.source} and three consecutive failures` };
  }
  return none;
}
