// Outgoing mail, Postwire side by side with Postfix on this machine, in one run:
//
// 1. The Postfix anchor (shared/anchors/postfix-anchor.sh, as root): a private Postfix on loopback,
//    smtp-source submitting 2,000-byte messages at 1, 10 and 50 connections, relayed into smtp-sink.
// 2. A Postwire node made by `postwire quickstart` (embedded SQLite store, every acknowledged append
//    fsynced; the domain's Ed25519 and RSA DKIM keys; the account through the configuration commands)
//    and run by `postwire serve` as a child process, delivering through a named transport into its own
//    smtp-sink on loopback. A load generator in another process sends N webapi `Send` calls (2 KB text,
//    one recipient) over C kept-alive connections. Counted: Sends answered 200; Send rate = those / the
//    time until the last answer; end to end = those / the time from the first Send until smtp-sink has
//    received them all. As in the anchor, the queue delivers while Sends arrive.
//
// 3. The ceiling of this machine and stack (support/send-ceiling.ts): a NestJS/Fastify server answering
//    Send with nothing behind it, under the same load, and the CPU of the two DKIM signatures a Send makes.
//
// Prints raw numbers and the ratios to the anchor's, the load average with each run (the machine may be
// shared), and the CPU each side spent per message. Everything listens on 127.0.0.1; every wait is
// bounded; the temporary directory is removed at the end.
//
//   node dist/bench/send-vs-postfix.js [--n 4000] [--levels 1,10,50] [--repeats 1] [--delivery-concurrency 50]
//     [--per-domain-concurrency 50] [--skip-anchor] [--skip-ceiling] [--send-only] [--no-dkim] [--profile DIR] [--keep]
//
// --no-dkim removes the domain's DKIM keys, so Sends are not signed (Postfix signs nothing either).
// --send-only gives every Send a FutureRelease 50 days ahead, so Send is measured without delivery beside it.
// --profile DIR runs the server with --cpu-prof and leaves the profile in DIR.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LoadGenerator, type LoadResult } from './support/http-load';
import { loadLine, machineBusyMs, machineLine, processCpuMs } from './support/machine';
import { metricNumber, runAnchor, type AnchorResult } from './support/postfix-anchor';
import { basicAuth, freePort, QuickstartNode } from './support/quickstart-node';
import { deliveryFloor, endToEndCeiling, FloorServer, sendCeiling, signatureCost, type DeliveryFloor, type FloorResult } from './support/send-ceiling';
import { SmtpSink } from './support/smtp-sink';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const EMAIL = 'bench@bench.example';
const MESSAGE_BYTES = 2000;

/** A 2,000-byte text body in 70-character lines (7bit, no quoted-printable), one per recipient index. */
function sendBodies(count: number, later: boolean): string[] {
  const line = 'The quick brown fox jumps over the lazy dog, again and again and again.\n';
  const text = line.repeat(Math.ceil(MESSAGE_BYTES / line.length)).slice(0, MESSAGE_BYTES - 1) + '\n';
  // --send-only: first delivery attempt 50 days ahead, so the queue keeps every message.
  const release = later ? { FutureRelease: new Date(Date.now() + 50 * 24 * 3600_000).toISOString() } : {};
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({ To: [{ Address: `rcpt${i}@sink.example` }], Subject: `Benchmark message ${i}`, Text: text, ...release }),
  );
}

interface LevelResult {
  concurrency: number;
  load: LoadResult;
  sendRate: number;
  e2eRate: number;
  delivered: boolean;
  serverCpuMsPerMsg: number;
  machineCpuMsPerMsg: number;
  loadBefore: string;
  loadAfter: string;
}

