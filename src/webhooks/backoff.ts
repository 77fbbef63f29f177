// The webhook retry schedule (mox queue/hook.go hookIntervals, reference 2.6): after failed attempt k
// the next comes 1m, 2m, 4m, 7.5m, 15m, 30m, 1h, 2h, 4h, 8h or 16h later, each with ±1 % jitter, so
// receivers that failed together are not all called again in the same instant; 12 attempts in all.

export const MAX_HOOK_ATTEMPTS = 12;

const MINUTE = 60_000;
export const HOOK_INTERVALS_MS = [1, 2, 4, 7.5, 15, 30, 60, 120, 240, 480, 960].map((m) => m * MINUTE);

/** A jitter fraction in [-0.01, 0.01]. */
export const randomJitter = (): number => (Math.random() * 2 - 1) * 0.01;

/** The wait after attempt `attempt` (1-based) fails; past the schedule's end, its last interval. */
export function hookBackoffMs(attempt: number, jitter: number): number {
  const base = HOOK_INTERVALS_MS[Math.min(Math.max(attempt, 1), HOOK_INTERVALS_MS.length) - 1];
  const bounded = Math.max(-0.01, Math.min(0.01, jitter));
  return Math.round(base * (1 + bounded));
}
