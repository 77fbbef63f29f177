// A production-shaped Postwire node for benchmarks, made the way an operator makes one: `postwire
// quickstart` writes the bootstrap file and creates the domain (with its Ed25519 and RSA DKIM keys) and the
// account through the configuration commands, then `postwire serve` runs it as a child process. The
// bootstrap file is changed only where a benchmark must: every listener on 127.0.0.1, and delivery through
// a named transport to a loopback SMTP sink with the concurrency the benchmark asks for.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, openSync, readFileSync, writeFileSync, closeSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const MAIN = resolve(__dirname, '../../src/main.js');

export interface QuickstartNodeOptions {
  dir: string;
  email: string;
  sinkPort: number;
  deliveryConcurrency: number;
  perDomainConcurrency: number;
  /** Extra node flags for the server process, e.g. ['--cpu-prof', '--cpu-prof-dir', DIR]. */
  nodeFlags?: string[];
  logLevel?: string;
  /** Extra environment for the server process. */
  env?: Record<string, string>;
  /** false: remove the domain's DKIM keys after quickstart, so Sends are not signed. Default true. */
  dkim?: boolean;
}

export interface QuickstartSetup {
  dir: string;
  /** The bootstrap file. */
  file: string;
  dataDir: string;
  webapiUrl: string;
  adminUrl: string;
  /** Prometheus metrics of the node (internal listener). */
  metricsUrl: string;
  account: Credentials;
  admin: Credentials;
}

export interface Credentials {
  user: string;
  password: string;
}

/** A free TCP port on 127.0.0.1 (listen on 0, close). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

export class QuickstartNode {
  private constructor(
    private readonly child: ChildProcess,
    readonly webapiUrl: string,
    readonly adminUrl: string,
    readonly account: Credentials,
    readonly admin: Credentials,
    readonly logFile: string,
  ) {}

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** `postwire quickstart` in options.dir, with the bootstrap file changed for the benchmark. */
  static async setup(options: QuickstartNodeOptions): Promise<QuickstartSetup> {
    const [httpPort, internalPort, smtpPort, submissionPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const { stdout } = await run(process.execPath, [
      MAIN,
      'quickstart',
      options.email,
      '--dir',
      options.dir,
      '--hostname',
      'mail.bench.example',
      '--http-port',
      String(httpPort),
      '--internal-http-port',
      String(internalPort),
      '--smtp-port',
      String(smtpPort),
      '--submission-port',
      String(submissionPort),
    ]);
    const admin = /admin\s+admin \/ (\S+)/.exec(stdout);
    const account = new RegExp(`${options.email.replace(/[.+]/g, '\\$&')} \\/ (\\S+)`).exec(stdout);
    if (!admin || !account) throw new Error(`quickstart printed no passwords:\n${stdout}`);
    const file = join(options.dir, 'postwire.yaml');
    // Loopback only: the public listener's 0.0.0.0 becomes 127.0.0.1.
    writeFileSync(file, readFileSync(file, 'utf8').replace('ips: [0.0.0.0]', 'ips: [127.0.0.1]'));
    appendFileSync(
      file,
      [
        '# benchmark: every message goes to smtp-sink on loopback',
        'transports:',
        '  sink:',
        '    host: 127.0.0.1',
        `    port: ${options.sinkPort}`,
        '    security: none',
        'delivery:',
        '  defaultTransport: sink',
        `  concurrency: ${options.deliveryConcurrency}`,
        `  perDomainConcurrency: ${options.perDomainConcurrency}`,
        '',
      ].join('\n'),
    );
    if (options.dkim === false) {
      const domain = options.email.slice(options.email.lastIndexOf('@') + 1);
      const document = join(options.dir, 'no-dkim.yaml');
      writeFileSync(document, `domains:\n  ${JSON.stringify(domain)}:\n    dkimKeys: []\n`);
      await run(process.execPath, [MAIN, 'config', 'import', document, '--config', file]);
    }
    return {
      dir: options.dir,
      file,
      dataDir: join(options.dir, 'data'),
      webapiUrl: `http://127.0.0.1:${httpPort}/webapi/v0`,
      adminUrl: `http://127.0.0.1:${internalPort}/adminapi/v0`,
      metricsUrl: `http://127.0.0.1:${internalPort}/metrics`,
      account: { user: options.email, password: account[1] },
      admin: { user: 'admin', password: admin[1] },
    };
  }

  /** Quickstart, then serve. */
  static async start(options: QuickstartNodeOptions): Promise<QuickstartNode> {
    return QuickstartNode.serve(await QuickstartNode.setup(options), options);
  }

  /** `postwire serve` on a setup made before; resolves once the webapi answers (the read models are caught up by then). */
  static async serve(
    setup: QuickstartSetup,
    options: Pick<QuickstartNodeOptions, 'nodeFlags' | 'logLevel' | 'env'> & { startTimeoutMs?: number; onSpawn?: (pid: number) => void } = {},
  ): Promise<QuickstartNode> {
    const logFile = join(setup.dir, 'serve.log');
    const log = openSync(logFile, 'a');
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), MAIN, 'serve', '--config', setup.file], {
      stdio: ['ignore', log, log],
      env: { ...process.env, LOG_LEVEL: options.logLevel ?? 'info', NODE_ENV: 'production', ...options.env },
    });
    closeSync(log);
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    const node = new QuickstartNode(child, setup.webapiUrl, setup.adminUrl, setup.account, setup.admin, logFile);
    const timeoutMs = options.startTimeoutMs ?? 60_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`postwire serve exited with ${child.exitCode}; see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
      if ((await get(`${setup.webapiUrl}/`)) === 200) break;
      if (Date.now() > deadline) {
        await node.stop();
        throw new Error(`postwire serve did not answer within ${timeoutMs / 1000} s; see ${logFile}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return node;
  }

  /** One admin API call; throws on a non-200 answer. */
  async adminCall(method: string, body: unknown): Promise<unknown> {
    return call(`${this.adminUrl}/${method}`, this.admin, body);
  }

  /** One webapi call as the account; throws on a non-200 answer. */
  async webapiCall(method: string, body: unknown): Promise<unknown> {
    return call(`${this.webapiUrl}/${method}`, this.account, body);
  }

  /** SIGTERM: the node finishes in-flight work and exits (writing a CPU profile when asked for one). */
  async stop(timeoutMs = 60_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }
}

export const basicAuth = (c: Credentials) => `Basic ${Buffer.from(`${c.user}:${c.password}`).toString('base64')}`;

/** A metric's value from a Prometheus text page (the first sample of that name), NaN when absent. */
export async function scrapeMetric(url: string, name: string): Promise<number> {
  const text = await new Promise<string>((resolveText) => {
    const req = request(url, { method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolveText(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', () => resolveText(''));
    req.end();
  });
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : NaN;
}

function get(url: string): Promise<number> {
  return new Promise((resolveStatus) => {
    const req = request(url, { method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolveStatus(res.statusCode ?? 0));
    });
    req.on('error', () => resolveStatus(0));
    req.end();
  });
}

function call(url: string, credentials: Credentials, body: unknown): Promise<unknown> {
  const payload = JSON.stringify(body);
  return new Promise((resolveBody, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth(credentials), 'content-length': Buffer.byteLength(payload) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) reject(new Error(`${url}: HTTP ${res.statusCode}: ${text}`));
        else resolveBody(text ? JSON.parse(text) : null);
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}
