// The expected-revision check of the port (event-store.ts), written once for appends and deletes.
import type { ExpectedRevision } from '../event-store';

/** `actual` is the revision of the stream's last event, -1 when it has none (never written, or deleted). */
export function expectationHolds(expected: ExpectedRevision, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === -1;
    case 'stream_exists':
      return actual >= 0;
    default:
      return actual === expected;
  }
}

export function isExpectedRevision(value: unknown): value is ExpectedRevision {
  return value === 'any' || value === 'no_stream' || value === 'stream_exists' || (Number.isSafeInteger(value) && (value as number) >= 0);
}
