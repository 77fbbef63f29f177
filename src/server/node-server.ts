// Runs a node: opens the runtime, starts every enabled HTTP listener and the node services (SMTP,
// workers), and shuts all of it down in order on SIGINT/SIGTERM: the services stop in the reverse of their
// start (workers finish in-flight work or leave it to be retried, then the SMTP listeners close), then
// HTTP, then the stores. Whatever a listener accepts before it closes is durably queued, so nothing is
// lost by accepting it late.
import type { Type } from '@nestjs/common';
import type { Bootstrap } from '../config/bootstrap';
import { nodeServices, reactors, type NodeService } from '../capabilities';
import type { Logger } from '../observability/logger';
import type { NodeRuntime } from '../runtime/open-runtime';
import { loadTls, type TlsFiles } from '../inbound/listener-endpoints';
import { createHttpApp, type HttpApp } from './http-app';

export interface StartedNode {
  runtime: NodeRuntime;
  http: HttpApp;
  /** Base URLs of the HTTP listeners, in configuration order. */
  urls: { listener: string; url: string }[];
  stop(): Promise<void>;
}

export async function startNode(runtime: NodeRuntime, services: Type<NodeService>[] = nodeServices): Promise<StartedNode> {
  const bootstrap = runtime.bootstrap;
  const http = await createHttpApp(runtime);
  const started: NodeService[] = [];
  const urls: StartedNode['urls'] = [];
  let certificate: TlsFiles | null = null;
  const httpsCertificate = () => {
    certificate ??= loadTls(bootstrap);
    if (!certificate) throw new Error('an HTTP listener has tls: true, but the configuration has no tls section');
    return certificate;
  };
  const stopAll = async () => {
    for (const s of [...started].reverse()) await s.stop().catch((err) => runtime.logger.error({ err, service: s.name }, 'stopping a service failed'));
    await http.close().catch((err) => runtime.logger.error({ err }, 'closing HTTP failed'));
  };
  try {
    for (const [name, listener] of Object.entries(bootstrap.listeners)) {
      const h = listener.http;
      if (!h || h.enabled === false || h.port === undefined) continue;
      const services = {
        webapi: h.webapi ?? false,
        adminapi: h.adminapi ?? false,
        adminPages: h.adminPages ?? false,
        accountPages: h.accountPages ?? false,
        metrics: h.metrics ?? false,
        forwarded: h.forwarded ?? false,
      };
      for (const ip of listener.ips) {
        const { port } = await http.listen({ name, services }, ip, h.port, h.tls === true ? httpsCertificate() : undefined);
        urls.push({ listener: name, url: `${h.tls === true ? 'https' : 'http'}://${ip.includes(':') ? `[${ip}]` : ip}:${port}` });
        runtime.logger.info({ listener: name, ip, port }, 'HTTP listening');
      }
    }
    runtime.reactors.start(reactors.map((type) => http.app.get(type)));
    for (const type of services) {
      const service = http.app.get(type);
      await service.start();
      started.push(service);
    }
  } catch (err) {
    await stopAll();
    throw err;
  }
  return {
    runtime,
    http,
    urls,
    async stop() {
      await stopAll();
      await runtime.close();
    },
  };
}

/**
 * Catches SIGINT/SIGTERM from the moment a command begins starting a node, so a signal during start-up
 * (opening stores, catching up read models) stops the node cleanly once it is up instead of killing it
 * half-started.
 */
export class ShutdownSignals {
  private received: NodeJS.Signals | null = null;
  private listener: ((signal: NodeJS.Signals) => void) | null = null;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    if (this.listener) this.listener(signal);
    else this.received ??= signal;
  };

  constructor() {
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  /** Resolves after the node has stopped on the first signal; a second signal exits at once. */
  stopOnSignal(node: StartedNode, logger: Logger): Promise<void> {
    return new Promise((resolve) => {
      let stopping = false;
      this.listener = (signal) => {
        if (stopping) {
          logger.warn({ signal }, 'second signal: exiting without waiting');
          process.exit(1);
        }
        stopping = true;
        logger.info({ signal }, 'shutting down: finishing in-flight work');
        node.stop().then(
          () => {
            this.dispose();
            resolve();
          },
          (err) => {
            logger.error({ err }, 'shutdown failed');
            this.dispose();
            resolve();
          },
        );
      };
      if (this.received) this.listener(this.received);
    });
  }

  dispose(): void {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }
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
