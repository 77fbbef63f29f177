// The node's application without listeners, for commands that change the dynamic configuration from the
// command line (quickstart, config import) through the same command handlers the APIs use: the runtime
// with its read models caught up, and the Nest application for its command bus and views.
import { CommandBus } from '@nestjs/cqrs';
import type { Bootstrap } from '../config/bootstrap';
import { SqlConfigView } from '../config/sql-config-view';
import { createLogger } from '../observability/logger';
import { Metrics } from '../observability/metrics';
import { openRuntime, type NodeRuntime } from '../runtime/open-runtime';
import { createHttpApp } from '../server/http-app';

export interface ConfigApp {
  runtime: NodeRuntime;
  commands: CommandBus;
  view: SqlConfigView;
  close(): Promise<void>;
}

export async function openConfigApp(bootstrap: Bootstrap, options: { createDataDir?: boolean } = {}): Promise<ConfigApp> {
  const runtime = await openRuntime({
    mode: 'cli',
    bootstrap,
    createDataDir: options.createDataDir,
    // stdout belongs to the command's own output.
    logger: createLogger({ destination: 2, level: process.env.LOG_LEVEL ?? 'error' }),
    metrics: new Metrics({ defaultMetrics: false }),
  });
  let http;
  try {
    http = await createHttpApp(runtime);
  } catch (err) {
    await runtime.close();
    throw err;
  }
  const app = http;
  return {
    runtime,
    commands: app.app.get(CommandBus),
    view: app.app.get(SqlConfigView),
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}
