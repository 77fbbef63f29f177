// Webhook benchmark on a whole node (embedded store, read models, the real worker and HTTP client):
//
// 1. Throughput: N webhooks queued up front to U URLs on a loopback receiver (a child process, kept-alive
//    connections), then the worker drains them at a given concurrency: webhooks delivered per second.
//    Every call is claimed and recorded in the event store (two durable appends per call), so the disk's
//    fsync time and the number of calls in flight together set the rate.
// 2. Latency: delivery outcomes (MessageDelivered, appended as the delivery worker appends them) at a
//    steady rate; the time from each outcome's append to its webhook arriving at the receiver, p50 and
//    p99. This is the whole path: reactor, queue, worker, HTTP.
//
//   node dist/bench/webhooks.js [--hooks N] [--levels URLS:CONCURRENCY,...] [--rate R] [--seconds S] [--dir DIR]
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Caller } from '../src/api/api-method';
import { AccountAddMethod } from '../src/config/api/account-methods';
import { KeepRetiredPeriodsSaveMethod, OutgoingWebhookSaveMethod } from '../src/config/api/account-settings-methods';
import { DomainAddMethod } from '../src/config/api/domain-methods';
import { DEFAULT_MAX_MESSAGE_SIZE } from '../src/config/bootstrap';
import { appendDecided, newCommandContext } from '../src/core/command-handling';
import { silentLogger } from '../src/observability/logger';
import { Metrics } from '../src/observability/metrics';
import { messageStream, type MessageSummary } from '../src/queue/message-events';
import { openRuntime, type NodeRuntime } from '../src/runtime/open-runtime';
import { createHttpApp, type HttpApp } from '../src/server/http-app';
import { OutgoingWebhookReactor } from '../src/webhooks/outgoing-webhook-reactor';
import { payloadJson } from '../src/webhooks/payloads';
import { webhookStream, type WebhookQueuedData } from '../src/webhooks/webhook-events';
import { WebhookWorker } from '../src/webhooks/webhook-worker';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);

// --- the receiver: a child process, so its work does not share the worker's event loop ---------------

function runReceiver(): void {
  const arrivals: [number, number][] = [];
  let count = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.timeOrigin + performance.now();
      count++;
      if (req.url === '/latency') arrivals.push([JSON.parse(Buffer.concat(chunks).toString('utf8')).QueueMsgID as number, at]);
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok\n');
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
  process.on('message', (m: { get?: boolean }) => {
    if (m.get) process.send!({ count, arrivals: arrivals.splice(0) });
  });
}

class ReceiverProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(): Promise<ReceiverProcess> {
    const child = fork(__filename, ['--receiver'], { stdio: 'inherit' });
    const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
    return new ReceiverProcess(child, port);
  }

  stats(): Promise<{ count: number; arrivals: [number, number][] }> {
    return new Promise((resolve) => {
      this.child.once('message', (m: { count: number; arrivals: [number, number][] }) => resolve(m));
      this.child.send({ get: true });
    });
  }

  stop(): void {
    this.child.kill();
  }
}

// --- the node -------------------------------------------------------------------------------------------

interface BenchNode {
  runtime: NodeRuntime;
  http: HttpApp;
  worker: WebhookWorker;
  close(): Promise<void>;
}

async function openNode(dir: string, concurrency: number): Promise<BenchNode> {
  const runtime = await openRuntime({
    mode: 'test',
    bootstrap: {
      file: null,
      hostname: 'bench.example',
      dataDir: dir,
      listeners: {},
      webhooks: { allowPrivateTargets: true, concurrency },
      limits: { maxMessageSize: DEFAULT_MAX_MESSAGE_SIZE, maxRequestSize: DEFAULT_MAX_MESSAGE_SIZE },
    },
    logger: silentLogger(),
    metrics: new Metrics({ defaultMetrics: false }),
    eventStoreUrl: null,
  });
  const http = await createHttpApp(runtime);
  const worker = http.app.get(WebhookWorker);
  return {
    runtime,
    http,
    worker,
    async close() {
      await worker.stop();
      await http.close();
      await runtime.close();
    },
  };
}

const admin: Caller = { kind: 'admin', request: { remoteIP: '127.0.0.1', userAgent: 'bench', headers: {}, correlationId: 'bench' } };

async function addAccount(node: BenchNode, account: string, url: string): Promise<void> {
  const address = `${account}@bench.example`;
  const caller: Caller = { kind: 'account', account, loginAddress: address, request: admin.request };
  await node.http.app.get(DomainAddMethod).handle({ Domain: 'bench.example', LocalpartCatchallSeparators: ['+'] }, admin).catch(() => undefined);
  await node.http.app.get(AccountAddMethod).handle({ Account: account, Address: address, Password: 'bench-password-1234' }, admin);
  await node.http.app.get(OutgoingWebhookSaveMethod).handle({ URL: url, Authorization: 'Bearer bench', Events: [] }, caller);
  await node.http.app.get(KeepRetiredPeriodsSaveMethod).handle({ KeepRetiredMessagePeriod: '0s', KeepRetiredWebhookPeriod: '0s' }, caller);
}

