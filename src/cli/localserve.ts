// `postwire localserve [--dir DIR] [--http-port N] [--smtp-port N] [--submission-port N]`
import { CommandBus } from '@nestjs/cqrs';
import { ConfigView } from '../config/config-view';
import { InboundSmtpService } from '../inbound/inbound-smtp.service';
import { SubmissionService } from '../inbound/submission/submission.service';
import { localserveAdminPasswordHash, seedLocalserveConfig } from '../config/localserve-seed';
import { createLogger } from '../observability/logger';
import { localserveBootstrap, LOCALSERVE, type LocalserveOptions } from '../localserve/localserve-config';
import { openRuntime } from '../runtime/open-runtime';
import { startNode, ShutdownSignals } from '../server/node-server';

export async function localserve(options: LocalserveOptions, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const signals = new ShutdownSignals();
  const bootstrap = { ...localserveBootstrap(options), adminPasswordHash: await localserveAdminPasswordHash() };
  const logger = createLogger({ destination: 2 });
  const runtime = await openRuntime({ mode: 'localserve', bootstrap, logger, createDataDir: true, eventStoreUrl: null });
  const node = await startNode(runtime);
  const added = await seedLocalserveConfig(node.http.app.get(CommandBus), node.http.app.get(ConfigView));
  if (added.length > 0) logger.info({ added }, 'localserve configuration created');
  const http = node.urls[0]?.url ?? '(no HTTP listener)';
  const smtp = node.http.app.get(InboundSmtpService).endpoints[0];
  const submission = node.http.app.get(SubmissionService).endpoints[0];
  const at = (e: { ip: string; port: number } | undefined) => (e ? `${e.ip}:${e.port}` : '(off)');
  const httpPort = node.urls[0] ? Number(new URL(node.urls[0].url).port) : LOCALSERVE.httpPort;
  const dueNow = `postwire localserve due-now${httpPort === LOCALSERVE.httpPort ? '' : ` --http-port ${httpPort}`}`;
  out.write(
    [
      `Postwire localserve is running. Data: ${bootstrap.dataDir}`,
      `  webapi      ${http}/webapi/v0/`,
      `  adminapi    ${http}/adminapi/v0/`,
      `  pages       ${http}/admin/ (admin), ${http}/account/ (account)`,
      `  metrics     ${http}/metrics`,
      `  smtp        ${at(smtp)} (incoming; the queue delivers here; localparts ending in temperror, permerror, timeout or a code fail on purpose)`,
      `  submission  ${at(submission)} (AUTH PLAIN/LOGIN without TLS on loopback)`,
      `  account     ${LOCALSERVE.address} / ${LOCALSERVE.password}`,
      `  admin       admin / ${LOCALSERVE.adminPassword}`,
      `  due-now     ${dueNow} (retries now instead of later)`,
      'Send a message:',
      `  curl -u ${LOCALSERVE.address}:${LOCALSERVE.password} -H 'Content-Type: application/json' \\`,
      `    -d '{"To":[{"Address":"someone@example.org"}],"Subject":"hi","Text":"Hello!"}' ${http}/webapi/v0/Send`,
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
  await signals.stopOnSignal(node, logger);
}
