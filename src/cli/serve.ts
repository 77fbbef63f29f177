// `postwire serve [--config FILE]`: the production server.
import { loadBootstrapFile } from '../config/bootstrap';
import { createLogger } from '../observability/logger';
import { openRuntime } from '../runtime/open-runtime';
import { describeListeners, startNode, ShutdownSignals } from '../server/node-server';
import { CliError } from './data-options';

export async function serve(options: { config?: string }): Promise<void> {
  const file = options.config ?? process.env.POSTWIRE_CONFIG;
  if (!file) throw new CliError('give the bootstrap file: postwire serve --config FILE (or set POSTWIRE_CONFIG); postwire quickstart writes one');
  const signals = new ShutdownSignals();
  const bootstrap = loadBootstrapFile(file);
  const logger = createLogger();
  const runtime = await openRuntime({ mode: 'serve', bootstrap, logger, createDataDir: true });
  const node = await startNode(runtime);
  logger.info({ config: bootstrap.file, listeners: describeListeners(bootstrap) }, 'postwire serving');
  await signals.stopOnSignal(node, logger);
}
