// The decision EventStoreDB's index writer takes before it writes anything to a stream
// (IndexWriter.CheckCommit): expected-version checks, idempotent retries recognised by event id, and
// the soft-delete rules. Kept apart from storage so it reads like the original, branch for branch.
import { DELETED_STREAM, EXPECT_ANY, EXPECT_NO_STREAM, EXPECT_STREAM_EXISTS, metastreamOf } from './records';

export interface CommitCheckIndex {
  /** Last event number; -1 when the stream has none, DELETED_STREAM once tombstoned. */
  lastEventNumber(streamId: string): bigint;
  /** The stream's metadata carries `$tb` = DELETED_STREAM (soft-deleted, not yet written again). */
  isSoftDeleted(streamId: string): boolean;
  /** Where an event id was committed (EventStoreDB keeps this in a cache of recent commits). */
  committedEvent(eventId: string): { streamId: string; revision: bigint } | undefined;
  eventIdAt(streamId: string, revision: bigint): string | undefined;
}

export type CommitCheck =
  | { decision: 'ok'; currentVersion: bigint; isSoftDeleted: boolean }
  | { decision: 'wrong-expected-version'; currentVersion: bigint }
  | { decision: 'deleted'; currentVersion: bigint }
  | { decision: 'idempotent'; currentVersion: bigint; firstEventNumber: bigint; lastEventNumber: bigint };

export function checkCommit(index: CommitCheckIndex, streamId: string, expectedVersion: bigint, eventIds: readonly string[]): CommitCheck {
  const currentVersion = index.lastEventNumber(streamId);
  const wrong = (): CommitCheck => ({ decision: 'wrong-expected-version', currentVersion });
  const ok = (isSoftDeleted: boolean): CommitCheck => ({ decision: 'ok', currentVersion, isSoftDeleted });
  const idempotent = (first: bigint, last: bigint): CommitCheck => ({
    decision: 'idempotent',
    currentVersion,
    firstEventNumber: first,
    lastEventNumber: last,
  });

  if (currentVersion === DELETED_STREAM) return { decision: 'deleted', currentVersion };

  if (expectedVersion === EXPECT_STREAM_EXISTS) {
    // A soft-deleted stream does not "exist": EventStoreDB answers StreamDeleted here, not a version error.
    if (index.isSoftDeleted(streamId)) return { decision: 'deleted', currentVersion };
    if (currentVersion < 0n && index.lastEventNumber(metastreamOf(streamId)) < 0n) return wrong();
  }

  if (expectedVersion === EXPECT_ANY || expectedVersion === EXPECT_STREAM_EXISTS) {
    // Idempotency without a version: every id must already be in this stream, or none of them.
    let first: bigint | undefined;
    let last = -1n;
    for (const id of eventIds) {
      const committed = index.committedEvent(id);
      if (!committed || committed.streamId !== streamId) {
        return first === undefined ? ok(index.isSoftDeleted(streamId)) : wrong(); // partly written: not idempotent
      }
      first ??= committed.revision;
      last = committed.revision;
    }
    return first === undefined ? ok(index.isSoftDeleted(streamId)) : idempotent(first, last);
  }

  if (expectedVersion < currentVersion) {
    // The stream moved on. Success only when the events right after the expected version are these.
    let eventNumber = expectedVersion;
    for (const id of eventIds) {
      eventNumber += 1n;
      if (index.eventIdAt(streamId, eventNumber) === id) continue;
      if (eventNumber !== expectedVersion + 1n) return wrong();
      // The first write after a soft delete may say "no stream": the stream is recreated.
      if (expectedVersion === EXPECT_NO_STREAM && index.isSoftDeleted(streamId)) return ok(true);
      return wrong();
    }
    if (eventNumber === expectedVersion) return wrong(); // nothing to compare
    return idempotent(expectedVersion + 1n, eventNumber);
  }

  if (expectedVersion > currentVersion) return wrong();
  return ok(index.isSoftDeleted(streamId));
}
