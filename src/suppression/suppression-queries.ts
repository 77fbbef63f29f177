// Reads of the suppressions read model: listing, lookups by base address, and the snapshot a command
// decides on (is the base address listed, and at which stream revision was that true).
import type Database from 'better-sqlite3';
import { SUPPRESSION_STREAMS_TABLE, SUPPRESSIONS_TABLE } from '../../projections/suppressions';
import type { Suppression } from './suppression-events';

interface RawRow {
  ID: number;
  Created: string;
  Account: string;
  BaseAddress: string;
  OriginalAddress: string;
  Manual: number;
  Reason: string;
}

const toSuppression = (r: RawRow): Suppression => ({
  ID: r.ID,
  Created: r.Created,
  Account: r.Account,
  BaseAddress: r.BaseAddress,
  OriginalAddress: r.OriginalAddress,
  Manual: r.Manual === 1,
  Reason: r.Reason,
});

export interface SuppressionSnapshot {
  /** Revision of `suppressions-<account>` the read model reflects; -1: no events yet. */
  revision: number;
  entry: Suppression | null;
}

export class SuppressionQueries {
  constructor(private readonly db: Database.Database) {}

  /** The account's entries in ID order, as mox lists them. */
  list(account: string): Suppression[] {
    const rows = this.db.prepare(`SELECT * FROM ${SUPPRESSIONS_TABLE} WHERE Account = ? ORDER BY ID`).all(account) as RawRow[];
    return rows.map(toSuppression);
  }

  lookup(account: string, baseAddress: string): Suppression | null {
    const row = this.db.prepare(`SELECT * FROM ${SUPPRESSIONS_TABLE} WHERE Account = ? AND BaseAddress = ?`).get(account, baseAddress) as RawRow | undefined;
    return row ? toSuppression(row) : null;
  }

  snapshot(account: string, baseAddress: string): SuppressionSnapshot {
    // One read transaction: the entry and the revision come from the same applied batch.
    return this.db.transaction(() => {
      const stream = this.db.prepare(`SELECT Revision FROM ${SUPPRESSION_STREAMS_TABLE} WHERE Account = ?`).get(account) as { Revision: number } | undefined;
      return { revision: stream?.Revision ?? -1, entry: this.lookup(account, baseAddress) };
    })();
  }
}
