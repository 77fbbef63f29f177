// Memory of a node with a long queue: does RSS stay flat as the number of queued messages grows?
//
// A node is made by `postwire quickstart` and run by `postwire serve` as a child process. Between runs
// the benchmark appends MessageQueued events straight into the stopped node's event store (many
// concurrent appends, which the group commit writes in large transactions), each with a few recipients
// and a NextAttempt a month ahead, so nothing is delivered. At each size (10k, 100k, 1M queued messages
// by default) the node is started on the data (the read models catch up before it answers; the peak RSS
// of that is reported), stopped and started again as after any restart, and then its RSS
// is sampled every second for a while as the delivery worker looks for due work, the projection runner
// and reactors follow the log, and an admin pages through the queue with QueueList (100 per page).
// Flat means RSS does not grow with the queue beyond what SQLite's page caches may hold.
//
//   node dist/bench/queue-memory.js [--sizes 10000,100000,1000000] [--seconds 60] [--recipients 10] [--keep]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdBlockReserved } from '../src/core/id-blocks';
import { openSqliteEventStore } from '../src/event-store/sqlite';
import { submissionStream, type MessageQueuedData } from '../src/queue/message-events';
import { eventsFile } from '../src/runtime/data-location';
import { loadLine, machineLine, processCpuMs, processRssBytes } from './support/machine';
import { lifecycleEvents } from './support/message-lifecycle';
import { freePort, QuickstartNode, scrapeMetric, type QuickstartSetup } from './support/quickstart-node';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const MiB = 2 ** 20;
const mib = (bytes: number) => (bytes / MiB).toFixed(0);
const DAY_MS = 24 * 60 * 60 * 1000;

/** One submission of `recipients` messages with ids first.., for the quickstart account, due in a month. */
function submission(first: number, recipients: number, now: Date): MessageQueuedData {
  const template = lifecycleEvents(first, now).submission.data;
  // Spread over the days ahead, as a real backlog would be (a second per submission).
  const nextAttempt = new Date(now.getTime() + 30 * DAY_MS + first * 1000).toISOString();
  return {
    ...template,
    SubmissionID: `bench-${first}`,
    SenderAccount: 'bench',
    NextAttempt: nextAttempt,
    Content: { Sha256: first.toString(16).padStart(64, '0'), Size: 2000 },
    Recipients: Array.from({ length: recipients }, (_, i) => ({
      ...template.Recipients[0],
      QueueMsgID: first + i,
      BaseID: 0,
      SenderLocalpart: 'bench',
      SenderDomain: 'bench.example',
      SenderDomainStr: 'bench.example',
      RecipientLocalpart: `user${first + i}`,
      RecipientAddress: `user${first + i}@example.org`,
    })),
  };
}

/** Appends MessageQueued events for `count` more messages, with 256 appends in flight at once. */
async function appendQueued(dataDir: string, count: number, recipients: number): Promise<number> {
  const store = await openSqliteEventStore(eventsFile(dataDir));
  const started = performance.now();
  const now = new Date();
  try {
    // The ids are reserved as the node's own allocator reserves them, so a later Send never reuses one.
    const sequence = 'sequence-queuemsg';
    const [last] = await store.readStream(sequence, { direction: 'backwards', maxCount: 1 });
    const block = last?.data as { From: number; Count: number } | undefined;
    const first = block ? block.From + block.Count : 1;
    await store.appendToStream(sequence, [{ type: IdBlockReserved, data: { From: first, Count: count }, metadata: { now: now.toISOString() } }], {
      expectedRevision: last ? last.revision : 'no_stream',
    });
    let next = first;
    const end = first + count;
    const writer = async () => {
      while (next < end) {
        const id = next;
        const n = Math.min(recipients, end - id);
        next += n;
        const data = submission(id, n, now);
        await store.appendToStream(submissionStream(data.SubmissionID), [{ type: 'MessageQueued', data, metadata: { now: now.toISOString() } }], { expectedRevision: 'no_stream' });
      }
    };
    await Promise.all(Array.from({ length: 256 }, writer));
  } finally {
    await store.close();
  }
  return (performance.now() - started) / 1000;
}

interface StageResult {
  queued: number;
  appendSeconds: number;
  startSeconds: number;
  startPeakRss: number;
  /** RSS when the first start had caught up. */
  catchUpRss: number;
  rss: number[];
  /** V8 heap in use (the node's own metric), sampled with RSS. */
  heap: number[];
  queueListCalls: number;
  queueListMs: number[];
  /** Server CPU over the second half of the sampling, and the QueueList calls in it. */
  cpuMs: number;
  halfCalls: number;
  seconds: number;
  load: string;
}

