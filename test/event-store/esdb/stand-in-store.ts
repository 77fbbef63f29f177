// Opens the EventStoreDB adapter on a fresh protocol-level stand-in (test/support/esdb-stand-in) and
// collects what it logs.
import pino from 'pino';
import type { Logger } from '../../../src/observability/logger';
import { openEsdbEventStore, type EsdbEventStore, type EsdbEventStoreOptions } from '../../../src/event-store/esdb/esdb-event-store';
import { startEsdbStandIn, type EsdbStandIn, type EsdbStandInOptions } from '../../support/esdb-stand-in/stand-in';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export function capturingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  return { logger, lines };
}

export interface StandInStore {
  store: EsdbEventStore;
  standIn: EsdbStandIn;
  lines: LogLine[];
  cleanup(): Promise<void>;
}

export async function openStandInStore(standInOptions: EsdbStandInOptions = {}, storeOptions: EsdbEventStoreOptions = {}): Promise<StandInStore> {
  const standIn = await startEsdbStandIn(standInOptions);
  const { logger, lines } = capturingLogger();
  const store = await openEsdbEventStore(standIn.url, { logger, ...storeOptions });
  return {
    store,
    standIn,
    lines,
    async cleanup() {
      await store.close();
      await standIn.stop();
    },
  };
}
