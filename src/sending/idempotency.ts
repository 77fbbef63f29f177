// Idempotency keys for Send (an addition to mox): a key the caller chooses makes a retried call safe. The
// submission stream is named after the account and the key's SHA-256, so a repeat finds the first call's
// MessageQueued (and its Result) by reading one stream, and two concurrent calls with the same key race
// for the same stream revision: one appends, the other loses and answers with the winner's result.
import { createHash } from 'node:crypto';
import { ApiError } from '../api/api-error';

/** A key answers repeats for this long; after it, the same key queues anew. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** The submission id (stream `submission-<id>`) for an account's key. */
export function idempotentSubmissionId(account: string, key: string): string {
  return `${account}-${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * The Idempotency-Key request header, checked as the spec describes it (1-256 printable ASCII
 * characters, once); null when absent. A bad key is a `protocol` error.
 */
export function idempotencyKeyOf(headers: Record<string, string | string[] | undefined>): string | null {
  const value = headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return null;
  if (Array.isArray(value)) throw new ApiError('protocol', 'Idempotency-Key header given more than once');
  if (value.length === 0 || value.length > 256 || !/^[\x21-\x7e]+$/.test(value)) {
    throw new ApiError('protocol', 'Idempotency-Key header must be 1 to 256 printable ASCII characters without spaces');
  }
  return value;
}
