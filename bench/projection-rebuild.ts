// Benchmark: rebuilding read models from 1,000,000 events. Phase 1 (a child process) writes a realistic
// log: message lifecycles (content chunk and completion, queued, attempt started, attempted, delivered,
// retired: 7 events per message). Phase 2 (a fresh child process, so its peak RSS is its own) rebuilds
// every projection from scratch in one pass, then each projection alone, and reports events/s (over the
// whole log) and the peak RSS. Last, the floors (support/rebuild-floors.ts): reading and parsing the log
// alone, and writing the rebuilt rows alone, each with its CPU, against the CPU a rebuild at the
// 200,000 events/s target could spend on this machine's cores.
//
//   node dist/bench/projection-rebuild.js [EVENTS]      (default 1000000)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { allProjections } from '../projections';
import type { NewEvent } from '../src/event-store/event-store';
import { openSqliteEventStore } from '../src/event-store/sqlite';
import { ensureCatalog } from '../src/projecting/projection-catalog';
import { openReadModelDb } from '../src/projecting/read-model-db';
import { rebuildProjections, typesReadWithoutData } from '../src/projecting/rebuild';
import { lifecycleEvents } from './support/message-lifecycle';
import { readingFloor, writingFloor, type FloorMeasure } from './support/rebuild-floors';

async function generate(dir: string, total: number): Promise<void> {
  const store = await openSqliteEventStore(join(dir, 'events.sqlite'));
  const messages = Math.ceil(total / 7);
  let written = 0;
  const start = Date.now();
  const inFlight: Promise<unknown>[] = [];
  for (let id = 1; id <= messages && written < total; id++) {
    const { content, submission, message } = lifecycleEvents(id, new Date(Date.UTC(2026, 0, 1) + id * 1000));
    // Stored content lives in a stream named by its hash, as ContentStore writes it.
    inFlight.push(store.appendToStream(`content-${submission.data.Content.Sha256}`, content as NewEvent[]));
    inFlight.push(store.appendToStream(`submission-${id}`, [submission as NewEvent]));
    inFlight.push(store.appendToStream(`message-${id}`, message as NewEvent[]));
    written += content.length + 1 + message.length;
    if (inFlight.length >= 512) await Promise.all(inFlight.splice(0));
  }
  await Promise.all(inFlight);
  await store.close();
  process.stdout.write(JSON.stringify({ written, seconds: (Date.now() - start) / 1000 }));
}

async function rebuild(dir: string): Promise<void> {
  const store = await openSqliteEventStore(join(dir, 'events.sqlite'));
  const db = openReadModelDb(join(dir, 'projections.sqlite'));
  ensureCatalog(db);
  // Put every checkpoint at the head, as a live node would have it, then rebuild from scratch.
  const head = await store.headPosition();
  const results: Record<string, { events: number; seconds: number; eventsPerSecond: number; cpuSeconds: number }> = {};
  const total = (db.prepare('SELECT 1').get(), (await store.readAll({ maxCount: 1 })).length) && head; // positions are dense here
  const measure = async (label: string, definitions: typeof allProjections) => {
    await rebuildProjections(store, db, definitions); // registers each at -1: an empty swap
    for (const d of definitions) db.prepare('UPDATE _projections SET position = ? WHERE name = ?').run(head, d.name);
    const started = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const result = await rebuildProjections(store, db, definitions, { pageSize: 2_000 });
    const cpu = process.cpuUsage(cpu0);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    results[label] = {
      events: result.events,
      seconds: Number(seconds.toFixed(2)),
      eventsPerSecond: Math.round(total / seconds),
      cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    };
  };
  await measure('all projections, one pass', allProjections);
  for (const d of allProjections) await measure(d.name, [d]);
  const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  const reading = await readingFloor(store, typesReadWithoutData(allProjections));
  const tables = allProjections.flatMap((d) => d.tables.map((t) => t.name)).filter((t) => (db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number) > 0);
  const writing = await writingFloor(db, tables, join(dir, 'floor.sqlite'));
  await store.close();
  db.close();
  process.stdout.write(JSON.stringify({ results, peakRssMB, floors: { reading, writing } }));
}

async function main(): Promise<void> {
  const [mode, dirArg, countArg] = process.argv.slice(2);
  if (mode === '--generate') return generate(dirArg, Number(countArg));
  if (mode === '--rebuild') return rebuild(dirArg);
  const total = Number(mode ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'postwire-bench-rebuild-'));
  try {
    console.log(`machine: ${cpus()[0]?.model} x${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, node ${process.version}, temp dir ${dir}`);
    const gen = JSON.parse(execFileSync(process.execPath, [__filename, '--generate', dir, String(total)], { encoding: 'utf8', maxBuffer: 1 << 20 }));
    console.log(`wrote ${gen.written} events in ${gen.seconds}s`);
    const out = JSON.parse(execFileSync(process.execPath, [__filename, '--rebuild', dir], { encoding: 'utf8', maxBuffer: 1 << 20 }));
    for (const [name, r] of Object.entries(out.results as Record<string, { events: number; seconds: number; eventsPerSecond: number; cpuSeconds: number }>)) {
      console.log(
        `rebuild ${name.padEnd(26)} ${String(r.events).padStart(8)} events applied  ${String(r.seconds).padStart(7)} s  ${String(r.eventsPerSecond).padStart(9)} log events/s  CPU ${r.cpuSeconds} s`,
      );
    }
    console.log(`peak RSS of the rebuilding process: ${out.peakRssMB} MB`);
    const { reading, writing } = out.floors as { reading: FloorMeasure; writing: FloorMeasure };
    const line = (label: string, f: FloorMeasure, unit: string) =>
      console.log(`floor: ${label.padEnd(44)} ${String(f.count).padStart(8)} ${unit}  ${f.seconds.toFixed(2).padStart(6)} s  CPU ${f.cpuSeconds.toFixed(2)} s`);
    line('reading and parsing the whole log, nothing else', reading, 'events');
    line('writing the rebuilt rows and their indexes', writing, 'rows  ');
    const budget = (cpus().length * gen.written) / 200_000;
    console.log(
      `CPU a rebuild at 200,000 events/s could spend here: ${budget.toFixed(2)} s (${cpus().length} cores x ${(gen.written / 200_000).toFixed(2)} s); ` +
        `the two floors alone: ${(reading.cpuSeconds + writing.cpuSeconds).toFixed(2)} s`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
