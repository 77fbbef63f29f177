// The hold rules, one row per rule: the queue consults them for every new message, HoldRuleList lists them.
import { defineProjection, type Row, type RowKey } from '../../src/projecting/projection';
import type { StoredEvent } from '../../src/event-store/event-store';
import type { HoldRuleEvent } from '../../src/holdrules/holdrule-events';

export const HOLDRULES_TABLE = 'hold_rules';

type Handled = Omit<StoredEvent, 'type' | 'data'> & HoldRuleEvent;

export const holdRulesProjection = defineProjection({
  name: 'holdrules',
  version: 1,
  eventTypes: ['HoldRuleAdded', 'HoldRuleRemoved'],
  tables: [
    {
      name: HOLDRULES_TABLE,
      columns: { ID: 'INTEGER', Account: 'TEXT', SenderDomain: 'TEXT', RecipientDomain: 'TEXT', SenderDomainStr: 'TEXT', RecipientDomainStr: 'TEXT' },
      primaryKey: ['ID'],
    },
  ],
  reducers: [
    {
      table: HOLDRULES_TABLE,
      keysOf: (event: Handled): RowKey[] => [[event.data.ID]],
      evolve: (row: Row | null, event: Handled): Row | null => {
        if (event.type === 'HoldRuleRemoved') return null;
        return row ?? { ...event.data };
      },
    },
  ],
});
