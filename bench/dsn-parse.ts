// Bounce parsing throughput: parses every .eml file of a corpus folder (BOUNCE_CORPUS, or the first argument)
// over and over for a fixed time, single-threaded, and prints messages/s and MB/s for the MIME parse alone
// and for the full bounce analysis, and the machine.
//
//   node dist/bench/dsn-parse.js [FOLDER] [--seconds N]
import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseBounce } from '../src/dsn';
import { parseMessage, structureOf } from '../src/mime';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

function measure(label: string, messages: Buffer[], seconds: number, work: (m: Buffer) => unknown): void {
  for (const m of messages) work(m); // warm up
  let count = 0;
  let bytes = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    for (const m of messages) {
      work(m);
      bytes += m.length;
    }
    count += messages.length;
  }
  const elapsed = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(22)} ${(count / elapsed).toFixed(0).padStart(8)} messages/s ${(bytes / elapsed / 1e6).toFixed(1).padStart(7)} MB/s`);
}

const folder = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : process.env.BOUNCE_CORPUS;
if (!folder) {
  console.error('usage: node dist/bench/dsn-parse.js FOLDER [--seconds N]   (or set BOUNCE_CORPUS)');
  process.exit(2);
}
const files = readdirSync(folder).filter((f) => f.endsWith('.eml')).sort();
const messages = files.map((f) => readFileSync(join(folder, f)));
const total = messages.reduce((n, m) => n + m.length, 0);
const seconds = Number(argument('seconds', '5'));
console.log(`${files.length} messages, ${(total / 1024).toFixed(0)} KiB, average ${(total / files.length / 1024).toFixed(1)} KiB; ${seconds} s each`);
console.log(`${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
measure('MIME parse + Structure', messages, seconds, (m) => structureOf(parseMessage(m)));
measure('bounce analysis', messages, seconds, (m) => parseBounce(m));
