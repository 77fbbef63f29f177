// Date (RFC 5322 §3.3 with the obsolete forms of §4.3), Message-ID, References.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messageIdsIn, parseDate, parseMessageId, referencesForMessageGet } from '../../src/mime';

describe('parseDate', () => {
  const cases: Array<[string | undefined, string | null]> = [
    ['Thu, 29 Apr 2010 23:34:45 +0900', '2010-04-29T14:34:45.000Z'],
    ['Thu, 29 Apr 2010 23:34:45 +0900 (JST)', '2010-04-29T14:34:45.000Z'],
    ['29 Apr 2010 23:34 -0000', '2010-04-29T23:34:00.000Z'],
    ['Thu,29 Apr 2012 23:34:45 +0900', '2012-04-29T14:34:45.000Z'],
    ['Fri, 1 Oct 10 19:15:24 EST', '2010-10-02T00:15:24.000Z'],
    ['Fri, 1 Oct 99 19:15:24 GMT', '1999-10-01T19:15:24.000Z'],
    ['Fri, 1 Oct 110 19:15:24 UT', '2010-10-01T19:15:24.000Z'],
    ['Mon, 15 Jul 2013 13:16:38 -0700 (PDT)', '2013-07-15T20:16:38.000Z'],
    ['Tue, 16 Jul 2013 05:16:35 JST', '2013-07-16T05:16:35.000Z'],
    ['  Sat,  6 Dec 2014 20:24:34 +0300 (MSK)', '2014-12-06T17:24:34.000Z'],
    ['31 Feb 2020 10:00:00 +0000', null],
    ['29-04-2017 23:34', null],
    ['yesterday', null],
    ['', null],
    [undefined, null],
  ];
  for (const [input, want] of cases) it(JSON.stringify(input), () => assert.equal(parseDate(input)?.toISOString() ?? null, want));
});

describe('message ids', () => {
  it('finds every id in a field', () => assert.deepEqual(messageIdsIn(' <a@x>\r\n <b@y> junk <c@z>'), ['<a@x>', '<b@y>', '<c@z>']));
  it('reads Message-ID', () => {
    assert.equal(parseMessageId('  <m1@example.org> (comment)'), '<m1@example.org>');
    assert.equal(parseMessageId('bare-id@example.org'), 'bare-id@example.org');
    assert.equal(parseMessageId(undefined), '');
  });
  it('builds MessageGet References: split on white space, In-Reply-To first when missing', () => {
    assert.deepEqual(referencesForMessageGet(['<a@x>\t<b@x>', '<c@x>'], '<r@x>'), ['<r@x>', '<a@x>', '<b@x>', '<c@x>']);
    assert.deepEqual(referencesForMessageGet(['<a@x> <r@x>'], '<r@x>'), ['<a@x>', '<r@x>']);
    assert.deepEqual(referencesForMessageGet([], ''), []);
  });
});
