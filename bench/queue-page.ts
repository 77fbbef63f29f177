// Benchmark: the first page of the admin queue page with a large queue. Writes N MessageQueued events
// straight into a fresh embedded event store (default 100,000 messages, next attempts spread over a day
// in an order unrelated to their IDs), opens a node on it (the read models catch up first), and then
// times QueueList with the admin page's defaults: no filter, 100 per page (Filter.Max), sorted by next
// attempt ascending (web/shared/filter-form.ts DEFAULT_PAGE_SIZE, web/shared/messages.ts QUEUE_SORT).
//
// Reported: the method's own time in the server (handler: query, decoding, records), and the whole
// HTTP call on loopback (authentication, validation, JSON), each as p50/p99 over repeated calls; also a
// later page ("Load more" from the middle of the queue) and a filter no message matches (a full scan).
//
//   node dist/bench/queue-page.js [MESSAGES] [--calls N]       (default 100000, 200 calls)
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../src/auth/passwords';
import type { Bootstrap } from '../src/config/bootstrap';
import { DEFAULT_MAX_MESSAGE_SIZE } from '../src/config/bootstrap';
import type { NewEvent } from '../src/event-store/event-store';
import { openSqliteEventStore } from '../src/event-store/sqlite';
import { silentLogger } from '../src/observability/logger';
import { Metrics } from '../src/observability/metrics';
import { AdminQueueListMethod } from '../src/queue-admin/queue-list.methods';
import { eventsFile } from '../src/runtime/data-location';
import { openRuntime } from '../src/runtime/open-runtime';
import { createHttpApp } from '../src/server/http-app';
import { allServices } from '../src/server/listener-context';
import { lifecycleEvents } from './support/message-lifecycle';

const PASSWORD = 'bench-admin-password';
/** What the admin queue page asks for when it opens. */
const FIRST_PAGE = { Filter: { Max: 100 }, Sort: { Field: 'NextAttempt' as const, Asc: true } };
const DAY_MS = 86_400_000;

async function writeQueue(dir: string, messages: number, start: Date): Promise<number> {
  const store = await openSqliteEventStore(eventsFile(dir));
  const began = Date.now();
  const inFlight: Promise<unknown>[] = [];
  for (let id = 1; id <= messages; id++) {
    const queued = lifecycleEvents(id, new Date(start.getTime() + id * 100)).submission;
    // Next attempts spread over a day, in an order unrelated to the IDs (7919 is prime).
    queued.data.NextAttempt = new Date(start.getTime() + ((id * 7919) % messages) * (DAY_MS / messages)).toISOString();
    inFlight.push(store.appendToStream(`submission-${id}`, [queued as NewEvent]));
    if (inFlight.length >= 512) await Promise.all(inFlight.splice(0));
  }
  await Promise.all(inFlight);
  await store.close();
  return (Date.now() - began) / 1000;
}

function percentiles(samples: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

async function time(calls: number, call: () => Promise<unknown>): Promise<{ p50: number; p99: number; max: number }> {
  for (let i = 0; i < 5; i++) await call(); // warm-up: statement cache, JIT
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = process.hrtime.bigint();
    await call();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return percentiles(samples);
}

const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
const line = (what: string, r: { p50: number; p99: number; max: number }) => console.log(`${what.padEnd(44)} p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  max ${ms(r.max)}`);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const callsAt = args.indexOf('--calls');
  const calls = callsAt >= 0 ? Number(args[callsAt + 1]) : 200;
  const messages = Number(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--calls') ?? 100_000);
  if (!Number.isSafeInteger(messages) || messages < 200 || !Number.isSafeInteger(calls) || calls < 1) {
    throw new Error('usage: node dist/bench/queue-page.js [MESSAGES >= 200] [--calls N]');
  }
  const dir = mkdtempSync(join(tmpdir(), 'postwire-bench-queue-'));
  const start = new Date(Date.UTC(2026, 0, 1));
  try {
    console.log(`machine: ${cpus()[0]?.model} x${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, node ${process.version}`);
    const wrote = await writeQueue(dir, messages, start);
    console.log(`wrote ${messages} MessageQueued events in ${wrote.toFixed(1)} s`);

    const bootstrap: Bootstrap = {
      file: null,
      hostname: 'bench.example',
      dataDir: dir,
      listeners: {},
      adminPasswordHash: await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 }),
      limits: { maxMessageSize: DEFAULT_MAX_MESSAGE_SIZE, maxRequestSize: 140 * 1024 * 1024 },
    };
    const opening = Date.now();
    const runtime = await openRuntime({ mode: 'cli', bootstrap, logger: silentLogger(), metrics: new Metrics({ defaultMetrics: false }), eventStoreUrl: null });
    console.log(`read models caught up in ${((Date.now() - opening) / 1000).toFixed(1)} s`);
    const http = await createHttpApp(runtime);
    try {
      const { port } = await http.listen({ name: 'bench', services: allServices }, '127.0.0.1', 0);
      const handler = http.app.get(AdminQueueListMethod);
      const first = await handler.handle(FIRST_PAGE);
      if (first.Messages.length !== 100) throw new Error(`the first page has ${first.Messages.length} messages, not 100`);
      const middle = first.Messages.length && (await handler.handle({ Filter: { Max: messages / 2 }, Sort: FIRST_PAGE.Sort })).Messages.at(-1)!;

      const authorization = `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`;
      let bytes = 0;
      const post = async (request: unknown) => {
        const response = await fetch(`http://127.0.0.1:${port}/adminapi/v0/QueueList`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(request) });
        const body = await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`QueueList: HTTP ${response.status}`);
        bytes = body.byteLength;
      };

      console.log(`${messages} messages in the queue, ${calls} calls each:`);
      line('first page, in the server (handler)', await time(calls, () => handler.handle(FIRST_PAGE)));
      line('first page, HTTP call on loopback', await time(calls, () => post(FIRST_PAGE)));
      console.log(`  (response: ${Math.round(bytes / 1024)} KiB of JSON for 100 messages)`);
      const later = { Filter: { Max: 100 }, Sort: { ...FIRST_PAGE.Sort, LastID: middle.ID, Last: middle.NextAttempt } };
      line('"Load more" from the middle, HTTP', await time(calls, () => post(later)));
      const nothing = { Filter: { Max: 100, To: '@nowhere.invalid' }, Sort: FIRST_PAGE.Sort };
      line('To filter matching nothing (full scan), HTTP', await time(Math.max(1, Math.round(calls / 10)), () => post(nothing)));
    } finally {
      await http.close();
      await runtime.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
