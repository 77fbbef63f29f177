// The node's one Nest application on Fastify. It does not listen by itself: each configured HTTP listener
// is its own node:http server feeding the same Fastify handler, and tags its connections with the
// listener's switches (see listener-context.ts).
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { AppModule } from '../app.module';
import type { Runtime } from '../runtime/runtime';
import { tagConnection, type ListenerContext } from './listener-context';

export interface HttpApp {
  app: NestFastifyApplication;
  /** Starts one listener, HTTPS when given a certificate; resolves with the bound port (useful with port 0). */
  listen(listener: ListenerContext, host: string, port: number, tls?: { cert: Buffer; key: Buffer }): Promise<{ server: Server; port: number }>;
  close(): Promise<void>;
}

export async function createHttpApp(runtime: Runtime): Promise<HttpApp> {
  let handler: RequestListener | null = null;
  const servers: Server[] = [];
  const adapter = new FastifyAdapter({
    bodyLimit: runtime.bootstrap.limits.maxRequestSize,
    logger: false,
    // Capture Fastify's request handler; the servers are made per listener below.
    serverFactory: (h: (req: IncomingMessage, res: ServerResponse) => void) => {
      handler = h;
      return createServer(h);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(runtime), adapter, { logger: false, abortOnError: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    async listen(listener, host, port, tls) {
      if (!handler) throw new Error('HTTP handler not ready');
      const server: Server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, handler) : createServer(handler);
      // A request's socket is the TLS socket for HTTPS, not the TCP one under it: tag the one requests see.
      server.on(tls ? 'secureConnection' : 'connection', (socket) => tagConnection(socket, listener));
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      servers.push(server);
      const address = server.address();
      return { server, port: typeof address === 'object' && address ? address.port : port };
    },
    async close() {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeIdleConnections?.();
            }),
        ),
      );
      await app.close();
    },
  };
}
