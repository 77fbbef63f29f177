// Turns a localserve simulated failure (src/localserve/special-localparts.ts) into the session's answer:
// a refusal now, or after the bounded wait a "...timeout" localpart asks for. The wait ends early when
// the client goes away or the server stops.
import { simulatedReply, type FailurePoint, type SimulatedFailure } from '../localserve/special-localparts';
import { refuse, SmtpReplyError } from './reply-codes';

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The refusal for a failure, after the wait when it is a timeout. */
export async function simulatedRefusal(failure: SimulatedFailure, point: FailurePoint, timeoutMs: number, signal: AbortSignal): Promise<SmtpReplyError> {
  if (failure.kind === 'timeout') await sleep(timeoutMs, signal);
  const reply = simulatedReply(failure, point);
  return refuse(reply);
}
