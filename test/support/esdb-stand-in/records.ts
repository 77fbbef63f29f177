// What the stand-in keeps: one record per event in a single ordered log, as EventStoreDB's transaction
// file does. Numbers follow EventStoreDB's own encoding (64-bit integers, so bigint here).

/** EventStoreDB's `EventNumber.DeletedStream` (long.MaxValue): the tombstone's event number and the
 * `$tb` value that marks a soft-deleted stream. */
export const DELETED_STREAM = 2n ** 63n - 1n;

/** EventStoreDB's `ExpectedVersion` constants; a revision >= 0 expects that exact last event number. */
export const EXPECT_ANY = -2n;
export const EXPECT_NO_STREAM = -1n;
export const EXPECT_STREAM_EXISTS = -4n;

export const TOMBSTONE_EVENT_TYPE = '$streamDeleted';
export const METADATA_EVENT_TYPE = '$metadata';

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
}

export interface LogRecord extends ProposedEvent {
  /** Commit and prepare position: gRPC appends commit each event at its own log position. */
  position: bigint;
  streamId: string;
  revision: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as EventStoreDB sends the `created` metadata entry. */
  created: bigint;
}

/** Streams whose name starts with `$$` hold the metadata of the stream named by the rest. */
export function metastreamOf(streamId: string): string {
  return `$$${streamId}`;
}

export function isMetastream(streamId: string): boolean {
  return streamId.startsWith('$$');
}

export function originalStreamOf(metastreamId: string): string {
  return metastreamId.slice(2);
}

/** Roughly what a prepare record occupies in the log, so positions look like byte offsets (with gaps)
 * rather than a dense counter that would hide code assuming `position + 1`. */
export function recordSize(streamId: string, event: Pick<ProposedEvent, 'type' | 'data' | 'metadata'>): bigint {
  return BigInt(96 + Buffer.byteLength(streamId) + event.type.length * 2 + event.data.length + event.metadata.length);
}

/** EventStoreDB's `Event.SizeOnDisk` (data + metadata + two bytes per UTF-16 unit of the type): what
 * counts toward the maximum append size. */
export function sizeOnDisk(event: Pick<ProposedEvent, 'type' | 'data' | 'metadata'>): number {
  return event.data.length + event.metadata.length + event.type.length * 2;
}