function summary(id: number, account: string): MessageSummary {
  return {
    QueueMsgID: id,
    SenderAccount: account,
    FromID: '',
    MessageID: `<${id}@bench.example>`,
    Subject: `Message ${id}`,
    Extra: { userid: String(id) },
    RecipientAddress: `user${id}@example.org`,
    SenderAddress: `${account}@bench.example`,
    Content: { Sha256: '0'.repeat(64), Size: 2000 },
    MsgPrefix: '',
    Queued: new Date().toISOString(),
    Attempts: 1,
  };
}

const pendingCount = (node: BenchNode) => (node.runtime.readDb.prepare('SELECT COUNT(*) AS n FROM webhooks WHERE Retired = 0').get() as { n: number }).n;

// --- 1. throughput ----------------------------------------------------------------------------------------

async function throughput(base: string, receiver: ReceiverProcess, hooks: number, urls: number, concurrency: number): Promise<{ perSecond: number; seconds: number; cpuMsPerHook: number }> {
  const dir = mkdtempSync(join(base, 'throughput-'));
  const node = await openNode(dir, concurrency);
  try {
    const now = new Date().toISOString();
    const queue: Promise<unknown>[] = [];
    let last = 0;
    for (let i = 1; i <= hooks; i++) {
      const url = `http://127.0.0.1:${receiver.port}/t${i % urls}`;
      const data: WebhookQueuedData = {
        HookID: i, Account: `a${i % urls}`, URL: url, Authorization: 'Bearer bench', IsIncoming: false, OutgoingEvent: 'delivered', QueueMsgID: i, FromID: '',
        MessageID: `<${i}@bench.example>`, Subject: `Message ${i}`, Extra: { userid: String(i) },
        Payload: payloadJson({ Version: 0, Event: 'delivered', DSN: false, Suppressing: false, QueueMsgID: i, FromID: '', MessageID: `<${i}@bench.example>`, Subject: `Message ${i}`, WebhookQueued: now, SMTPCode: 250, SMTPEnhancedCode: '2.0.0', Error: '', Extra: { userid: String(i) } }),
        Submitted: now, NextAttempt: now, Cause: { StreamID: messageStream(i), Revision: 3, Position: i }, Replay: false,
      };
      queue.push(appendDecided(node.runtime.store, webhookStream(`bench:${i}`), [{ type: 'WebhookQueued', data }], newCommandContext(new Date()), 'no_stream').then((a) => (last = Math.max(last, a!.position))));
      if (queue.length >= 512) await Promise.all(queue.splice(0));
    }
    await Promise.all(queue);
    await node.runtime.projections.waitFor(last, { timeoutMs: 600_000 });
    const before = (await receiver.stats()).count;
    const started = performance.now();
    const cpu = process.cpuUsage();
    await node.worker.start();
    while (pendingCount(node) > 0) await new Promise((r) => setTimeout(r, 20));
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const delivered = (await receiver.stats()).count - before;
    if (delivered < hooks) throw new Error(`only ${delivered} of ${hooks} calls arrived`);
    // CPU of this process (main and event-store writer threads), not the receiver's: the cost per webhook
    // holds on a busy machine, where the rate depends on what else runs.
    return { perSecond: hooks / seconds, seconds, cpuMsPerHook: (used.user + used.system) / 1000 / hooks };
  } finally {
    await node.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- 2. latency -------------------------------------------------------------------------------------------

interface Stage {
  name: string;
  p50: number;
  p99: number;
}

interface LatencyResult {
  count: number;
  p50: number;
  p99: number;
  max: number;
  stages: Stage[];
}

async function latency(base: string, receiver: ReceiverProcess, rate: number, seconds: number): Promise<LatencyResult> {
  const dir = mkdtempSync(join(base, 'latency-'));
  const node = await openNode(dir, 10);
  try {
    await addAccount(node, 'shop', `http://127.0.0.1:${receiver.port}/latency`);
    await node.runtime.projections.waitFor(await node.runtime.store.headPosition());
    node.runtime.reactors.start([node.http.app.get(OutgoingWebhookReactor)]);
    await node.worker.start();
    await receiver.stats(); // clears earlier arrivals
    const appended = new Map<number, number>();
    const total = Math.round(rate * seconds);
    const started = performance.now();
    for (let i = 1; i <= total; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const result = { Start: new Date().toISOString(), Duration: 1_000_000, Success: true, Code: 250, Secode: '0.0', Error: '' };
      const at = performance.timeOrigin + performance.now();
      void appendDecided(node.runtime.store, messageStream(i), [{ type: 'MessageDelivered', data: { Message: summary(i, 'shop'), Result: result } }], newCommandContext(new Date()), 'any').then(() => appended.set(i, at));
    }
    const arrivals: [number, number][] = [];
    const deadline = Date.now() + 60_000;
    while (arrivals.length < total && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      arrivals.push(...(await receiver.stats()).arrivals);
    }
    const delays = arrivals.filter(([id]) => appended.has(id)).map(([id, at]) => at - appended.get(id)!).sort((a, b) => a - b);
    // Where the time goes, from the events' own times (milliseconds): fact -> webhook queued -> call claimed -> arrived.
    const arrivedAt = new Map(arrivals);
    const queuedDelays: number[] = [];
    const claimDelays: number[] = [];
    const callDelays: number[] = [];
    const index = node.runtime.readDb.prepare('SELECT QueueMsgID, StreamID FROM webhook_index').all() as { QueueMsgID: number; StreamID: string }[];
    for (const { QueueMsgID, StreamID } of index) {
      const [fact] = await node.runtime.store.readStream(messageStream(QueueMsgID), { maxCount: 1 });
      const events = await node.runtime.store.readStream(StreamID);
      const queued = events.find((e) => e.type === 'WebhookQueued');
      const claimed = events.find((e) => e.type === 'WebhookAttemptStarted');
      if (!fact || !queued || !claimed || !arrivedAt.has(QueueMsgID)) continue;
      queuedDelays.push(Date.parse(queued.metadata.now) - Date.parse(fact.metadata.now));
      claimDelays.push(Date.parse(claimed.metadata.now) - Date.parse(queued.metadata.now));
      callDelays.push(arrivedAt.get(QueueMsgID)! - Date.parse(claimed.metadata.now));
    }
    const stage = (name: string, list: number[]): Stage => {
      list.sort((a, b) => a - b);
      return { name, p50: percentile(list, 50), p99: percentile(list, 99) };
    };
    return {
      count: delays.length,
      p50: percentile(delays, 50),
      p99: percentile(delays, 99),
      max: delays[delays.length - 1] ?? NaN,
      stages: [stage('outcome -> webhook queued (reactor)', queuedDelays), stage('queued -> call claimed (worker)', claimDelays), stage('claimed -> received (claim append, HTTP)', callDelays)],
    };
  } finally {
    await node.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const hooks = Number(argument('hooks', '10000'));
  const levels = argument('levels', '1:1,10:10,64:64,256:256').split(',').map((l) => l.split(':').map(Number) as [number, number]);
  const rate = Number(argument('rate', '50'));
  const seconds = Number(argument('seconds', '10'));
  const base = mkdtempSync(join(argument('dir', tmpdir()), 'postwire-bench-webhooks-'));
  const cpuList = cpus();
  console.log('Webhooks (embedded store: WAL, synchronous=FULL, group commit; receiver on 127.0.0.1 in a child process, keep-alive)');
  console.log(`machine: ${cpuList[0]?.model ?? 'unknown CPU'}, ${cpuList.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`data:    ${base}`);
  console.log(`node:    ${process.version}`);
  const receiver = await ReceiverProcess.start();
  try {
    console.log('');
    console.log(`1. throughput: ${hooks} webhooks queued, then drained (one call per URL at a time)`);
    console.log('   URLs  concurrency   webhooks/s   seconds   CPU ms/webhook');
    for (const [urls, concurrency] of levels) {
      const r = await throughput(base, receiver, hooks, urls, concurrency);
      console.log(`${String(urls).padStart(7)}  ${String(concurrency).padStart(11)}  ${r.perSecond.toFixed(0).padStart(11)}  ${r.seconds.toFixed(2).padStart(8)}  ${r.cpuMsPerHook.toFixed(2).padStart(15)}`);
    }
    console.log('');
    console.log(`2. latency: delivery outcome appended -> webhook received, ${rate} outcomes/s for ${seconds} s (worker concurrency 10)`);
    const l = await latency(base, receiver, rate, seconds);
    console.log(`   ${l.count} webhooks: p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, max ${l.max.toFixed(1)} ms`);
    for (const s of l.stages) console.log(`     ${s.name.padEnd(44)} p50 ${s.p50.toFixed(0).padStart(5)} ms  p99 ${s.p99.toFixed(0).padStart(5)} ms`);
  } finally {
    receiver.stop();
    rmSync(base, { recursive: true, force: true });
  }
}

if (process.argv.includes('--receiver')) {
  runReceiver();
} else {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
