// `postwire localserve [--dir DIR] [--http-port N] [--smtp-port N] [--submission-port N]`
import { CommandBus } from '@nestjs/cqrs';
import { ConfigView } from '../config/config-view';
import { localserveAdminPasswordHash, seedLocalserveConfig } from '../config/localserve-seed';
import { createLogger } from '../observability/logger';
import { localserveBootstrap, LOCALSERVE, type LocalserveOptions } from '../localserve/localserve-config';
import { openRuntime } from '../runtime/open-runtime';
import { startNode, stopOnSignals } from '../server/node-server';

export async function localserve(options: LocalserveOptions, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const bootstrap = { ...localserveBootstrap(options), adminPasswordHash: await localserveAdminPasswordHash() };
  const logger = createLogger({ destination: 2 });
  const runtime = await openRuntime({ mode: 'localserve', bootstrap, logger, createDataDir: true, eventStoreUrl: null });
  const node = await startNode(runtime);
  const added = await seedLocalserveConfig(node.http.app.get(CommandBus), node.http.app.get(ConfigView));
  if (added.length > 0) logger.info({ added }, 'localserve configuration created');
  const http = node.urls[0]?.url ?? '(no HTTP listener)';
  out.write(
    [
      `Postwire localserve is running. Data: ${bootstrap.dataDir}`,
      `  webapi      ${http}/webapi/v0/`,
      `  adminapi    ${http}/adminapi/v0/`,
      `  metrics     ${http}/metrics`,
      `  account     ${LOCALSERVE.address} / ${LOCALSERVE.password}`,
      `  admin       admin / ${LOCALSERVE.adminPassword}`,
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
  await stopOnSignals(node, logger);
}
