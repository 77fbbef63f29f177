// An HTTP load generator in its own process, so its work does not share the server's event loop: C
// clients, each with one kept-alive connection, send POST requests one after another until N requests
// have been made (or the time bound passes). It reports the requests answered 200, the other answers,
// the wall-clock window and the latency percentiles of the 200s.
//
// The parent forks this file and sends one LoadJob per run over IPC; the child answers with a LoadResult.
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';

export interface LoadJob {
  url: string;
  headers: Record<string, string>;
  /** Request bodies; request i sends bodies[i % bodies.length]. */
  bodies: string[];
  n: number;
  concurrency: number;
  timeoutMs: number;
}

export interface LoadResult {
  ok: number;
  /** Answers other than 200 by status (0: connection error), with one example body each. */
  failed: Record<string, { count: number; example: string }>;
  /** Wall-clock milliseconds (performance.timeOrigin + now), comparable across processes. */
  startedAt: number;
  endedAt: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** CPU the load generator itself used, ms. */
  cpuMs: number;
}

const wallClock = () => performance.timeOrigin + performance.now();
const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);

async function runJob(job: LoadJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency, maxFreeSockets: job.concurrency });
  const target = new URL(job.url);
  const latencies: number[] = [];
  const failed: LoadResult['failed'] = {};
  let next = 0;
  const cpu0 = process.cpuUsage();
  const startedAt = wallClock();
  const deadline = startedAt + job.timeoutMs;
  const one = (body: string): Promise<{ status: number; text: string }> =>
    new Promise((resolve) => {
      const req = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { ...job.headers, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', (err) => resolve({ status: 0, text: err.message }));
      req.end(body);
    });
  const client = async () => {
    while (next < job.n && wallClock() < deadline) {
      const i = next++;
      const started = performance.now();
      const answer = await one(job.bodies[i % job.bodies.length]);
      if (answer.status === 200) latencies.push(performance.now() - started);
      else {
        const entry = (failed[String(answer.status)] ??= { count: 0, example: answer.text.slice(0, 300) });
        entry.count++;
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, client));
  const endedAt = wallClock();
  agent.destroy();
  const cpu = process.cpuUsage(cpu0);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    ok: latencies.length,
    failed,
    startedAt,
    endedAt,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    meanMs: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

/** The parent's handle on a load-generator process. */
export class LoadGenerator {
  private constructor(private readonly child: ChildProcess) {}

  static async start(): Promise<LoadGenerator> {
    const child = fork(__filename, ['--load-generator'], { stdio: 'inherit' });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('error', reject);
    });
    return new LoadGenerator(child);
  }

  run(job: LoadJob): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the load generator exited with ${code}`));
      this.child.once('exit', onExit);
      this.child.once('message', (m: LoadResult) => {
        this.child.off('exit', onExit);
        resolve(m);
      });
      this.child.send(job);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.disconnect();
    await exited;
  }
}

if (process.argv.includes('--load-generator') && process.send) {
  process.on('message', (job: LoadJob) => {
    runJob(job).then(
      (result) => process.send!(result),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
  // Exits when the parent disconnects.
  process.on('disconnect', () => process.exit(0));
  process.send('ready');
}
