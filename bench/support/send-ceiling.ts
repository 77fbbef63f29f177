// What no Send on this machine and this stack can beat, measured in the same run as the real one:
//
// - the HTTP floor: a child process running NestJS on the Fastify adapter (the stack Postwire is built
//   on) with a single POST /webapi/v0/Send route that parses the JSON body and answers a fixed Send
//   reply, with nothing behind it: no authentication, validation, MIME, DKIM, storage or queue. The same
//   load generator, request bodies and client counts as the Postwire runs.
// - the DKIM signatures a Send of a domain with RSA-2048 and Ed25519 keys makes: one node:crypto
//   signature of each kind over a header block of a typical size.
//
// - the delivery floor: nodemailer (the SMTP client Postwire delivers with) handing ready-made 2 KB
//   messages over pooled connections to the same smtp-sink, with no queue or events around it.
//
// The sum of the floor's machine CPU per request and the signatures' CPU bounds the rate any signed Send
// can reach with every core busy; adding the delivery floor bounds the end-to-end rate.
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { createTransport } from 'nodemailer';
import type { LoadGenerator, LoadResult } from './http-load';
import { machineBusyMs } from './machine';
import type { SmtpSink } from './smtp-sink';

export interface FloorResult {
  concurrency: number;
  rate: number;
  p50Ms: number;
  machineCpuMsPerRequest: number;
}

export interface DeliveryFloor {
  connections: number;
  rate: number;
  machineCpuMsPerMessage: number;
}

export interface SignatureCost {
  rsa2048Ms: number;
  ed25519Ms: number;
}

@Controller('webapi/v0')
class FloorController {
  private next = 1;

  @Post('Send')
  @HttpCode(200)
  send(@Body() body: Record<string, unknown>): unknown {
    const id = this.next++;
    return { MessageID: `<floor-${id}@bench.example>`, Submissions: [{ Address: String(Object.keys(body)[0]), QueueMsgID: id, FromID: '' }] };
  }
}

@Module({ controllers: [FloorController] })
class FloorModule {}

async function serveFloor(port: number): Promise<void> {
  const app = await NestFactory.create(FloorModule, new FastifyAdapter(), { logger: false });
  await app.listen(port, '127.0.0.1');
  process.send!('listening');
  process.on('disconnect', () => void app.close().then(() => process.exit(0)));
}

/** The floor server as a child process on a loopback port. */
export class FloorServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(port: number): Promise<FloorServer> {
    const child = fork(__filename, ['--floor-server', String(port)], { stdio: 'inherit' });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the HTTP floor server did not start within 30 s')), 30_000);
      child.once('message', () => (clearTimeout(timer), resolve()));
      child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`the HTTP floor server exited with ${code}`))));
    });
    return new FloorServer(child, `http://127.0.0.1:${port}/webapi/v0/Send`);
  }

  async measure(loader: LoadGenerator, concurrency: number, n: number, bodies: string[]): Promise<FloorResult> {
    const busy0 = machineBusyMs();
    const load: LoadResult = await loader.run({ url: this.url, headers: { 'content-type': 'application/json' }, bodies, n, concurrency, timeoutMs: 120_000 });
    if (load.ok !== n) throw new Error(`the HTTP floor server answered ${load.ok} of ${n} requests: ${JSON.stringify(load.failed)}`);
    return {
      concurrency,
      rate: (load.ok * 1000) / (load.endedAt - load.startedAt),
      p50Ms: load.p50Ms,
      machineCpuMsPerRequest: (machineBusyMs() - busy0) / load.ok,
    };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** CPU of one DKIM signature of each kind, over a header block of about 400 bytes, in ms. */
export function signatureCost(rounds = 2_000): SignatureCost {
  const headers = Buffer.from('from:bench@bench.example\r\nto:rcpt@sink.example\r\nsubject:Benchmark message\r\n'.repeat(5));
  const time = (algorithm: string | null, key: KeyObject) => {
    for (let i = 0; i < 100; i++) sign(algorithm, headers, key);
    const started = process.cpuUsage();
    for (let i = 0; i < rounds; i++) sign(algorithm, headers, key);
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000 / rounds;
  };
  return {
    rsa2048Ms: time('sha256', generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey),
    ed25519Ms: time(null, generateKeyPairSync('ed25519').privateKey),
  };
}

/** The most Sends a second the machine's cores could give if nothing but the floor (and the signatures, if given) cost CPU. */
export function sendCeiling(floor: FloorResult, signatures: SignatureCost | null, cores = availableParallelism()): number {
  return (cores * 1000) / (floor.machineCpuMsPerRequest + signingMs(signatures));
}

const signingMs = (signatures: SignatureCost | null) => (signatures ? signatures.rsa2048Ms + signatures.ed25519Ms : 0);

/** Machine CPU per message for nodemailer to hand `n` ready-made messages of `bytes` to smtp-sink. */
export async function deliveryFloor(sink: SmtpSink, n: number, connections: number, bytes: number): Promise<DeliveryFloor> {
  const transport = createTransport({ host: '127.0.0.1', port: sink.port, pool: true, maxConnections: connections, maxMessages: Infinity, ignoreTLS: true });
  const line = 'The quick brown fox jumps over the lazy dog, again and again and again.\r\n';
  const head = 'From: bench@bench.example\r\nTo: rcpt@sink.example\r\nSubject: Delivery floor\r\n\r\n';
  const raw = Buffer.from(head + line.repeat(Math.ceil(bytes / line.length)).slice(0, Math.max(0, bytes - head.length)));
  try {
    const send = (i: number) => transport.sendMail({ envelope: { from: 'bench@bench.example', to: [`rcpt${i}@sink.example`] }, raw });
    await Promise.all(Array.from({ length: Math.min(200, n) }, (_, i) => send(i))); // warm-up: connections open
    const base = sink.count;
    const busy0 = machineBusyMs();
    const started = performance.now();
    await Promise.all(Array.from({ length: n }, (_, i) => send(i)));
    if (!(await sink.waitFor(base + n, 60_000))) throw new Error(`smtp-sink received ${sink.count - base} of ${n} messages of the delivery floor`);
    return { connections, rate: (n * 1000) / (performance.now() - started), machineCpuMsPerMessage: (machineBusyMs() - busy0) / n };
  } finally {
    transport.close();
  }
}

/** The most Sends delivered a second the machine's cores could give with nothing but the floors (and signatures, if given) costing CPU. */
export function endToEndCeiling(floor: FloorResult, signatures: SignatureCost | null, delivery: DeliveryFloor, cores = availableParallelism()): number {
  return (cores * 1000) / (floor.machineCpuMsPerRequest + signingMs(signatures) + delivery.machineCpuMsPerMessage);
}

if (process.argv[2] === '--floor-server' && process.send) {
  serveFloor(Number(process.argv[3])).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
