// Every stream with its category, event count and last event: what auditors browse before `postwire
// audit`, and how operators see what the store holds.
import { defineProjection, type Row } from '../../src/projecting/projection';
import type { StoredEvent } from '../../src/event-store/event-store';

export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}

export const streamCatalog = defineProjection({
  name: 'stream-catalog',
  version: 1,
  tables: [
    {
      name: 'streams',
      columns: {
        stream_id: 'TEXT',
        category: 'TEXT',
        events: 'INTEGER',
        first_position: 'INTEGER',
        last_position: 'INTEGER',
        last_type: 'TEXT',
        last_time: 'TEXT',
      },
      primaryKey: ['stream_id'],
      indexes: [['category', 'stream_id']],
    },
  ],
  eventTypes: '*',
  reducers: [
    {
      table: 'streams',
      keysOf: (event: StoredEvent) => [[event.streamId]],
      evolve: (row: Row | null, event: StoredEvent): Row => ({
        stream_id: event.streamId,
        category: categoryOf(event.streamId),
        events: ((row?.events as number | undefined) ?? 0) + 1,
        first_position: (row?.first_position as number | undefined) ?? event.position,
        last_position: event.position,
        last_type: event.type,
        last_time: event.metadata.now,
      }),
    },
  ],
});
