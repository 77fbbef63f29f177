// EventStoreDB identifies every event by a UUID and uses it to recognise a retried append. The port lets
// callers choose any id (for example a command id plus an index), so a non-UUID id is turned into a
// name-based UUID (RFC 9562 section 5.5, version 5: SHA-1 over a namespace and the name): the same id
// always gives the same UUID, and a retry stays recognisable. The caller's own id travels in the event's
// metadata so reads return exactly what was appended.
import { createHash } from 'node:crypto';

/** Metadata key holding the caller's id when it is not a canonical UUID; removed again on read. */
export const ORIGINAL_ID_KEY = '$originalId';

/** Postwire's own namespace for name-based event ids. */
export const EVENT_ID_NAMESPACE = '34ad6b42-6204-4029-8f2c-a6634c5f7a55';

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isCanonicalUuid(id: string): boolean {
  return CANONICAL_UUID.test(id);
}

/** RFC 9562 section 5.5: version 5 UUID of `name` in a namespace (Postwire's own by default). */
export function nameBasedUuid(name: string, namespace: string = EVENT_ID_NAMESPACE): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // variant 10 (RFC 9562)
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The UUID to send for a caller's id. EventStoreDB returns ids in lower-case canonical form, so only
 * that form passes through unchanged; anything else (upper case included) is mapped and kept.
 */
export function esdbEventId(id: string): { uuid: string; original?: string } {
  return isCanonicalUuid(id) ? { uuid: id } : { uuid: nameBasedUuid(id), original: id };
}
