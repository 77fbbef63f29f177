// mox's message retry schedule (reference 3.4): 7.5 min doubling, integer jitter -5..+4 s, 8 attempts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffMs, DEFAULT_MAX_ATTEMPTS, maxAttemptsOf, randomJitterSeconds } from '../../src/delivery/retry-schedule';

const minutes = (m: number) => m * 60_000;

describe('retry schedule', () => {
  it('waits 7.5m, 15m, 30m, 1h, 2h, 4h, 8h after attempts 1..7 (no jitter)', () => {
    const waits = [0, 1, 2, 3, 4, 5, 6].map((previous) => backoffMs(previous, 0));
    assert.deepEqual(waits, [7.5, 15, 30, 60, 120, 240, 480].map(minutes));
  });

  it('attempt times from the first: 0, 7.5m, 22.5m, 52.5m, 1h52.5m, 3h52.5m, 7h52.5m, 15h52.5m', () => {
    let at = 0;
    const times = [0];
    for (let previous = 0; previous < DEFAULT_MAX_ATTEMPTS - 1; previous++) times.push((at += backoffMs(previous, 0)));
    assert.deepEqual(times, [0, 7.5, 22.5, 52.5, 112.5, 232.5, 472.5, 952.5].map(minutes));
  });

  it('doubles the jitter with the wait', () => {
    assert.equal(backoffMs(0, -5), 445_000);
    assert.equal(backoffMs(0, 4), 454_000);
    assert.equal(backoffMs(3, -5), 445_000 * 8);
  });

  it('jitter is an integer from -5 to +4 and takes every value', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(randomJitterSeconds());
    assert.deepEqual([...seen].sort((a, b) => a - b), [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4]);
  });

  it('MaxAttempts 0 means 8', () => {
    assert.equal(maxAttemptsOf(0), 8);
    assert.equal(maxAttemptsOf(5), 5);
  });
});
