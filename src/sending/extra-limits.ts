// Limits on Send's Extra (DESIGN §5, a deliberate difference from mox, which has none): Extra is copied
// into every queued message, every retired record and every outgoing webhook, so an unbounded map would
// multiply into storage and webhook traffic.
import { userError } from '../api/api-error';

export const EXTRA_MAX_KEYS = 64;
export const EXTRA_MAX_KEY_BYTES = 128;
export const EXTRA_MAX_VALUE_BYTES = 1024;
export const EXTRA_MAX_TOTAL_BYTES = 16 * 1024;

/** Throws `user` naming the first limit Extra exceeds. Sizes are UTF-8 bytes; the total counts keys and values. */
export function checkExtraLimits(extra: Record<string, string>): void {
  const keys = Object.keys(extra);
  if (keys.length > EXTRA_MAX_KEYS) throw userError(`Extra has ${keys.length} keys; at most ${EXTRA_MAX_KEYS} are allowed`);
  let total = 0;
  for (const key of keys) {
    const keyBytes = Buffer.byteLength(key);
    if (keyBytes === 0) throw userError('Extra has an empty key; keys must be 1 to 128 bytes');
    if (keyBytes > EXTRA_MAX_KEY_BYTES) throw userError(`Extra key "${key.slice(0, 32)}...": ${keyBytes} bytes; keys must be 1 to ${EXTRA_MAX_KEY_BYTES} bytes`);
    const valueBytes = Buffer.byteLength(extra[key]);
    if (valueBytes > EXTRA_MAX_VALUE_BYTES) throw userError(`Extra value for key "${key}": ${valueBytes} bytes; values may be at most ${EXTRA_MAX_VALUE_BYTES} bytes (1 KiB)`);
    total += keyBytes + valueBytes;
  }
  if (total > EXTRA_MAX_TOTAL_BYTES) throw userError(`Extra is ${total} bytes in all (keys and values); at most ${EXTRA_MAX_TOTAL_BYTES} bytes (16 KiB) are allowed`);
}
