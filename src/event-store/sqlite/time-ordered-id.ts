// Event ids for events appended without one: UUID version 7 (RFC 9562 section 5.7), a 48-bit Unix time in
// milliseconds followed by random bits. Ids that grow with time land at the end of the store's unique id
// index instead of at a random page, which keeps each group commit small. Still a valid UUID, as
// EventStoreDB requires.
import { randomFillSync } from 'node:crypto';

const POOL_IDS = 256;
const pool = Buffer.alloc(10 * POOL_IDS);
let next = POOL_IDS;

export function timeOrderedId(now: number = Date.now()): string {
  if (next === POOL_IDS) {
    randomFillSync(pool);
    next = 0;
  }
  const random = pool.subarray(next * 10, next * 10 + 10);
  next += 1;
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(now, 0, 6); // unix_ts_ms, 48 bits
  random.copy(bytes, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10 (RFC 9562 section 4.1)
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
