#!/usr/bin/env node
// The postwire command. Errors a user can act on are printed as one line; others with their stack.
import 'reflect-metadata';
import { buildProgram } from './cli/program';
import { CliError } from './cli/data-options';
import { ConfigError } from './config/bootstrap';
import { EventStoreUnavailable } from './event-store/event-store';

// A reader that went away (`postwire events export | head`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

buildProgram()
  .parseAsync(process.argv)
  .then(
    () => {
      process.exitCode ??= 0;
    },
    (err: unknown) => {
      if (err instanceof CliError || err instanceof ConfigError || err instanceof EventStoreUnavailable) {
        process.stderr.write(`postwire: ${err.message}\n`);
        process.exitCode = err instanceof CliError ? err.exitCode : 1;
      } else {
        process.stderr.write(`postwire: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exitCode = 1;
      }
    },
  );
