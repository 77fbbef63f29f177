// Pages through $all for readAll and headPosition. EventStoreDB's $all also holds the node's own events
// (streams or types starting with "$"), which the port never returns, so a page is read until it has
// enough events of ours or the log ends. Positions are commit positions; a forwards read from a
// position includes the event there, a backwards read excludes it (EventStoreDB's TFPos rules).
import { BACKWARDS, FORWARDS, type Direction, type EventStoreDBClient, type ResolvedEvent } from '@eventstore/db-client';
import { isSystemEvent, type StoredEvent } from '../event-store';
import { positionOf, toStoredEvent } from './stored-events';

/** Page size of readAll when the caller gives no maxCount (the embedded store uses the same). */
export const DEFAULT_READ_ALL_COUNT = 1000;
const LARGEST_PAGE = 4096;
const HEAD_PAGE = 64;

async function readPage(client: EventStoreDBClient, from: 'start' | 'end' | number, direction: Direction, maxCount: number): Promise<ResolvedEvent[]> {
  const fromPosition = typeof from === 'number' ? { commit: BigInt(from), prepare: BigInt(from) } : from;
  const page: ResolvedEvent[] = [];
  for await (const resolved of client.readAll({ fromPosition, direction, maxCount })) page.push(resolved);
  return page;
}

function ours(resolved: ResolvedEvent): StoredEvent | undefined {
  const stored = toStoredEvent(resolved);
  return stored && !isSystemEvent(stored.streamId, stored.type) ? stored : undefined;
}

/**
 * Up to `maxCount` of our events after `after` (exclusive; -1 means from the start), only of `eventTypes`
 * when given (filtered here: the events of other types are read and passed over).
 */
export async function readAllAfter(client: EventStoreDBClient, after: number, maxCount: number, eventTypes?: readonly string[]): Promise<StoredEvent[]> {
  const result: StoredEvent[] = [];
  if (eventTypes !== undefined && eventTypes.length === 0) return result;
  const wanted = eventTypes ? new Set(eventTypes) : null;
  let scanned = after;
  while (result.length < maxCount) {
    // One more than needed: a read from `scanned` starts with the event at `scanned`, already seen.
    const want = Math.min(LARGEST_PAGE, maxCount - result.length + 1);
    const page = await readPage(client, scanned < 0 ? 'start' : scanned, FORWARDS, want);
    for (const resolved of page) {
      const position = positionOf(resolved);
      if (position === undefined || position <= scanned) continue;
      scanned = position;
      const stored = ours(resolved);
      if (stored && (wanted === null || wanted.has(stored.type))) result.push(stored);
      if (result.length === maxCount) break;
    }
    if (page.length < want) break; // the end of the log
  }
  return result;
}

/** Position of the last event of ours in $all, or -1 when there is none. */
export async function lastPosition(client: EventStoreDBClient): Promise<number> {
  let from: 'end' | number = 'end';
  for (;;) {
    const page = await readPage(client, from, BACKWARDS, HEAD_PAGE);
    for (const resolved of page) {
      const stored = ours(resolved);
      if (stored) return stored.position;
    }
    const last = page.at(-1);
    const position = last && positionOf(last);
    if (page.length < HEAD_PAGE || position === undefined) return -1;
    from = position;
  }
}