async function measureLevel(node: QuickstartNode, sink: SmtpSink, loader: LoadGenerator, concurrency: number, n: number, bodies: string[], sendOnly: boolean): Promise<LevelResult> {
  const loadBefore = loadLine();
  const sinkBase = sink.count;
  const cpu0 = processCpuMs(node.pid);
  const busy0 = machineBusyMs();
  const load = await loader.run({
    url: `${node.webapiUrl}/Send`,
    headers: { 'content-type': 'application/json', authorization: basicAuth(node.account) },
    bodies,
    n,
    concurrency,
    timeoutMs: 240_000,
  });
  const delivered = sendOnly ? false : await sink.waitFor(sinkBase + load.ok, 240_000);
  const sinkDoneAt = performance.timeOrigin + performance.now();
  const cpu = processCpuMs(node.pid) - cpu0;
  const busy = machineBusyMs() - busy0;
  const ok = Math.max(1, load.ok);
  return {
    concurrency,
    load,
    sendRate: (load.ok * 1000) / (load.endedAt - load.startedAt),
    e2eRate: delivered ? (load.ok * 1000) / (sinkDoneAt - load.startedAt) : NaN,
    delivered,
    serverCpuMsPerMsg: cpu / ok,
    machineCpuMsPerMsg: busy / ok,
    loadBefore,
    loadAfter: loadLine(),
  };
}

const median = (values: number[]) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return v.length === 0 ? NaN : v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');

