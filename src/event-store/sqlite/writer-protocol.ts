// Messages between the event store (main thread) and its writer thread. All writes go through one
// thread so that a commit's fsync never blocks the main event loop, and so that appends arriving while a
// commit runs can be gathered into the next one (group commit).
import type { ExpectedRevision } from '../event-store';
import type { SqliteFailure } from './sqlite-errors';

/** An event already serialised to JSON text by the caller's thread. */
export interface EncodedEvent {
  id: string;
  type: string;
  metadata: string;
  data: string;
}

export type WriteOp =
  | {
      kind: 'append';
      streamId: string;
      expected: ExpectedRevision;
      /** True when the caller chose every event id, so a retried append can be recognised by them. */
      callerIds: boolean;
      events: EncodedEvent[];
    }
  | { kind: 'delete'; streamId: string; expected: ExpectedRevision; tombstone: boolean };

/** What became of one operation of a committed batch. */
export type WriteOutcome =
  | { ok: true; revision: number; position: number; written: number }
  | { ok: false; reason: 'conflict'; actual: number }
  | { ok: false; reason: 'tombstoned' }
  | { ok: false; reason: 'rejected'; message: string };

export interface WriterSettings {
  file: string;
  busyTimeoutMs: number;
}

export type ToWriter = { kind: 'batch'; seq: number; ops: PackedOps } | { kind: 'close' };

export type FromWriter =
  | { kind: 'ready' }
  | { kind: 'open-failed'; failure: SqliteFailure }
  | { kind: 'committed'; seq: number; outcomes: PackedOutcomes; durationMs: number }
  /** The transaction did not commit: every operation of the batch failed. */
  | { kind: 'batch-failed'; seq: number; failure: SqliteFailure }
  | { kind: 'closed' };

// Batches cross the thread boundary as flat arrays: copying one array of strings is several times cheaper
// than copying as many small objects, and the writer thread is where the time goes under load.

/** Per operation: kind, stream id, expectation, then for an append the caller-ids flag, the event count and
 * four strings per event; for a delete the tombstone flag. */
export type PackedOps = Array<string | number>;

export function packOps(ops: WriteOp[]): PackedOps {
  const packed: PackedOps = [];
  for (const op of ops) {
    packed.push(op.kind === 'append' ? 'a' : 'd', op.streamId, op.expected);
    if (op.kind === 'delete') {
      packed.push(op.tombstone ? 1 : 0);
      continue;
    }
    packed.push(op.callerIds ? 1 : 0, op.events.length);
    for (const e of op.events) packed.push(e.id, e.type, e.metadata, e.data);
  }
  return packed;
}

export function unpackOps(packed: PackedOps): WriteOp[] {
  const ops: WriteOp[] = [];
  for (let i = 0; i < packed.length; ) {
    const kind = packed[i];
    const streamId = packed[i + 1] as string;
    const expected = packed[i + 2] as ExpectedRevision;
    if (kind === 'd') {
      ops.push({ kind: 'delete', streamId, expected, tombstone: packed[i + 3] === 1 });
      i += 4;
      continue;
    }
    const callerIds = packed[i + 3] === 1;
    const count = packed[i + 4] as number;
    i += 5;
    const events: EncodedEvent[] = [];
    for (let n = 0; n < count; n++, i += 4) {
      events.push({ id: packed[i] as string, type: packed[i + 1] as string, metadata: packed[i + 2] as string, data: packed[i + 3] as string });
    }
    ops.push({ kind: 'append', streamId, expected, callerIds, events });
  }
  return ops;
}

/** Four numbers per outcome (code and up to three values), and the texts of refused operations. */
export interface PackedOutcomes {
  numbers: Float64Array;
  messages: string[];
}

const OUTCOME_CODES = { ok: 0, conflict: 1, tombstoned: 2, rejected: 3 } as const;

export function packOutcomes(outcomes: WriteOutcome[]): PackedOutcomes {
  const numbers = new Float64Array(outcomes.length * 4);
  const messages: string[] = [];
  outcomes.forEach((outcome, n) => {
    const at = n * 4;
    if (outcome.ok) {
      numbers.set([OUTCOME_CODES.ok, outcome.revision, outcome.position, outcome.written], at);
    } else if (outcome.reason === 'conflict') {
      numbers.set([OUTCOME_CODES.conflict, outcome.actual], at);
    } else if (outcome.reason === 'tombstoned') {
      numbers[at] = OUTCOME_CODES.tombstoned;
    } else {
      numbers.set([OUTCOME_CODES.rejected, messages.length], at);
      messages.push(outcome.message);
    }
  });
  return { numbers, messages };
}

export function outcomeAt(packed: PackedOutcomes, n: number): WriteOutcome {
  const [code, a, b, c] = packed.numbers.subarray(n * 4, n * 4 + 4);
  switch (code) {
    case OUTCOME_CODES.ok:
      return { ok: true, revision: a, position: b, written: c };
    case OUTCOME_CODES.conflict:
      return { ok: false, reason: 'conflict', actual: a };
    case OUTCOME_CODES.tombstoned:
      return { ok: false, reason: 'tombstoned' };
    default:
      return { ok: false, reason: 'rejected', message: packed.messages[a] };
  }
}
