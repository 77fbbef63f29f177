// The two parts of a rebuild that no projection code can avoid, each measured alone:
//
// - reading: the whole log through the store's scan, pages parsed into events and nothing done with
//   them (the same pages and the same data left out as the one-pass rebuild reads);
// - writing: the rows the rebuild ended with, handed to better-sqlite3 in transactions of 2,000 rows into
//   fresh tables of another file with the read model's settings, then the same secondary indexes. The
//   rows are read from the rebuilt read model beforehand, outside the measurement.
//
// CPU is that of the whole process (every thread), so it counts the scan's reading thread too.
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import type { EventStore } from '../../src/event-store/event-store';
import { openReadModelDb } from '../../src/projecting/read-model-db';

export interface FloorMeasure {
  seconds: number;
  cpuSeconds: number;
  count: number;
}

const TRANSACTION_ROWS = 2_000;

async function measured(run: () => Promise<number> | number): Promise<FloorMeasure> {
  const cpu0 = process.cpuUsage();
  const started = process.hrtime.bigint();
  const count = await run();
  const cpu = process.cpuUsage(cpu0);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: (cpu.user + cpu.system) / 1e6, count };
}

export function readingFloor(store: EventStore, withoutData: readonly string[]): Promise<FloorMeasure> {
  return measured(async () => {
    let events = 0;
    for await (const page of store.scanAll({ pageSize: 2_000, withoutData })) events += page.length;
    return events;
  });
}

/** Rewrites every table of `tables` (with its indexes) from `source` into a new file `target`. */
export async function writingFloor(source: Database.Database, tables: string[], target: string): Promise<FloorMeasure> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
  const db = openReadModelDb(target);
  let cpuMicros = 0;
  let wallNanos = 0n;
  let rows = 0;
  const timed = (work: () => void) => {
    const cpu0 = process.cpuUsage();
    const started = process.hrtime.bigint();
    work();
    wallNanos += process.hrtime.bigint() - started;
    const cpu = process.cpuUsage(cpu0);
    cpuMicros += cpu.user + cpu.system;
  };
  try {
    const schema = (type: string, table: string) =>
      source.prepare(`SELECT sql FROM sqlite_master WHERE type = ? AND tbl_name = ? AND sql IS NOT NULL`).pluck().all(type, table) as string[];
    for (const table of tables) {
      for (const sql of schema('table', table)) db.exec(sql);
      const columns = source.prepare(`SELECT * FROM "${table}" LIMIT 1`).columns().length;
      const insert = db.prepare(`INSERT OR REPLACE INTO "${table}" VALUES (${Array.from({ length: columns }, () => '?').join(', ')})`);
      const write = db.transaction((batch: unknown[][]) => {
        for (const row of batch) insert.run(row);
      });
      let batch: unknown[][] = [];
      for (const row of source.prepare(`SELECT * FROM "${table}"`).raw(true).iterate() as IterableIterator<unknown[]>) {
        batch.push(row);
        if (batch.length === TRANSACTION_ROWS) {
          const full = batch;
          timed(() => write(full));
          rows += full.length;
          batch = [];
        }
      }
      if (batch.length > 0) timed(() => write(batch));
      rows += batch.length;
    }
    for (const table of tables) for (const sql of schema('index', table)) timed(() => db.exec(sql));
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
  }
  return { seconds: Number(wallNanos) / 1e9, cpuSeconds: cpuMicros / 1e6, count: rows };
}
