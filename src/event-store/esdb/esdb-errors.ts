// What the client's errors mean for the port: which ones are a lost or unreachable node (worth retrying,
// reported as EventStoreUnavailable) and which ones will not go away by themselves.
import { ErrorType, isCommandError } from '@eventstore/db-client';
import { EventStoreUnavailable } from '../event-store';

/** Failures that retrying cannot fix: wrong credentials, a request the node refuses, a missing feature. */
const PERMANENT = new Set<string>([
  ErrorType.ACCESS_DENIED,
  ErrorType.INVALID_ARGUMENT,
  ErrorType.UNSUPPORTED,
  ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED,
  ErrorType.MISSING_REQUIRED_METADATA_PROPERTY,
  ErrorType.STREAM_DELETED,
  ErrorType.WRONG_EXPECTED_VERSION,
]);

/**
 * EventStoreDB starts reading $all only at an event's position (or the start or end of the log);
 * from anywhere else it answers "Trying to read from an invalid position." (23.10 and later).
 */
export function isInvalidPosition(error: unknown): boolean {
  return error instanceof Error && /invalid position/i.test(error.message);
}

export function invalidPosition(location: string, call: string, after: number): TypeError {
  return new TypeError(`${call}: after ${after} is not a position in ${location}; use -1 or the position of an event`);
}

/** True when the node may answer again later: it is down, restarting, unreachable, or changed leader. */
export function isTransient(error: unknown): boolean {
  if (isInvalidPosition(error)) return false;
  if (error instanceof Error && isCommandError(error)) return !PERMANENT.has(error.type);
  const code = (error as { code?: unknown } | null)?.code;
  // gRPC status codes (grpc/doc/statuscodes.md) for a refused request: INVALID_ARGUMENT 3,
  // PERMISSION_DENIED 7, UNIMPLEMENTED 12, UNAUTHENTICATED 16.
  return !(typeof code === 'number' && [3, 7, 12, 16].includes(code));
}

export function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export function unavailable(location: string, doing: string, error: unknown): EventStoreUnavailable {
  if (error instanceof EventStoreUnavailable) return error;
  const hint = error instanceof Error && isCommandError(error) && error.type === ErrorType.ACCESS_DENIED ? ' (check the user and password in the connection string)' : '';
  return new EventStoreUnavailable(location, `${doing}: ${describe(error)}${hint}`, { cause: error });
}
