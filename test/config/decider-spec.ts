// Given/when/then for decide functions: given the events already in a stream, when a command (with the
// facts its handler would gather) is decided, then exactly these events, or a refusal with this code.
import assert from 'node:assert/strict';
import { ApiError } from '../../src/api/api-error';
import type { DecidedEvent } from '../../src/core/command-handling';
import type { StoredEvent } from '../../src/event-store/event-store';

export interface Stream<State> {
  initialState: () => State;
  evolve: (state: State, event: StoredEvent) => State;
}

export function stored(events: DecidedEvent[], streamId = 'test-1'): StoredEvent[] {
  return events.map((e, i) => ({
    id: `e${i}`,
    streamId,
    revision: i,
    position: i,
    type: e.type,
    data: e.data,
    metadata: { now: '2025-03-14T09:00:00.000Z' },
  }));
}

export function specification<State, Input>(stream: Stream<State>, decide: (input: Input, state: State) => DecidedEvent[]) {
  return {
    given(history: DecidedEvent[]) {
      const state = stored(history).reduce(stream.evolve, stream.initialState());
      return {
        when(input: Input) {
          return {
            then(expected: DecidedEvent[]): void {
              assert.deepEqual(decide(input, state), expected);
            },
            /** The refusal's code, and a pattern its message must match (it says what to fix). */
            thenRejects(code: string, message: RegExp): void {
              assert.throws(
                () => decide(input, state),
                (err: unknown) => {
                  assert.ok(err instanceof ApiError, `expected an ApiError, got ${String(err)}`);
                  assert.equal(err.code, code, err.message);
                  assert.match(err.message, message);
                  return true;
                },
              );
            },
          };
        },
      };
    },
  };
}
