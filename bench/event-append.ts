// Durable append throughput of the embedded event store (synchronous=FULL: every acknowledged append is
// on disk). For 1, 16 and 256 concurrent appenders, each appends single events to its own stream with the
// exact expected revision, for a fixed time; prints events/s and append latency, and the machine.
//
//   node dist/bench/event-append.js [--seconds N] [--levels 1,16,256]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from '../src/event-store/sqlite';
import type { CommitInfo } from '../src/event-store/sqlite';

interface LevelResult {
  appenders: number;
  events: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  commits: number;
  /** CPU time of the whole process (both threads) per event: unlike events/s it hardly depends on other load. */
  cpuMicrosPerEvent: number;
}

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function runLevel(directory: string, appenders: number, seconds: number): Promise<LevelResult> {
  const commits: CommitInfo[] = [];
  const store = await openSqliteEventStore(join(directory, `append-${appenders}.sqlite`), { onCommit: (c) => commits.push(c) });
  const latencies: number[] = [];
  const metadata = { now: new Date().toISOString(), correlationId: 'bench' };
  let measuring = false;
  let running = true;
  const appender = async (n: number): Promise<void> => {
    const streamId = `bench-${n}`;
    for (let revision = -1; running; revision += 1) {
      const started = performance.now();
      await store.appendToStream(
        streamId,
        [{ type: 'BenchEventAppended', data: { appender: n, revision: revision + 1, note: 'x'.repeat(100) }, metadata }],
        { expectedRevision: revision < 0 ? 'no_stream' : revision },
      );
      if (measuring) latencies.push(performance.now() - started);
    }
  };
  const workers = Array.from({ length: appenders }, (_, n) => appender(n));
  await new Promise((r) => setTimeout(r, 500)); // warm-up: caches, WAL file growth
  const commitsBefore = commits.length;
  measuring = true;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  measuring = false;
  const cpu = process.cpuUsage(cpuBefore);
  const elapsed = (performance.now() - started) / 1000;
  const measured = latencies.length;
  running = false;
  await Promise.all(workers);
  await store.close();
  latencies.sort((a, b) => a - b);
  return {
    appenders,
    events: measured,
    seconds: elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    commits: commits.length - commitsBefore,
    cpuMicrosPerEvent: (cpu.user + cpu.system) / measured,
  };
}

function describeDisk(directory: string): string {
  try {
    const [, line] = execFileSync('df', ['-PT', directory], { encoding: 'utf8' }).trim().split('\n');
    const [device, fsType] = line.split(/\s+/);
    const base = device.replace(/^\/dev\//, '').replace(/p?\d+$/, '');
    let rotational = '';
    try {
      rotational = readFileSync(`/sys/block/${base}/queue/rotational`, 'utf8').trim() === '1' ? ', rotational' : ', non-rotational';
    } catch {
      // not a local block device (overlay, tmpfs, network)
    }
    return `${device} (${fsType}${rotational})`;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const seconds = Number(argument('seconds', '5'));
  const levels = argument('levels', '1,16,256').split(',').map(Number);
  const directory = mkdtempSync(join(tmpdir(), 'postwire-bench-append-'));
  const cpuList = cpus();
  console.log('Event appends (SQLite, WAL, synchronous=FULL, group commit)');
  console.log(`machine: ${cpuList[0]?.model ?? 'unknown CPU'}, ${cpuList.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`);
  console.log(`disk:    ${directory} on ${describeDisk(directory)}`);
  console.log(`node:    ${process.version}, ${seconds} s per level`);
  // Other work on the machine competes for the same cores and disk; the load average shows how much.
  console.log(`load:    ${loadavg().map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min) at start`);
  console.log('');
  console.log('appenders   events/s   p50 ms   p99 ms   events/commit   CPU µs/event');
  try {
    for (const level of levels) {
      const r = await runLevel(directory, level, seconds);
      const perSecond = r.events / r.seconds;
      const perCommit = r.commits > 0 ? r.events / r.commits : NaN;
      console.log(
        `${String(r.appenders).padStart(9)}  ${perSecond.toFixed(0).padStart(9)}  ${r.p50Ms.toFixed(2).padStart(7)}  ${r.p99Ms.toFixed(2).padStart(7)}  ${perCommit.toFixed(1).padStart(14)}  ${r.cpuMicrosPerEvent.toFixed(0).padStart(13)}`,
      );
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
