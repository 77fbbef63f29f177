// Where a command finds its data: `--dir` (a data directory, e.g. a localserve directory), `--config`
// (the bootstrap file, which names the data directory and the event store), or the environment
// (POSTWIRE_DATA, POSTWIRE_CONFIG, EVENTSTORE_URL).
import { resolve } from 'node:path';

export interface DataLocation {
  dataDir: string;
  /** Set when the events live in EventStoreDB instead of the embedded SQLite file. */
  eventStoreUrl: string | null;
  configFile: string | null;
}

export interface LocationOptions {
  dir?: string;
  config?: string;
}

export function eventsFile(dataDir: string): string {
  return resolve(dataDir, 'events.sqlite');
}

export function readModelsFile(dataDir: string): string {
  return resolve(dataDir, 'projections.sqlite');
}
