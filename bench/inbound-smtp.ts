// Inbound SMTP acceptance rate: a node in this process (embedded event store, all read models and
// reactors, the incoming SMTP service on 127.0.0.1) receives DKIM-signed messages of about 10 KB over 10
// concurrent connections from a load generator in a worker thread, for a fixed time. Every message goes
// the whole way: SPF, DKIM and DMARC verification (against a DNS table answering like a warm cache, so
// the network does not set the pace), trace headers, content storage, the mailbox event, read models.
// Prints messages/s, MB/s and per-transaction latency, and checks that the mailbox holds them all.
//
//   node dist/bench/inbound-smtp.js [--seconds N] [--connections N] [--size BYTES]
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { dkimSign } from 'mailauth/lib/dkim/sign';
import { MAILBOX_MESSAGES_TABLE } from '../projections/mailbox';
import type { Caller } from '../src/api/api-method';
import { reactors } from '../src/capabilities';
import { AccountAddMethod } from '../src/config/api/account-methods';
import { DomainAddMethod } from '../src/config/api/domain-methods';
import { DEFAULT_MAX_MESSAGE_SIZE, type Bootstrap } from '../src/config/bootstrap';
import { InboundSmtpService } from '../src/inbound/inbound-smtp.service';
import { silentLogger } from '../src/observability/logger';
import { Metrics } from '../src/observability/metrics';
import { openRuntime } from '../src/runtime/open-runtime';
import { createHttpApp } from '../src/server/http-app';
import { loadLine, machineLine } from './support/machine';
import type { LoadRequest, LoadResult } from './support/smtp-load';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function signedMessage(size: number, dns: Record<string, string[]>): Promise<string> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  dns['sender.bench.example'] = ['v=spf1 ip4:127.0.0.0/8 -all'];
  dns['_dmarc.sender.bench.example'] = ['v=DMARC1; p=reject'];
  dns['bench._domainkey.sender.bench.example'] = [`v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`];
  const line = 'The quick brown fox jumps over the lazy dog, and keeps jumping for a while. 0123456789\r\n';
  const head = 'From: Sender <app@sender.bench.example>\r\nTo: <inbox@bench.example>\r\nSubject: benchmark message\r\nDate: Mon, 06 Jan 2025 10:00:00 +0000\r\nMessage-Id: <bench@sender.bench.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n';
  const message = head + line.repeat(Math.max(1, Math.ceil((size - head.length) / line.length)));
  const key = { signingDomain: 'sender.bench.example', selector: 'bench', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
  const signed = await dkimSign(Buffer.from(message), { ...key, signatureData: [key] });
  return signed.signatures + message;
}

async function main(): Promise<void> {
  const seconds = argument('seconds', 10);
  const connections = argument('connections', 10);
  const size = argument('size', 10 * 1024);
  const dir = mkdtempSync(join(tmpdir(), 'postwire-bench-inbound-'));
  const bootstrap: Bootstrap = {
    file: null,
    hostname: 'mail.bench.example',
    dataDir: dir,
    listeners: { bench: { ips: ['127.0.0.1'], smtp: { port: 0 } } },
    limits: { maxMessageSize: DEFAULT_MAX_MESSAGE_SIZE, maxRequestSize: 140 * 1024 * 1024 },
  };
  const runtime = await openRuntime({ mode: 'serve', bootstrap, logger: silentLogger(), metrics: new Metrics({ defaultMetrics: false }), eventStoreUrl: null, createDataDir: true });
  const http = await createHttpApp(runtime);
  runtime.reactors.start(reactors.map((type) => http.app.get(type)));
  const admin: Caller = { kind: 'admin', request: { remoteIP: '127.0.0.1', userAgent: 'bench', headers: {}, correlationId: 'bench' } };
  await http.app.get(DomainAddMethod).handle({ Domain: 'bench.example', LocalpartCatchallSeparators: ['+'] }, admin);
  await http.app.get(AccountAddMethod).handle({ Account: 'bench', Address: 'inbox@bench.example', Password: 'bench-password-1234' }, admin);
  await runtime.projections.waitFor(await runtime.store.headPosition());

  const dns: Record<string, string[]> = {};
  const data = await signedMessage(size, dns);
  const smtp = http.app.get(InboundSmtpService);
  smtp.settings.resolver = async (name, type) => {
    const found = type === 'TXT' ? dns[name.toLowerCase()] : undefined;
    if (!found) throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    return found.map((s) => [s]);
  };
  await smtp.start();
  const port = smtp.endpoints[0].port;

  const request: LoadRequest = {
    host: '127.0.0.1',
    port,
    connections,
    warmupSeconds: 2,
    seconds,
    from: 'app@sender.bench.example',
    to: 'inbox@bench.example',
    data: `${data.replace(/^\./gm, '..')}.\r\n`,
  };
  const worker = new Worker(join(__dirname, 'support', 'smtp-load.js'), { workerData: request });
  // CPU of the whole process (server and load generator) over the measured seconds: a figure that other
  // work on the machine does not change, unlike messages/s.
  let cpuAtStart = process.cpuUsage();
  const startTimer = setTimeout(() => (cpuAtStart = process.cpuUsage()), request.warmupSeconds * 1000);
  const reply = await new Promise<{ result?: LoadResult; error?: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const cpu = process.cpuUsage(cpuAtStart);
  clearTimeout(startTimer);
  await worker.terminate();
  if (!reply.result) throw new Error(`load generator failed: ${reply.error}`);
  const r = reply.result;
  const cpuMsPerMessage = (cpu.user + cpu.system) / 1000 / Math.max(1, r.accepted);

  await runtime.projections.waitFor(await runtime.store.headPosition());
  const stored = (runtime.readDb.prepare(`SELECT COUNT(*) AS n FROM ${MAILBOX_MESSAGES_TABLE} WHERE Account = 'bench'`).get() as { n: number }).n;
  await smtp.stop();
  await http.close();
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });

  const sorted = [...r.latenciesMs].sort((a, b) => a - b);
  const rate = r.accepted / r.seconds;
  console.log(`inbound SMTP: ${connections} connections, ${Buffer.byteLength(data)} byte messages (DKIM-signed), ${r.seconds} s measured`);
  console.log(`  accepted   ${r.accepted} messages, ${rate.toFixed(0)} messages/s, ${((rate * Buffer.byteLength(data)) / 1e6).toFixed(2)} MB/s`);
  console.log(`  latency    p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms (MAIL to the reply after DATA)`);
  console.log(`  CPU        ${cpuMsPerMessage.toFixed(2)} ms per message (server and load generator, all threads)`);
  console.log(`  refused    ${r.refused}${r.firstRefusal ? ` (first: ${r.firstRefusal})` : ''}`);
  console.log(`  stored     ${stored} messages in the mailbox (warm-up included)`);
  console.log(`  machine    ${machineLine()}, load ${loadLine()}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
