// Events of content streams (`content-<sha256>`): a message's raw bytes, stored once however many
// messages refer to them, in chunks small enough for any event store (EventStoreDB refuses appends over
// about 1 MiB; 512 KiB of bytes is about 700 KB of base64).
export const CHUNK_SIZE = 512 * 1024;

export interface ContentChunkStored {
  type: 'ContentChunkStored';
  data: { Index: number; Data: string /* base64 */ };
}

/** The last event of a complete content stream. */
export interface ContentStored {
  type: 'ContentStored';
  data: { Sha256: string; Size: number; Chunks: number };
}

/** Written by a writer that found the content already stored: moves the stream's revision, so a cleanup
 *  that decided on the older revision cannot delete it underneath the writer. */
export interface ContentReused {
  type: 'ContentReused';
  data: Record<string, never>;
}

export type ContentEvent = ContentChunkStored | ContentStored | ContentReused;

export const contentStream = (sha256: string) => `content-${sha256}`;

export interface ContentRef {
  /** Hex SHA-256 of the bytes. */
  Sha256: string;
  Size: number;
}
