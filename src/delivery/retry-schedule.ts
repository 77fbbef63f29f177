// mox's retry schedule (queue.go deliver, reference 3.4): the wait after a failed attempt is 7m30s plus
// an integer jitter of -5..+4 seconds, doubled once for every attempt before it: 7.5m, 15m, 30m, 1h, 2h,
// 4h, 8h. 8 attempts in all (MaxAttempts 0 means 8); the sender gets a delayed-DSN mail after the 5th.
import { randomInt } from 'node:crypto';

export const DEFAULT_MAX_ATTEMPTS = 8;
export const DELAY_DSN_ATTEMPT = 5;
export const BASE_BACKOFF_SECONDS = 7 * 60 + 30;

export function maxAttemptsOf(maxAttempts: number): number {
  return maxAttempts > 0 ? maxAttempts : DEFAULT_MAX_ATTEMPTS;
}

/** -5..+4, as mox's `jitter.IntN(10) - 5`. */
export function randomJitterSeconds(): number {
  return randomInt(10) - 5;
}

/** Milliseconds until the attempt after this one; `previousAttempts` counts attempts before this one. */
export function backoffMs(previousAttempts: number, jitterSeconds: number): number {
  return (BASE_BACKOFF_SECONDS + jitterSeconds) * 2 ** previousAttempts * 1000;
}
