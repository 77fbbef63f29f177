// Content-addressed storage of raw messages through the event store, so one store (SQLite file or
// EventStoreDB cluster) holds everything. Reads stream chunk by chunk, so a 50 MiB message never sits in
// memory as a whole.
import { createHash } from 'node:crypto';
import { ExpectedRevisionConflict, type EventStore } from '../event-store/event-store';
import { CHUNK_SIZE, contentStream, type ContentRef } from './content-events';

/** Chunk events read at a time: up to 2 MiB of message held in memory. */
const PAGE = 4;

export class ContentNotFound extends Error {
  override readonly name = 'ContentNotFound';
  constructor(readonly sha256: string) {
    super(`message content ${sha256} is not stored (removed after its retention period, or never written)`);
  }
}

export class ContentStore {
  constructor(private readonly store: EventStore) {}

  async put(bytes: Buffer, now: Date = new Date()): Promise<ContentRef> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const streamId = contentStream(sha256);
    const metadata = { now: now.toISOString() };
    const ref = { Sha256: sha256, Size: bytes.length };
    // Content is new far more often than not (a composed message has its own Message-ID and Date): write
    // it on the expectation that the stream does not exist, and read the stream only when it does.
    if (await this.writeChunks(sha256, bytes, metadata, true)) return ref;
    for (let tries = 0; tries < 5; tries++) {
      const last = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
      if (last.length > 0 && last[0].type !== 'ContentChunkStored') {
        try {
          await this.store.appendToStream(streamId, [{ type: 'ContentReused', data: {}, metadata }], { expectedRevision: last[0].revision });
          return ref;
        } catch (err) {
          if (err instanceof ExpectedRevisionConflict) continue;
          throw err;
        }
      }
      // Absent, or left incomplete by a writer that crashed: write every chunk after whatever is there.
      // Readers take each chunk index once, in order, so leftovers and a concurrent writer of the same
      // bytes do no harm.
      await this.writeChunks(sha256, bytes, metadata, false);
      return ref;
    }
    throw new Error(`could not store message content ${sha256}: it kept changing underneath`);
  }

  /** Appends every chunk, then the completion. With `expectNew`, writes nothing and answers false when the stream exists. */
  private async writeChunks(sha256: string, bytes: Buffer, metadata: { now: string }, expectNew: boolean): Promise<boolean> {
    const streamId = contentStream(sha256);
    const chunks = Math.max(1, Math.ceil(bytes.length / CHUNK_SIZE));
    const stored = { type: 'ContentStored', data: { Sha256: sha256, Size: bytes.length, Chunks: chunks }, metadata };
    for (let i = 0; i < chunks; i++) {
      const data = bytes.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE).toString('base64');
      const chunk = { type: 'ContentChunkStored', data: { Index: i, Data: data }, metadata };
      // The last chunk and the completion go in one append (one commit for most messages); each append
      // stays under EventStoreDB's 1 MiB limit: at most 512 KiB of bytes is about 700 KB of base64.
      const options = i === 0 && expectNew ? { expectedRevision: 'no_stream' as const } : undefined;
      try {
        await this.store.appendToStream(streamId, i === chunks - 1 ? [chunk, stored] : [chunk], options);
      } catch (err) {
        if (options && err instanceof ExpectedRevisionConflict) return false;
        throw err;
      }
    }
    return true;
  }

  /** The bytes, chunk by chunk. Throws ContentNotFound before yielding anything when absent or incomplete. */
  async *read(sha256: string): AsyncGenerator<Buffer> {
    const streamId = contentStream(sha256);
    const last = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    if (last.length === 0 || last[0].type === 'ContentChunkStored') throw new ContentNotFound(sha256);
    let from = 0;
    let expected = 0;
    for (;;) {
      const page = await this.store.readStream(streamId, { fromRevision: from, maxCount: PAGE });
      if (page.length === 0) break;
      for (const event of page) {
        if (event.type === 'ContentChunkStored') {
          // A writer that crashed and a later one both wrote chunk i: take each index once.
          if (event.data.Index !== expected) continue;
          expected++;
          yield Buffer.from(event.data.Data as string, 'base64');
        }
      }
      // A short page is the end of the stream: no need to ask again (most messages are one chunk and
      // their completion, read in one page).
      if (page.length < PAGE) break;
      from = page[page.length - 1].revision + 1;
    }
  }

  async get(sha256: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const part of this.read(sha256)) parts.push(part);
    return Buffer.concat(parts);
  }

  async exists(sha256: string): Promise<boolean> {
    const last = await this.store.readStream(contentStream(sha256), { direction: 'backwards', maxCount: 1 });
    return last.length > 0 && last[0].type !== 'ContentChunkStored';
  }

  /**
   * Deletes the content if its stream is still at `revision` (nobody reused it since the caller decided it
   * was unreferenced). Returns false when it changed.
   */
  async delete(sha256: string, revision: number): Promise<boolean> {
    try {
      await this.store.deleteStream(contentStream(sha256), { expectedRevision: revision });
      return true;
    } catch (err) {
      if (err instanceof ExpectedRevisionConflict) return false;
      throw err;
    }
  }

  async revision(sha256: string): Promise<number | null> {
    const last = await this.store.readStream(contentStream(sha256), { direction: 'backwards', maxCount: 1 });
    return last.length > 0 ? last[0].revision : null;
  }
}
