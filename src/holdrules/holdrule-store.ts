// Reading the hold rules read model (projections/holdrules).
import type Database from 'better-sqlite3';
import { HOLDRULES_TABLE } from '../../projections/holdrules';
import type { HoldRule } from './holdrule-events';

export function readHoldRules(db: Database.Database): HoldRule[] {
  return db
    .prepare(`SELECT ID, Account, SenderDomain, RecipientDomain, SenderDomainStr, RecipientDomainStr FROM ${HOLDRULES_TABLE} ORDER BY ID`)
    .all() as HoldRule[];
}
