// Suppression lists: one row per (account, base address), plus the revision of each account's
// `suppressions-<account>` stream as far as this read model has applied it. A command checks
// uniqueness here and appends with that revision as the expected one, so a stale read is caught by the
// store instead of producing a duplicate.
import type { StoredEvent } from '../../src/event-store/event-store';
import { defineProjection, type Row, type RowKey } from '../../src/projecting/projection';
import { suppressionEventTypes, type SuppressionEvent } from '../../src/suppression/suppression-events';

export const SUPPRESSIONS_TABLE = 'suppressions';
export const SUPPRESSION_STREAMS_TABLE = 'suppression_streams';

type Handled = Omit<StoredEvent, 'type' | 'data'> & SuppressionEvent;

const isSuppressionStream = (event: Handled) => event.streamId.startsWith('suppressions-');

function evolveEntry(row: Row | null, event: Handled): Row | null {
  if (event.type === 'AddressSuppressed') {
    const d = event.data;
    return { Account: d.Account, BaseAddress: d.BaseAddress, ID: d.ID, Created: d.Created, OriginalAddress: d.OriginalAddress, Manual: d.Manual, Reason: d.Reason };
  }
  // SuppressionRemoved names the entry it removes by ID: a replayed removal never deletes a later re-add.
  return row && row.ID === event.data.ID ? null : row;
}

export const suppressionsProjection = defineProjection({
  name: 'suppressions',
  version: 1,
  eventTypes: suppressionEventTypes,
  tables: [
    {
      name: SUPPRESSIONS_TABLE,
      columns: { Account: 'TEXT', BaseAddress: 'TEXT', ID: 'INTEGER', Created: 'TEXT', OriginalAddress: 'TEXT', Manual: 'BOOLEAN', Reason: 'TEXT' },
      primaryKey: ['Account', 'BaseAddress'],
      indexes: [['Account', 'ID']],
    },
    {
      name: SUPPRESSION_STREAMS_TABLE,
      columns: { Account: 'TEXT', Revision: 'INTEGER' },
      primaryKey: ['Account'],
    },
  ],
  reducers: [
    {
      table: SUPPRESSIONS_TABLE,
      keysOf: (event: Handled): RowKey[] => (isSuppressionStream(event) ? [[event.data.Account, event.data.BaseAddress]] : []),
      evolve: (row: Row | null, event: Handled) => evolveEntry(row, event),
    },
    {
      table: SUPPRESSION_STREAMS_TABLE,
      keysOf: (event: Handled): RowKey[] => (isSuppressionStream(event) ? [[event.data.Account]] : []),
      evolve: (_row: Row | null, event: Handled) => ({ Account: event.data.Account, Revision: event.revision }),
    },
  ],
});
