// The Minutes of the admin's next-attempt operations (queue and webhooks): a whole number of minutes that
// keeps the resulting time a date, else the caller's mistake (`user`), never a failure of the server.
import { userError } from './api-error';

/** About 1900 years: beyond it a time is no longer a date. */
export const MAX_MINUTES = 1_000_000_000;

export function checkMinutes(minutes: number): number {
  if (!Number.isSafeInteger(minutes) || Math.abs(minutes) > MAX_MINUTES) throw userError(`Minutes: ${minutes} must be a whole number between -${MAX_MINUTES} and ${MAX_MINUTES}`);
  return minutes;
}

/** `base` moved by `minutes`, refused when that leaves the range of dates. */
export function minutesFrom(base: number, minutes: number, what: string): Date {
  const at = new Date(base + minutes * 60_000);
  if (Number.isNaN(at.getTime())) throw userError(`Minutes: the next attempt of ${what} would be beyond the last representable time`);
  return at;
}
