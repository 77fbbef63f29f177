import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { durationProblem, parseDuration } from '../../src/config/durations';

describe('parseDuration', () => {
  for (const [text, ms] of [
    ['0', 0],
    ['0s', 0],
    ['72h', 72 * 3600_000],
    ['30m', 30 * 60_000],
    ['1h30m', 90 * 60_000],
    ['1.5h', 90 * 60_000],
    ['.5s', 500],
    ['250ms', 250],
    ['1500us', 1.5],
    ['1500µs', 1.5],
    ['2000000ns', 2],
  ] as const) {
    it(`${text} is ${ms} ms`, () => assert.equal(parseDuration(text), ms));
  }

  for (const text of ['', '72', 'h', '-1h', '+1h', '1d', '1 h', '1h ', 'abc', '1.h.5']) {
    it(`refuses ${JSON.stringify(text)}`, () => assert.equal(parseDuration(text), null));
  }

  it('names the field and gives examples', () => {
    assert.match(durationProblem('KeepRetiredMessagePeriod', '3 days')!, /KeepRetiredMessagePeriod: "3 days" is not a duration such as "72h"/);
    assert.match(durationProblem('X', '3000000h')!, /292 years/);
    assert.equal(durationProblem('X', '168h'), null);
  });
});
