// Numeric ids that are unique across nodes without a coordinator: each node reserves blocks of ids by
// appending to a sequence stream with the expected revision (the loser of a race simply reserves the next
// block), then hands them out from memory. Ids increase within a node and stay below 2^53.
import { ExpectedRevisionConflict, type EventStore } from '../event-store/event-store';

export const IdBlockReserved = 'IdBlockReserved';

export interface IdBlockReservedData {
  /** First id of the block. */
  From: number;
  Count: number;
}

export class IdAllocator {
  private next = 0;
  private end = 0;
  private reserving: Promise<void> | null = null;

  constructor(
    private readonly store: EventStore,
    /** e.g. "queuemsg": the stream is `sequence-queuemsg`. */
    private readonly sequence: string,
    private readonly blockSize = 1000,
  ) {}

  /** `count` consecutive ids. */
  async take(count = 1): Promise<number[]> {
    if (count < 1) throw new Error('at least one id must be taken');
    for (;;) {
      if (this.end - this.next >= count) {
        const first = this.next;
        this.next += count;
        return Array.from({ length: count }, (_, i) => first + i);
      }
      this.reserving ??= this.reserve(Math.max(this.blockSize, count)).finally(() => {
        this.reserving = null;
      });
      await this.reserving;
    }
  }

  private async reserve(count: number): Promise<void> {
    const streamId = `sequence-${this.sequence}`;
    for (let tries = 0; tries < 50; tries++) {
      const last = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
      const previous = last[0]?.data as IdBlockReservedData | undefined;
      const from = previous ? previous.From + previous.Count : 1;
      if (from + count >= Number.MAX_SAFE_INTEGER) throw new Error(`id sequence ${this.sequence} is exhausted`);
      try {
        await this.store.appendToStream(
          streamId,
          [{ type: IdBlockReserved, data: { From: from, Count: count } satisfies IdBlockReservedData, metadata: { now: new Date().toISOString() } }],
          { expectedRevision: last[0] ? last[0].revision : 'no_stream' },
        );
        this.next = from;
        this.end = from + count;
        return;
      } catch (err) {
        if (!(err instanceof ExpectedRevisionConflict)) throw err;
      }
    }
    throw new Error(`could not reserve ids in sequence ${this.sequence}: too much contention`);
  }
}
