// Reading the hold rules read model (projections/holdrules).
import type Database from 'better-sqlite3';
import { HOLDRULES_TABLE } from '../../projections/holdrules';
import type { HoldRule } from './holdrule-events';

// Every submission reads the rules twice: the statement is compiled once per connection.
const queries = new WeakMap<Database.Database, Database.Statement<[], HoldRule>>();

export function readHoldRules(db: Database.Database): HoldRule[] {
  let query = queries.get(db);
  if (!query) {
    query = db.prepare(`SELECT ID, Account, SenderDomain, RecipientDomain, SenderDomainStr, RecipientDomainStr FROM ${HOLDRULES_TABLE} ORDER BY ID`);
    queries.set(db, query);
  }
  return query.all();
}
