// localserve's simulated failures (reference 7, mox.LocalserveNeedsError; DESIGN section 6): a localpart
// asks for a failure by how it ends, so an application can try every outcome against its own webhook
// handler without a real remote server.
//   ends in "temperror"  -> 451        ends in "permerror" -> 550
//   ends in "timeout"    -> no answer for a while, then 451
//   ends in three digits 400-599 -> that code ("user552" -> 552)
// The enhanced code is X.0.0 (RFC 3463 §3.1: only the class is known), except the answer after a timeout
// at MAIL, RCPT and on submission, which is 4.3.0 (mail system problem), as mox.
// Where the failure shows: at MAIL FROM when the sender localpart starts with "mailfrom", at RCPT TO
// when the recipient localpart starts with "rcptto", otherwise after DATA (incoming) or for the whole
// submission. Matching ignores case, so "User451" and "user451" behave alike.

export type SimulatedFailure = { kind: 'code'; code: number } | { kind: 'timeout' };

export type FailurePoint = 'mail' | 'rcpt' | 'data' | 'submission';

export function simulatedFailure(localpart: string): SimulatedFailure | null {
  const lp = localpart.toLowerCase();
  if (lp.endsWith('temperror')) return { kind: 'code', code: 451 };
  if (lp.endsWith('permerror')) return { kind: 'code', code: 550 };
  if (lp.endsWith('timeout')) return { kind: 'timeout' };
  const digits = lp.slice(-3);
  if (/^\d{3}$/.test(digits)) {
    const code = Number(digits);
    // DESIGN section 6: 400-599 (mox also takes 600, which is no SMTP reply code).
    if (code >= 400 && code <= 599) return { kind: 'code', code };
  }
  return null;
}

/** The failure a MAIL FROM localpart asks for at the MAIL command: only with the "mailfrom" prefix. */
export function failureAtMail(localpart: string): SimulatedFailure | null {
  return localpart.toLowerCase().startsWith('mailfrom') ? simulatedFailure(localpart) : null;
}

/** The failure a recipient localpart asks for at the RCPT command: only with the "rcptto" prefix. */
export function failureAtRcpt(localpart: string): SimulatedFailure | null {
  return localpart.toLowerCase().startsWith('rcptto') ? simulatedFailure(localpart) : null;
}

export interface SimulatedReply {
  code: number;
  enhanced: string;
  text: string;
}

/** The reply for a failure once it is due (after the wait, for a timeout). */
export function simulatedReply(failure: SimulatedFailure, point: FailurePoint): SimulatedReply {
  if (failure.kind === 'timeout') {
    return { code: 451, enhanced: point === 'data' ? '4.0.0' : '4.3.0', text: 'timing out due to special localpart' };
  }
  return { code: failure.code, enhanced: `${String(failure.code)[0]}.0.0`, text: `failure with code ${failure.code} due to special localpart` };
}

export interface RecipientFailure {
  recipient: string;
  reply: SimulatedReply;
}

/**
 * The DATA reply of an incoming transaction whose recipients failed (reference 7): null when some
 * recipients were delivered (the DATA gets 250 and the failed ones get no DSN in localserve); the common
 * reply when every recipient failed alike; else one reply listing each recipient's code, 554 when any
 * failure is permanent and 451 otherwise (mox writes these lines as a multi-line reply).
 */
export function dataReplyFor(failures: RecipientFailure[], recipients: number): SimulatedReply | null {
  if (failures.length === 0 || failures.length < recipients) return null;
  const first = failures[0].reply;
  if (failures.every((f) => f.reply.code === first.code && f.reply.enhanced === first.enhanced)) return first;
  const permanent = failures.some((f) => f.reply.code >= 500);
  const list = failures.map((f) => `${f.recipient}: ${f.reply.code} ${f.reply.enhanced}`).join(', ');
  return { code: permanent ? 554 : 451, enhanced: permanent ? '5.0.0' : '4.0.0', text: `recipients failed due to special localparts: ${list}` };
}
