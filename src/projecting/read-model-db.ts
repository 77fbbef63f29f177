// The local read-model database (data/projections.sqlite). Read models can always be rebuilt from the
// event log, so commits need not be synced to disk one by one: WAL with synchronous=NORMAL keeps every
// transaction atomic (rows and checkpoint together) and a crash only loses the last few batches, which the
// runner then applies again from the checkpoint.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensureCatalog } from './projection-catalog';

export function openReadModelDb(file: string, options: { readonly?: boolean } = {}): Database.Database {
  if (file !== ':memory:' && !existsSync(dirname(file))) {
    throw new Error(`read-model database ${file}: directory ${dirname(file)} does not exist`);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    db.pragma('busy_timeout = 10000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // A larger page cache (32 MiB) keeps a rebuild's hot B-tree pages in memory between batches.
      db.pragma('cache_size = -32768');
      // Checkpoint the WAL into the file less often than every 4 MiB: fewer, larger writes.
      db.pragma('wal_autocheckpoint = 16384');
      ensureCatalog(db);
    }
    memoizePrepare(db);
    db.prepare('SELECT 1').get();
  } catch (err) {
    throw new Error(`read-model database ${file}: ${(err as Error).message} (it can be deleted and rebuilt from the event log)`, { cause: err });
  }
  return db;
}

/**
 * Read models are queried from many places with the same SQL; compiling a statement costs more than most of
 * these indexed reads, so the connection keeps the statements it has compiled (the most recent 1,000: SQL
 * built from list filters varies). Callers never change a statement's mode (pluck, raw), so sharing is safe.
 */
function memoizePrepare(db: Database.Database): void {
  const compile = db.prepare.bind(db);
  const compiled = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = compiled.get(sql);
    if (statement === undefined) {
      statement = compile(sql);
      if (compiled.size >= 1_000) compiled.delete(compiled.keys().next().value as string);
      compiled.set(sql, statement);
    }
    return statement;
  }) as Database.Database['prepare'];
}
