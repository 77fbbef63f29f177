// Folds events through a projection's reducers in memory, as the runner does row by row, so reducer tests
// need no database: given events, then the rows.
import type { StoredEvent } from '../../src/event-store/event-store';
import type { ProjectionDefinition, Row } from '../../src/projecting/projection';

let position = 0;

/** A stored event with the next global position. */
export function stored(streamId: string, type: string, data: unknown, now = '2024-01-01T00:00:00.000Z', revision = 0): StoredEvent {
  position++;
  return { id: `e${position}`, streamId, revision, position, type, data, metadata: { now } };
}

/** Every table's rows after the events, by table name, each keyed by its JSON key. */
export function replay(projection: ProjectionDefinition, events: StoredEvent[]): Map<string, Map<string, Row>> {
  const tables = new Map(projection.tables.map((t) => [t.name, new Map<string, Row>()]));
  const handled = projection.eventTypes === '*' ? null : new Set(projection.eventTypes);
  for (const event of events) {
    if (handled && !handled.has(event.type)) continue;
    for (const reducer of projection.reducers) {
      const rows = tables.get(reducer.table)!;
      for (const key of reducer.keysOf(event)) {
        const k = JSON.stringify(key);
        const next = reducer.evolve(rows.get(k) ?? null, event, key);
        if (next === null) rows.delete(k);
        else rows.set(k, next);
      }
    }
  }
  return tables;
}
