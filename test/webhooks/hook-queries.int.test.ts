// How the worker finds what to call, on the real read-model table: one webhook per URL in mox's order
// (NextAttempt, ID), busy URLs left out (this worker's, and those another node has a valid claim on), an
// interrupted claim not blocking its URL forever, and a long backlog for one URL hiding no other URL.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { beforeEach, describe, it } from 'node:test';
import { WEBHOOKS_TABLE, webhooksProjection } from '../../projections/webhooks';
import { createIndexSql, createTableSql } from '../../src/projecting/table-sql';
import { HookQueries } from '../../src/webhooks/hook-queries';

const NOW = new Date('2025-03-14T10:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('due webhooks', () => {
  let db: Database.Database;
  let queries: HookQueries;
  const add = (id: number, url: string, nextMs: number, over: { InFlight?: number; Retired?: number } = {}) =>
    db
      .prepare(`INSERT INTO ${WEBHOOKS_TABLE} (ID, URL, NextAttempt, Retired, InFlight, Revision) VALUES (?, ?, ?, ?, ?, 0)`)
      .run(id, url, at(nextMs), over.Retired ?? 0, over.InFlight ?? 0);
  const ids = (rows: { ID: number }[]) => rows.map((r) => r.ID);

  beforeEach(() => {
    db = new Database(':memory:');
    const table = webhooksProjection.tables.find((t) => t.name === WEBHOOKS_TABLE)!;
    db.exec(createTableSql(table, table.name));
    for (const sql of createIndexSql(table, table.name, 'g0')) db.exec(sql);
    queries = new HookQueries(db);
  });

  it('offers the earliest due webhook of each URL, in NextAttempt then ID order', () => {
    add(1, 'a', -3000);
    add(2, 'a', -4000);
    add(3, 'b', -1000);
    add(4, 'c', 5000); // not due yet
    add(5, 'd', -2000, { Retired: 1 });
    add(6, 'e', -1000);
    assert.deepEqual(ids(queries.due(NOW, [], [], 10)), [2, 3, 6]);
    assert.deepEqual(ids(queries.due(NOW, [], [], 2)), [2, 3]);
    assert.equal(queries.nextDue(), at(-4000));
  });

  it('leaves out busy URLs: this worker\'s, and those another node has a valid claim on', () => {
    add(1, 'a', -1000);
    add(2, 'b', -1000);
    add(3, 'c', 60_000, { InFlight: 1 }); // claimed by another node, retried in a minute if it dies
    add(4, 'c', -1000);
    assert.deepEqual(ids(queries.due(NOW, ['a'], [], 10)), [2]);
    assert.deepEqual(ids(queries.due(NOW, [], [3], 10)), [1, 2, 4], 'our own claim does not block the URL');
    assert.deepEqual(ids(queries.dueFor('c', NOW, [], 5)), []);
    assert.deepEqual(ids(queries.dueFor('c', NOW, [3], 5)), [4]);
  });

  it('an interrupted claim stops blocking its URL when it expires, and is offered itself', () => {
    add(1, 'a', -1, { InFlight: 1 });
    add(2, 'a', 0);
    assert.deepEqual(ids(queries.due(NOW, [], [], 10)), [1]);
    assert.deepEqual(ids(queries.dueFor('a', NOW, [], 5)), [1, 2]);
  });

  it('a long backlog for one URL hides no other URL', () => {
    const insert = db.transaction(() => {
      for (let i = 1; i <= 5000; i++) add(i, 'dead', -10_000_000 + i);
      add(9001, 'alive', -1);
    });
    insert();
    assert.deepEqual(ids(queries.due(NOW, ['dead'], [], 10)), [9001]);
    assert.deepEqual(ids(queries.due(NOW, [], [], 10)), [1, 9001]);
  });
});