async function main(): Promise<void> {
  const n = Number(argument('n', '4000'));
  const levels = argument('levels', '1,10,50').split(',').map(Number);
  const repeats = Number(argument('repeats', '1'));
  const deliveryConcurrency = Number(argument('delivery-concurrency', '50'));
  const perDomain = Number(argument('per-domain-concurrency', String(deliveryConcurrency)));
  const profileDir = process.argv.includes('--profile') ? resolve(argument('profile', 'profiles')) : null;
  const sendOnly = flag('send-only');
  if (![n, repeats, deliveryConcurrency, perDomain, ...levels].every((x) => Number.isSafeInteger(x) && x > 0)) {
    throw new Error('--n, --levels, --repeats, --delivery-concurrency and --per-domain-concurrency take positive whole numbers');
  }
  const dir = mkdtempSync(join(tmpdir(), 'postwire-bench-send-'));
  console.log('Outgoing mail: Postwire Send and delivery side by side with Postfix');
  console.log(`machine: ${machineLine()}`);
  console.log(`load:    ${loadLine()} (1, 5, 15 min) at start; the machine may be shared with other work`);
  console.log(`params:  N=${n} per run, clients ${levels.join(',')}, repeats ${repeats}, ${MESSAGE_BYTES}-byte text, 1 recipient per Send`);
  console.log(`postwire delivery.concurrency=${deliveryConcurrency} perDomainConcurrency=${perDomain} (raised for the benchmark; defaults 10 and 1)`);
  console.log(flag('no-dkim') ? 'DKIM: none (the domain\'s keys are removed; Sends are not signed)' : 'DKIM: every Send signed with the domain\'s Ed25519 and RSA-2048 keys');
  if (sendOnly) console.log('send only: every Send asks for its first attempt 50 days ahead (FutureRelease), nothing is delivered (no end-to-end numbers)');
  console.log('');

  let anchor: AnchorResult | null = null;
  let node: QuickstartNode | null = null;
  let sink: SmtpSink | null = null;
  let loader: LoadGenerator | null = null;
  try {
    if (!flag('skip-anchor')) {
      const base = join(dir, 'postfix');
      // Postfix's own processes (user postfix) must reach the queue under it; mkdtemp makes it 0700.
      chmodSync(dir, 0o755);
      mkdirSync(base, { mode: 0o755 });
      const started = Date.now();
      console.log(`# postfix anchor running (load ${loadLine()}) ...`);
      anchor = await runAnchor({ n, concurrency: levels, repeats, base, inPort: await freePort(), sinkPort: await freePort(), timeoutMs: 9 * 60_000 });
      console.log(`# postfix anchor done in ${((Date.now() - started) / 1000).toFixed(0)} s (load ${loadLine()})`);
      for (const [k, v] of anchor.metrics) console.log(`anchor ${k}=${v}`);
      console.log('');
    }

    sink = await SmtpSink.start(await freePort());
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    node = await QuickstartNode.start({
      dir: join(dir, 'postwire'),
      email: EMAIL,
      sinkPort: sink.port,
      deliveryConcurrency,
      perDomainConcurrency: perDomain,
      dkim: !flag('no-dkim'),
      nodeFlags: profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [],
    });
    // The default limits (1,000 messages a day) would stop the benchmark; an admin raises them.
    await node.adminCall('AccountSettingsSave', {
      Account: 'bench',
      FullName: '',
      MaxOutgoingMessagesPerDay: 100_000_000,
      MaxFirstTimeRecipientsPerDay: 100_000_000,
      NoCustomPassword: false,
      KeepRetiredMessagePeriod: '0s',
      KeepRetiredWebhookPeriod: '0s',
    });
    loader = await LoadGenerator.start();
    const bodies = sendBodies(1000, sendOnly);
    // Warm-up: JIT, connections, caches.
    await measureLevel(node, sink, loader, 10, 300, bodies, sendOnly);

    const results: LevelResult[] = [];
    for (const c of levels) {
      for (let r = 0; r < repeats; r++) {
        const result = await measureLevel(node, sink, loader, c, n, bodies, sendOnly);
        results.push(result);
        const failed = Object.entries(result.load.failed).map(([status, f]) => `${status}x${f.count} (${f.example.trim()})`).join(', ');
        console.log(
          `# postwire c=${c} run=${r + 1} ok=${result.load.ok} send=${fmt(result.sendRate, 1)}/s e2e=${fmt(result.e2eRate, 1)}/s p50=${fmt(result.load.p50Ms, 1)}ms p99=${fmt(result.load.p99Ms, 1)}ms ` +
            `server_cpu=${fmt(result.serverCpuMsPerMsg, 2)}ms/msg machine_cpu=${fmt(result.machineCpuMsPerMsg, 2)}ms/msg loadgen_cpu=${fmt(result.load.cpuMs / Math.max(1, result.load.ok), 2)}ms/msg load=${result.loadBefore} -> ${result.loadAfter}` +
            (failed ? ` failed: ${failed}` : '') +
            (result.delivered || sendOnly ? '' : ' NOT ALL DELIVERED within 240 s'),
        );
      }
    }
    console.log('');
    console.log('clients | Postfix submit/s | Postwire Send/s | ratio | Send p50 ms | p99 ms | Postfix e2e/s | Postwire e2e/s | ratio | CPU ms/msg Postfix | Postwire | load avg');
    for (const c of levels) {
      const mine = results.filter((r) => r.concurrency === c);
      const send = median(mine.map((r) => r.sendRate));
      const e2e = median(mine.map((r) => r.e2eRate));
      const pfSubmit = metricNumber(anchor, `postfix_submit_c${c}_msgs_per_s`);
      const pfE2e = metricNumber(anchor, `postfix_e2e_c${c}_msgs_per_s`);
      console.log(
        [
          c,
          fmt(pfSubmit),
          fmt(send),
          ratio(send, pfSubmit),
          fmt(median(mine.map((r) => r.load.p50Ms)), 1),
          fmt(median(mine.map((r) => r.load.p99Ms)), 1),
          fmt(pfE2e),
          fmt(e2e),
          ratio(e2e, pfE2e),
          fmt(metricNumber(anchor, `postfix_cpu_c${c}_ms_per_msg`), 2),
          fmt(median(mine.map((r) => r.serverCpuMsPerMsg)), 2),
          mine.map((r) => r.loadBefore.split(' ')[0]).join(','),
        ].join(' | '),
      );
    }
    for (const c of levels) {
      const mine = results.filter((r) => r.concurrency === c);
      console.log(`postwire_send_c${c}_msgs_per_s=${fmt(median(mine.map((r) => r.sendRate)), 1)}`);
      console.log(`postwire_e2e_c${c}_msgs_per_s=${fmt(median(mine.map((r) => r.e2eRate)), 1)}`);
    }
    if (!flag('skip-ceiling')) {
      // Postwire is stopped first so the floor server has the machine to itself, as Postwire had.
      await node.stop();
      node = null;
      printCeiling(await measureCeiling(loader, levels, n, bodies, sink, deliveryConcurrency), anchor);
    }
    console.log(`load:    ${loadLine()} (1, 5, 15 min) at end`);
  } finally {
    await loader?.stop().catch(() => undefined);
    await node?.stop().catch(() => undefined);
    await sink?.stop().catch(() => undefined);
    if (flag('keep')) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

async function measureCeiling(loader: LoadGenerator, clients: number[], count: number, bodies: string[], sink: SmtpSink, connections: number) {
  const floor = await FloorServer.start(await freePort());
  try {
    await floor.measure(loader, 10, 1000, bodies); // warm-up
    const results: FloorResult[] = [];
    for (const c of clients) results.push(await floor.measure(loader, c, Math.max(count, 10_000), bodies));
    const delivery = await deliveryFloor(sink, Math.max(count, 10_000), connections, MESSAGE_BYTES);
    return { results, signatures: signatureCost(), delivery };
  } finally {
    await floor.stop();
  }
}

function printCeiling(ceiling: { results: FloorResult[]; signatures: ReturnType<typeof signatureCost>; delivery: DeliveryFloor }, anchor: AnchorResult | null): void {
  const { results, signatures, delivery } = ceiling;
  console.log('');
  console.log('Ceiling of this machine and stack: NestJS/Fastify answering Send with nothing behind it, same load generator and bodies');
  console.log(`DKIM signature CPU: RSA-2048 ${signatures.rsa2048Ms.toFixed(3)} ms, Ed25519 ${signatures.ed25519Ms.toFixed(3)} ms`);
  console.log(
    `delivery floor (nodemailer, ${delivery.connections} pooled connections, ready-made ${MESSAGE_BYTES}-byte messages into smtp-sink): ` +
      `${fmt(delivery.rate)}/s, machine CPU ${fmt(delivery.machineCpuMsPerMessage, 3)} ms/message`,
  );
  console.log('clients | floor requests/s | machine CPU ms/request | Send ceiling/s signed, unsigned | 5x Postfix submit/s | end-to-end ceiling/s signed, unsigned | 3x Postfix e2e/s');
  for (const r of results) {
    console.log(
      [
        r.concurrency,
        fmt(r.rate),
        fmt(r.machineCpuMsPerRequest, 3),
        `${fmt(sendCeiling(r, signatures))}, ${fmt(sendCeiling(r, null))}`,
        fmt(5 * metricNumber(anchor, `postfix_submit_c${r.concurrency}_msgs_per_s`)),
        `${fmt(endToEndCeiling(r, signatures, delivery))}, ${fmt(endToEndCeiling(r, null, delivery))}`,
        fmt(3 * metricNumber(anchor, `postfix_e2e_c${r.concurrency}_msgs_per_s`)),
      ].join(' | '),
    );
  }
  for (const r of results) {
    console.log(`floor_c${r.concurrency}_requests_per_s=${fmt(r.rate, 1)}`);
    console.log(`send_ceiling_signed_c${r.concurrency}_per_s=${fmt(sendCeiling(r, signatures), 1)}`);
    console.log(`send_ceiling_unsigned_c${r.concurrency}_per_s=${fmt(sendCeiling(r, null), 1)}`);
    console.log(`e2e_ceiling_signed_c${r.concurrency}_per_s=${fmt(endToEndCeiling(r, signatures, delivery), 1)}`);
    console.log(`e2e_ceiling_unsigned_c${r.concurrency}_per_s=${fmt(endToEndCeiling(r, null, delivery), 1)}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
