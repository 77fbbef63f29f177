// mox's filter, sort and keyset pagination (reference 3.8, 10.39-10.40) on a real SQLite table: every
// filter field, both directions of both sort fields, and paging one row at a time giving the same
// sequences as the unpaged lists.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { after, before, describe, it } from 'node:test';
import { ApiError } from '../../src/api/api-error';
import { listRows, listSql, parseTimeFilter, storedTime, Where, type ListingTable, type ListSort } from '../../src/listing';

const NOW = new Date('2025-03-14T10:00:00.000Z');
const iso = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

const spec: ListingTable = { table: 'items', id: 'ID', sortFields: { NextAttempt: 'NextAttempt', Queued: 'Queued' }, defaultField: 'NextAttempt' };

describe('listing', () => {
  let db: Database.Database;

  before(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE items (ID INTEGER PRIMARY KEY, Account TEXT, Sender TEXT, Recipient TEXT, Hold INTEGER, Transport TEXT, Queued TEXT, NextAttempt TEXT)');
    const insert = db.prepare('INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    // Six rows as mox's TestListFilterSort: the last queued 1 s earlier and due 1 min later; two share a NextAttempt.
    for (let id = 1; id <= 5; id++) insert.run(id, 'mjl', 'mjl@mox.example', `rcpt${id}@remote.example`, 0, '', iso(-1000 + id), iso(id === 5 ? 4 : id));
    insert.run(6, 'other', 'other@Mox.example', 'x@remote.example', 1, 'submit', iso(-2000), iso(60_000));
  });
  after(() => db.close());

  const ids = (where: Where, sort?: ListSort, max?: number) => listRows(db, spec, { where, sort, max }).map((r) => r.ID);

  it('orders by NextAttempt then ID, descending by default (Go\'s zero Asc)', () => {
    assert.deepEqual(ids(new Where(), { Asc: true }), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(ids(new Where()), [6, 5, 4, 3, 2, 1]);
    assert.deepEqual(ids(new Where(), { Field: 'Queued', Asc: true }), [6, 1, 2, 3, 4, 5]);
    assert.deepEqual(ids(new Where(), { Field: 'Queued' }), [5, 4, 3, 2, 1, 6]);
  });

  it('pages one row at a time through all four field and direction combinations', () => {
    for (const Field of ['NextAttempt', 'Queued']) {
      for (const Asc of [true, false]) {
        const all = listRows(db, spec, { where: new Where(), sort: { Field, Asc } });
        const paged: unknown[] = [];
        let sort: ListSort = { Field, Asc };
        for (;;) {
          const page = listRows(db, spec, { where: new Where(), sort, max: 1 });
          if (page.length === 0) break;
          paged.push(page[0].ID);
          // The next page starts after this row: its ID and its Field value as RFC 3339 (nano in mox).
          sort = { Field, Asc, LastID: page[0].ID as number, Last: (page[0][Field] as string).replace('Z', '000000Z') };
        }
        assert.deepEqual(paged, all.map((r) => r.ID), `${Field} ${Asc ? 'asc' : 'desc'}`);
      }
    }
  });

  it('applies every filter field with AND, From/To with OR, substrings case-sensitively (10.39, 10.40)', () => {
    const combined = new Where()
      .inList('ID', [1, 2, 3])
      .equalsNonEmpty('Account', 'mjl')
      .containsAny([['Sender', '@mox.example'], ['Recipient', 'rcpt2@']])
      .equals('Hold', false)
      .time('Submitted', 'Queued', '<1s', NOW)
      .time('NextAttempt', 'NextAttempt', '>1ms', NOW);
    assert.deepEqual(ids(combined, { Asc: true }, 2), [2, 3]);
    assert.deepEqual(ids(new Where().equalsNonEmpty('Account', 'bogus')), []);
    assert.deepEqual(ids(new Where().equalsNonEmpty('Account', '')).length, 6, 'an empty Account does not filter');
    assert.deepEqual(ids(new Where().containsAny([['Sender', 'bogus@'], ['Recipient', 'bogus@']])), []);
    assert.deepEqual(ids(new Where().containsAny([['Sender', '@mox.example']]), { Asc: true }), [1, 2, 3, 4, 5], 'case-sensitive: @Mox.example does not match');
    assert.deepEqual(ids(new Where().containsAny([['Sender', 'other@'], ['Recipient', 'rcpt1@']]), { Asc: true }), [1, 6], 'From OR To');
    assert.deepEqual(ids(new Where().time('Submitted', 'Queued', '<now', NOW)).length, 6);
    assert.deepEqual(ids(new Where().time('Submitted', 'Queued', '>now', NOW)), []);
    assert.deepEqual(ids(new Where().time('Submitted', 'Queued', '<-1500ms', NOW)), [6]);
    assert.deepEqual(ids(new Where().time('NextAttempt', 'NextAttempt', '<1m', NOW)).length, 5);
    assert.deepEqual(ids(new Where().time('NextAttempt', 'NextAttempt', '>1m', NOW)), []);
    assert.deepEqual(ids(new Where().equals('Transport', '')).length, 5, 'Transport "" means the default');
    assert.deepEqual(ids(new Where().equals('Transport', 'bogus')), []);
    assert.deepEqual(ids(new Where().equals('Hold', true)), [6]);
    assert.deepEqual(ids(new Where(), { Asc: true }, 0).length, 6, 'Max 0 is no limit');
  });

  const userErrors: [string, () => unknown, RegExp][] = [
    ['a time filter without < or >', () => parseTimeFilter('Filter.Submitted', '1h', NOW), /must start with "<" or ">"/],
    ['a time filter that is no duration', () => parseTimeFilter('Filter.Submitted', '<soon', NOW), /neither "now" nor a duration/],
    ['an unknown sort field', () => listSql(spec, { where: new Where(), sort: { Field: 'Bogus' } }), /Sort.Field: unknown field "Bogus"; use NextAttempt or Queued/],
    ['LastID without Last', () => listSql(spec, { where: new Where(), sort: { LastID: 3 } }), /Sort.Last: required/],
    ['Last that is not RFC 3339', () => listSql(spec, { where: new Where(), sort: { LastID: 3, Last: 'yesterday' } }), /not an RFC 3339 time/],
    ['a negative Max', () => listSql(spec, { where: new Where(), max: -1 }), /Max: -1/],
  ];
  for (const [name, call, message] of userErrors) {
    it(`refuses ${name} with a user error`, () => {
      assert.throws(call, (err: unknown) => err instanceof ApiError && err.code === 'user' && message.test(err.message));
    });
  }

  it('reads RFC 3339 times with any fraction and zone as the stored form', () => {
    assert.equal(storedTime('2025-03-14T09:26:54.016123456Z'), '2025-03-14T09:26:54.016Z');
    assert.equal(storedTime('2025-03-14T10:26:54+01:00'), '2025-03-14T09:26:54.000Z');
    assert.equal(storedTime('2025-03-14 09:26:54Z'), '2025-03-14T09:26:54.000Z');
    assert.equal(storedTime('14 March'), null);
  });

  it('keeps values out of the SQL text', () => {
    const { sql, params } = listSql(spec, { where: new Where().equalsNonEmpty('Account', "x' OR 1=1 --"), max: 5 });
    assert.doesNotMatch(sql, /OR 1=1/);
    assert.deepEqual(params, ["x' OR 1=1 --", 5]);
    assert.throws(() => new Where().equals('Account; DROP TABLE items', 1), /invalid column name/);
  });
});