async function sampleStage(setup: QuickstartSetup, queued: number, appendSeconds: number, seconds: number): Promise<StageResult> {
  // First start: the read models catch up with the appended events before the node answers. Catching up
  // leaves a heap V8 keeps for a while, so the steady state is measured on a second start.
  let pid = -1;
  let startPeakRss = 0;
  const startSampler = setInterval(() => {
    if (pid > 0) startPeakRss = Math.max(startPeakRss, processRssBytes(pid) || 0);
  }, 200);
  const started = performance.now();
  let catchUpRss = NaN;
  try {
    const first = await QuickstartNode.serve(setup, { startTimeoutMs: 15 * 60_000, logLevel: 'warn', onSpawn: (p) => (pid = p) });
    catchUpRss = processRssBytes(first.pid);
    await first.stop();
  } finally {
    clearInterval(startSampler);
  }
  const startSeconds = (performance.now() - started) / 1000;
  const node = await QuickstartNode.serve(setup, { startTimeoutMs: 5 * 60_000, logLevel: 'warn' });
  const rss: number[] = [];
  const heap: number[] = [];
  const queueListMs: number[] = [];
  const load = loadLine();
  // CPU is taken over the second half only: the first seconds after a start compile and warm caches.
  let cpuMid = NaN;
  let callsMid = 0;
  let cpuMs = NaN;
  try {
    let lastId = 0;
    let last: string | null = null;
    const until = Date.now() + seconds * 1000;
    const midpoint = Date.now() + (seconds * 1000) / 2;
    let nextSample = Date.now();
    while (Date.now() < until) {
      if (Number.isNaN(cpuMid) && Date.now() >= midpoint) {
        cpuMid = processCpuMs(node.pid);
        callsMid = queueListMs.length;
      }
      if (Date.now() >= nextSample) {
        rss.push(processRssBytes(node.pid));
        heap.push(await scrapeMetric(setup.metricsUrl, 'postwire_nodejs_heap_size_used_bytes'));
        nextSample += 1000;
      }
      // Keyset pages through the whole queue in NextAttempt order, 100 at a time, starting over at the end.
      const t0 = performance.now();
      const page = (await node.adminCall('QueueList', {
        Filter: { Max: 100 },
        Sort: last === null ? { Field: 'NextAttempt', Asc: true } : { Field: 'NextAttempt', Asc: true, LastID: lastId, Last: last },
      })) as { Messages: { ID: number; NextAttempt: string }[] };
      queueListMs.push(performance.now() - t0);
      const tail = page.Messages[page.Messages.length - 1];
      lastId = tail?.ID ?? 0;
      last = tail?.NextAttempt ?? null;
      await new Promise((r) => setTimeout(r, 100));
    }
    cpuMs = processCpuMs(node.pid) - cpuMid;
  } finally {
    await node.stop();
  }
  return { queued, appendSeconds, startSeconds, startPeakRss, catchUpRss, rss, heap, queueListCalls: queueListMs.length, halfCalls: queueListMs.length - callsMid, queueListMs, cpuMs, seconds, load };
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)];
};

async function main(): Promise<void> {
  const sizes = argument('sizes', '10000,100000,1000000').split(',').map(Number);
  const seconds = Number(argument('seconds', '60'));
  const recipients = Number(argument('recipients', '10'));
  if (![...sizes, seconds, recipients].every((x) => Number.isSafeInteger(x) && x > 0) || sizes.some((s, i) => i > 0 && s <= sizes[i - 1])) {
    throw new Error('--sizes takes increasing positive whole numbers; --seconds and --recipients positive whole numbers');
  }
  const dir = mkdtempSync(join(tmpdir(), 'postwire-bench-queue-memory-'));
  console.log('Queue memory: RSS of a node with a long queue (nothing due, a month ahead)');
  console.log(`machine: ${machineLine()}`);
  console.log(`load:    ${loadLine()} (1, 5, 15 min) at start; the machine may be shared with other work`);
  console.log(`params:  sizes ${sizes.join(', ')}; ${recipients} recipients per MessageQueued; ${seconds} s of sampling per size; QueueList pages of 100`);
  console.log('');
  const results: StageResult[] = [];
  try {
    const setup = await QuickstartNode.setup({ dir: join(dir, 'postwire'), email: 'bench@bench.example', sinkPort: await freePort(), deliveryConcurrency: 10, perDomainConcurrency: 1 });
    let queued = 0;
    for (const size of sizes) {
      const appendSeconds = await appendQueued(setup.dataDir, size - queued, recipients);
      queued = size;
      const r = await sampleStage(setup, size, appendSeconds, seconds);
      results.push(r);
      const after10 = r.rss.slice(Math.min(10, r.rss.length - 1));
      console.log(
        `# ${size} queued: appended in ${r.appendSeconds.toFixed(1)} s; first start (catch-up) ${r.startSeconds.toFixed(1)} s, RSS peak ${mib(r.startPeakRss)} MiB, ${mib(r.catchUpRss)} MiB once caught up; second start: ` +
          `RSS MiB first ${mib(r.rss[0])}, after 10 s min/median/max ${mib(Math.min(...after10))}/${mib(median(after10))}/${mib(Math.max(...after10))}, last ${mib(r.rss[r.rss.length - 1])}; ` +
          `V8 heap used MiB median ${mib(median(r.heap.slice(10)))}, max ${mib(Math.max(...r.heap.slice(10)))}; QueueList ${r.queueListCalls} calls, p50 ${median(r.queueListMs).toFixed(1)} ms, max ${Math.max(...r.queueListMs).toFixed(1)} ms; server CPU in the second half ${(r.cpuMs / (r.seconds / 2)).toFixed(0)} ms/s, ${(r.cpuMs / Math.max(1, r.halfCalls)).toFixed(1)} ms per QueueList call; load ${r.load}`,
      );
    }
    console.log('');
    console.log('queued | RSS MiB median (after 10 s) | max | V8 heap used median | catching up: RSS peak | once caught up | QueueList p50 ms | load avg');
    for (const r of results) {
      const after10 = r.rss.slice(Math.min(10, r.rss.length - 1));
      console.log(`${r.queued} | ${mib(median(after10))} | ${mib(Math.max(...after10))} | ${mib(median(r.heap.slice(10)))} | ${mib(r.startPeakRss)} | ${mib(r.catchUpRss)} | ${median(r.queueListMs).toFixed(1)} | ${r.load.split(' ')[0]}`);
    }
    console.log(`load:    ${loadLine()} (1, 5, 15 min) at end`);
  } finally {
    if (process.argv.includes('--keep')) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
