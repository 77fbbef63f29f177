// `--dir` and `--config`, shared by every command that reads data.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultMaxRequestSize, loadBootstrapFile, type Bootstrap } from '../config/bootstrap';

export interface DataOptions {
  dir?: string;
  config?: string;
}

export const DEFAULT_LOCALSERVE_DIR = './data/localserve';

export function withDataOptions(command: Command): Command {
  return command
    .option('--dir <dir>', `data directory (a localserve directory; default $POSTWIRE_DATA or ${DEFAULT_LOCALSERVE_DIR})`)
    .option('--config <file>', 'bootstrap file of a production setup (default $POSTWIRE_CONFIG)');
}

/** The bootstrap to open data with: from the config file when given, else a minimal one for the directory. */
export function resolveDataBootstrap(options: DataOptions, { mustExist = true } = {}): Bootstrap {
  const config = options.config ?? (options.dir ? undefined : process.env.POSTWIRE_CONFIG);
  if (config) return loadBootstrapFile(config);
  const dataDir = resolve(options.dir ?? process.env.POSTWIRE_DATA ?? DEFAULT_LOCALSERVE_DIR);
  if (mustExist && !existsSync(dataDir) && !process.env.EVENTSTORE_URL) {
    throw new CliError(`data directory ${dataDir} does not exist (give --dir DIR or --config FILE)`);
  }
  return {
    file: null,
    hostname: 'localhost',
    dataDir,
    listeners: {},
    limits: { maxMessageSize: 100 * 1024 * 1024, maxRequestSize: defaultMaxRequestSize() },
  };
}

/** An error whose message is all the user needs: printed without a stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
