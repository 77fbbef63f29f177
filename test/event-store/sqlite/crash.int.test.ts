// The crash test: a child process appends three-event batches from many concurrent appenders and prints
// each acknowledged append; we SIGKILL it mid-run, reopen the file and check that every acknowledged append
// is there completely, that no append is there in part, and that every stream's revisions are contiguous.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { StoredEvent } from '../../../src/event-store/event-store';
import { openSqliteEventStore } from '../../../src/event-store/sqlite';

const APPENDER = join(__dirname, 'crash-appender.js');
const RUN_LIMIT_MS = 60_000;

/** Runs the appender until it printed `killAfter` acknowledgements, kills it, returns every ack it printed. */
async function runAndKill(file: string, killAfter: number): Promise<{ acked: Set<number>; signal: string | null }> {
  const child = spawn(process.execPath, [APPENDER, file, '48'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acked = new Set<number>();
  let pending = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? ''; // a line cut off by the kill is not an acknowledgement
    for (const line of lines) acked.add(Number(line));
    if (acked.size >= killAfter && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
  const signal = await new Promise<string | null>((resolve) => child.on('close', (_code, sig) => resolve(sig)));
  clearTimeout(timer);
  assert.ok(acked.size >= killAfter, `the appender acknowledged only ${acked.size} appends before it ended (${stderr.trim()})`);
  return { acked, signal };
}

async function readEverything(file: string): Promise<StoredEvent[]> {
  const store = await openSqliteEventStore(file);
  try {
    const events: StoredEvent[] = [];
    for (let after = -1; ; ) {
      const page = await store.readAll({ after, maxCount: 1000 });
      if (page.length === 0) return events;
      events.push(...page);
      after = page[page.length - 1].position;
    }
  } finally {
    await store.close();
  }
}

function checkLog(events: StoredEvent[], acked: Set<number>): void {
  const byAppend = new Map<number, StoredEvent[]>();
  const byStream = new Map<string, number[]>();
  for (const event of events) {
    const append = event.data.append as number;
    byAppend.set(append, [...(byAppend.get(append) ?? []), event]);
    byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event.revision]);
  }
  for (const number of acked) assert.ok(byAppend.has(number), `acknowledged append ${number} is missing`);
  for (const [number, parts] of byAppend) {
    assert.equal(parts.length, 3, `append ${number} is present with ${parts.length} of its 3 events`);
    assert.deepEqual(parts.map((p) => p.data.part), [0, 1, 2], `append ${number} parts in order`);
    assert.ok(parts.every((p) => p.streamId === parts[0].streamId), `append ${number} stayed in one stream`);
    assert.deepEqual(parts.map((p) => p.revision - parts[0].revision), [0, 1, 2], `append ${number} revisions are consecutive`);
  }
  for (const [stream, revisions] of byStream) {
    assert.deepEqual(revisions, revisions.map((_, i) => i), `stream ${stream} has contiguous revisions from 0`);
  }
  for (let i = 1; i < events.length; i++) assert.ok(events[i].position > events[i - 1].position);
}

describe('SQLite event store survives SIGKILL', () => {
  for (const killAfter of [150, 400, 900]) {
    it(`keeps every acknowledged append and no partial one when killed after ${killAfter} acknowledgements`, async () => {
      const directory = mkdtempSync(join(tmpdir(), 'postwire-crash-'));
      try {
        const file = join(directory, 'events.sqlite');
        const { acked, signal } = await runAndKill(file, killAfter);
        assert.equal(signal, 'SIGKILL', 'the appender was killed, not finished');
        const events = await readEverything(file);
        checkLog(events, acked);
        assert.ok(events.length >= acked.size * 3);

        // The store keeps working after the crash: appends continue each stream where it ended.
        const store = await openSqliteEventStore(file);
        try {
          const [last] = await store.readStream('crash-0', { direction: 'backwards', maxCount: 1 });
          const next = await store.appendToStream('crash-0', [{ type: 'AfterCrash', data: {}, metadata: { now: new Date().toISOString() } }], {
            expectedRevision: last ? last.revision : 'no_stream',
          });
          assert.equal(next.nextExpectedRevision, last ? last.revision + 1 : 0);
        } finally {
          await store.close();
        }
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });
  }
});
