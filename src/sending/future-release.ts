// FutureRelease (RFC 4865 FUTURERELEASE semantics, as mox's webapi offers it): the first delivery attempt
// happens at the given time, at most 60 days ahead (mox's queue.FutureReleaseIntervalMax); a past time
// means at once. The queue keeps the request as mox writes it: `until;<RFC 3339>` in the caller's zone.
import { userError } from '../api/api-error';
import { parseZonedTime, rfc3339Seconds } from './time-text';

export const FUTURE_RELEASE_MAX_MS = 60 * 24 * 60 * 60 * 1000;

export interface FutureRelease {
  /** When the first attempt is due. */
  at: Date;
  /** mox's Msg.FutureReleaseRequest text. */
  request: string;
}

export function futureRelease(text: string, now: Date): FutureRelease {
  const zoned = parseZonedTime(text);
  if (zoned === null) throw userError(`FutureRelease "${text}" is not an RFC 3339 date-time`);
  if (zoned.date.getTime() - now.getTime() > FUTURE_RELEASE_MAX_MS) {
    throw userError(`scheduling delivery: FutureRelease ${text} is more than 60 days (1440h) in the future`);
  }
  return { at: zoned.date, request: `until;${rfc3339Seconds(zoned)}` };
}
