// Runs a node: opens the runtime, starts every enabled listener and the workers, and shuts all of it down
// in order on SIGINT/SIGTERM (listeners stop taking work, in-flight work finishes or is retried later,
// then the stores close).
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Bootstrap } from '../config/bootstrap';
import type { Logger } from '../observability/logger';
import type { NodeRuntime } from '../runtime/open-runtime';
import { createHttpApp } from './http-app';
import { listenerContext } from './listener-context';

export interface RunningService {
  name: string;
  stop(): Promise<void>;
}

/** Something the node starts after the runtime is open: SMTP listeners, delivery and webhook workers. */
export type ServiceStarter = (runtime: NodeRuntime) => Promise<RunningService[]>;
const serviceStarters: ServiceStarter[] = [];
export function registerServiceStarter(starter: ServiceStarter): void {
  serviceStarters.push(starter);
}

export interface StartedNode {
  runtime: NodeRuntime;
  httpApps: { name: string; app: NestFastifyApplication; url: string }[];
  stop(): Promise<void>;
}

export async function startNode(runtime: NodeRuntime, starters: ServiceStarter[] = serviceStarters): Promise<StartedNode> {
  const bootstrap = runtime.bootstrap;
  const httpApps: StartedNode['httpApps'] = [];
  const services: RunningService[] = [];
  const stopAll = async () => {
    for (const s of services.reverse()) await s.stop().catch((err) => runtime.logger.error({ err, service: s.name }, 'stopping a service failed'));
    for (const h of httpApps) await h.app.close().catch(() => undefined);
  };
  try {
    for (const [name, listener] of Object.entries(bootstrap.listeners)) {
      const http = listener.http;
      if (!http || http.enabled === false || http.port === undefined) continue;
      for (const ip of listener.ips) {
        const app = await createHttpApp(
          runtime,
          listenerContext(name, {
            webapi: http.webapi ?? false,
            adminapi: http.adminapi ?? false,
            adminPages: http.adminPages ?? false,
            accountPages: http.accountPages ?? false,
            metrics: http.metrics ?? false,
            forwarded: http.forwarded ?? false,
          }),
        );
        await app.listen({ port: http.port, host: ip });
        const host = ip.includes(':') ? `[${ip}]` : ip;
        httpApps.push({ name, app, url: `http://${host}:${http.port}` });
        runtime.logger.info({ listener: name, ip, port: http.port }, 'HTTP listening');
      }
    }
    for (const start of starters) services.push(...(await start(runtime)));
  } catch (err) {
    await stopAll();
    throw err;
  }
  return {
    runtime,
    httpApps,
    async stop() {
      await stopAll();
      await runtime.close();
    },
  };
}

/** Stops the node on SIGINT/SIGTERM; a second signal exits at once. */
export function stopOnSignals(node: StartedNode, logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn({ signal }, 'second signal: exiting without waiting');
        process.exit(1);
      }
      stopping = true;
      logger.info({ signal }, 'shutting down: finishing in-flight work');
      node.stop().then(
        () => resolve(),
        (err) => {
          logger.error({ err }, 'shutdown failed');
          resolve();
        },
      );
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}

export function describeListeners(bootstrap: Bootstrap): string[] {
  const lines: string[] = [];
  for (const [name, l] of Object.entries(bootstrap.listeners)) {
    for (const ip of l.ips) {
      if (l.http?.enabled !== false && l.http?.port) lines.push(`${name}: http ${ip}:${l.http.port}`);
      if (l.smtp?.enabled !== false && l.smtp?.port) lines.push(`${name}: smtp ${ip}:${l.smtp.port}`);
      if (l.submission?.enabled !== false && l.submission?.port) lines.push(`${name}: submission ${ip}:${l.submission.port}`);
    }
  }
  return lines;
}
