// Turns events as the client returns them into the port's StoredEvent.
import type { ResolvedEvent } from '@eventstore/db-client';
import type { EventMetadata, StoredEvent } from '../event-store';
import { ORIGINAL_ID_KEY } from './event-ids';

/** Nodes older than 22.6 send 2^64 - 1 ("no position") for events read from a stream. */
const NO_POSITION = 2n ** 63n;

/** Commit position of the event: its place in $all, as a number (see event-store.ts). */
export function positionOf(resolved: ResolvedEvent): number | undefined {
  const commit = resolved.commitPosition ?? resolved.event?.position?.commit;
  return commit === undefined || commit >= NO_POSITION ? undefined : Number(commit);
}

export function toStoredEvent(resolved: ResolvedEvent): StoredEvent | undefined {
  const event = resolved.event;
  if (!event) return undefined;
  const raw = event.metadata;
  const metadata: Record<string, unknown> = raw && typeof raw === 'object' && !(raw instanceof Uint8Array) && !Array.isArray(raw) ? { ...raw } : {};
  const original = metadata[ORIGINAL_ID_KEY];
  delete metadata[ORIGINAL_ID_KEY];
  return {
    id: typeof original === 'string' ? original : event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: positionOf(resolved) ?? -1,
    type: event.type,
    data: event.data,
    metadata: metadata as EventMetadata,
  };
}
