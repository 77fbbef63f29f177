// scanAll for any store that can read a page of the log: the next page is requested as soon as the current
// one is handed out, so the store's latency (a network round trip to EventStoreDB) overlaps the caller's
// work. The embedded store has its own scan, read on a second thread (sqlite/log-scan.ts).
import type { ScanOptions, StoredEvent } from './event-store';

export const DEFAULT_SCAN_PAGE = 1000;

export interface CheckedScan {
  after: number;
  eventTypes?: readonly string[];
  withoutData: ReadonlySet<string>;
  pageSize: number;
}

export function checkScanOptions(options: ScanOptions): CheckedScan {
  const { after, pageSize } = options;
  if (after !== undefined && !(Number.isSafeInteger(after) && after >= -1)) {
    throw new TypeError(`scanAll: after must be a position (a whole number, -1 or more), got ${String(after)}`);
  }
  if (pageSize !== undefined && !(Number.isSafeInteger(pageSize) && pageSize >= 1)) {
    throw new TypeError(`scanAll: pageSize must be a whole number of 1 or more, got ${String(pageSize)}`);
  }
  for (const [name, list] of [['eventTypes', options.eventTypes], ['withoutData', options.withoutData]] as const) {
    if (list !== undefined && (!Array.isArray(list) || list.some((t) => typeof t !== 'string' || t === ''))) {
      throw new TypeError(`scanAll: ${name} must be a list of event type names`);
    }
  }
  return { after: after ?? -1, eventTypes: options.eventTypes, withoutData: new Set(options.withoutData ?? []), pageSize: pageSize ?? DEFAULT_SCAN_PAGE };
}

/** Pages from `readPage` until an empty one, one page always in flight ahead of the caller. */
export async function* readAheadScan(scan: CheckedScan, readPage: (after: number, maxCount: number) => Promise<StoredEvent[]>): AsyncIterableIterator<StoredEvent[]> {
  if (scan.eventTypes?.length === 0) return;
  let next = readPage(scan.after, scan.pageSize);
  for (;;) {
    const page = await next;
    if (page.length === 0) return;
    next = readPage(page[page.length - 1].position, scan.pageSize);
    // A page read ahead that nobody waits for must not surface as an unhandled rejection.
    next.catch(() => undefined);
    if (scan.withoutData.size > 0) for (const event of page) if (scan.withoutData.has(event.type)) event.data = null;
    yield page;
  }
}
