// A whole node in a temporary directory for integration tests: real SQLite event store and read models,
// the real Nest application (every capability module), a manual clock, and optionally HTTP listeners on
// 127.0.0.1 port 0. Call `stop()` in an `after` hook; it removes the directory.
import type { Type } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bootstrap } from '../../src/config/bootstrap';
import { DEFAULT_MAX_MESSAGE_SIZE, defaultMaxRequestSize } from '../../src/config/bootstrap';
import { ManualClock } from '../../src/core/clock';
import { silentLogger } from '../../src/observability/logger';
import { Metrics } from '../../src/observability/metrics';
import { openRuntime, type NodeRuntime } from '../../src/runtime/open-runtime';
import { reactors as allReactors, type NodeService } from '../../src/capabilities';
import { createHttpApp, type HttpApp } from '../../src/server/http-app';
import { allServices, type HttpServices } from '../../src/server/listener-context';

export interface TestNode {
  dir: string;
  runtime: NodeRuntime;
  clock: ManualClock;
  http: HttpApp;
  /** Base URL of the HTTP listener, when `listen` was asked for. */
  url: string;
  /** Gets a provider from the Nest application. */
  get<T>(type: Type<T> | (abstract new (...args: any[]) => T)): T;
  /** Waits until the read models have applied everything appended so far. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestNodeOptions {
  /** Start an HTTP listener on 127.0.0.1 with these services (default: all). */
  listen?: boolean | Partial<HttpServices>;
  /** Node services to start (workers, SMTP), by provider class. */
  services?: Type<NodeService>[];
  /** Start the reactors (webhook queuing, suppressions, DSN mails, holds); default true. */
  reactors?: boolean;
  bootstrap?: Partial<Bootstrap>;
  now?: Date;
  /** Reuse a directory (e.g. to test a restart); it is then not removed by stop(). */
  dir?: string;
}

export async function startTestNode(options: TestNodeOptions = {}): Promise<TestNode> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'postwire-test-'));
  const clock = new ManualClock(options.now ?? new Date());
  const bootstrap: Bootstrap = {
    file: null,
    hostname: 'mail.test.example',
    dataDir: dir,
    listeners: {},
    webhooks: { allowPrivateTargets: true },
    limits: { maxMessageSize: DEFAULT_MAX_MESSAGE_SIZE, maxRequestSize: defaultMaxRequestSize() },
    ...options.bootstrap,
  };
  const runtime = await openRuntime({ mode: 'test', bootstrap, clock, logger: silentLogger(), metrics: new Metrics({ defaultMetrics: false }), eventStoreUrl: null });
  const http = await createHttpApp(runtime);
  let url = '';
  if (options.listen) {
    const services = { ...allServices, ...(typeof options.listen === 'object' ? options.listen : {}) };
    const { port } = await http.listen({ name: 'test', services }, '127.0.0.1', 0);
    url = `http://127.0.0.1:${port}`;
  }
  if (options.reactors ?? true) runtime.reactors.start(allReactors.map((type) => http.app.get(type)));
  const started: NodeService[] = [];
  for (const type of options.services ?? []) {
    const service = http.app.get(type);
    await service.start();
    started.push(service);
  }
  return {
    dir,
    runtime,
    clock,
    http,
    url,
    get: (type) => http.app.get(type as Type<unknown>) as never,
    settle: async () => runtime.projections.waitFor(await runtime.store.headPosition()),
    async stop() {
      for (const s of started.reverse()) await s.stop();
      await http.close();
      await runtime.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
