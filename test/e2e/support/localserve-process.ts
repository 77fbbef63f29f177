// `postwire localserve` as a developer runs it: the compiled CLI (dist/src/main.js) in a child process, on
// loopback ports, with its data in a temporary directory. The ports come from the banner it prints when it
// is ready (the test passes port 0, or ports it found free), so nothing is guessed. Every child started
// here is killed when the test process exits, whatever happened; `stop()` is the graceful way (SIGTERM).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** The checkout's root: the folder above this file whose package.json names postwire. */
export function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'postwire') return dir;
    if (dirname(dir) === dir) throw new Error(`no postwire package.json above ${from}`);
  }
}

export const MAIN_JS = join(projectRoot(), 'dist/src/main.js');

/**
 * The environment of a child: the parent's, without any Postwire setting that would change what it does.
 * NODE_ENV=test (set by the test runner) stays, so the server checks every answer against its response
 * schema; LOG_LEVEL=info keeps the logs that NODE_ENV=test would silence, for assertions and failures.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('POSTWIRE_') && k !== 'EVENTSTORE_URL') env[k] = v;
  return { ...env, LOG_LEVEL: 'info', ...extra };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Every child still running; killed on exit so a failed test never leaves one behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A child process with its output kept (for assertions and for failure messages) and a bounded stop. */
export class Child {
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exit>;
  exit: Exit | null = null;

  constructor(readonly process: ChildProcess) {
    running.add(process);
    process.stdout?.setEncoding('utf8').on('data', (s: string) => (this.stdout += s));
    process.stderr?.setEncoding('utf8').on('data', (s: string) => (this.stderr += s));
    this.exited = new Promise((resolve) => {
      process.once('exit', (code, signal) => {
        running.delete(process);
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  /** Resolves with the first match of `pattern` in stdout; rejects when the child exits first or time is up. */
  async waitForOutput(pattern: RegExp, what: string, ms: number): Promise<RegExpExecArray> {
    const deadline = Date.now() + ms;
    for (;;) {
      const m = pattern.exec(this.stdout);
      if (m) return m;
      if (this.exit) throw new Error(`${what}: the process exited (${describeExit(this.exit)}) first\n${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`${what}: not seen after ${ms} ms\n${this.tail()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Sends `signal` and waits for the exit; SIGKILL after `ms` (and the returned promise rejects then). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', ms = 45_000): Promise<Exit> {
    if (this.exit) return this.exit;
    this.process.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
    const result = await Promise.race([this.exited, late]);
    clearTimeout(timer);
    if (result === 'late') {
      this.process.kill('SIGKILL');
      await this.exited;
      throw new Error(`the process did not exit within ${ms} ms of ${signal}; killed\n${this.tail()}`);
    }
    return result;
  }

  /** Kills at once (after hooks, when a test failed half-way). */
  async kill(): Promise<void> {
    if (this.exit) return;
    this.process.kill('SIGKILL');
    await this.exited;
  }

  /** The end of the output, for error messages. */
  tail(chars = 3000): string {
    return `--- stdout ---\n${this.stdout.slice(-chars)}\n--- stderr ---\n${this.stderr.slice(-chars)}`;
  }
}

export function describeExit(exit: Exit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

export function runNode(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Child {
  return new Child(spawn(process.execPath, args, { cwd: options.cwd ?? projectRoot(), env: options.env ?? cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** Runs a short command to its end (bounded) and returns its output. */
export async function runToEnd(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; ms?: number } = {}): Promise<{ exit: Exit; stdout: string; stderr: string }> {
  const child = runNode(args, options);
  const ms = options.ms ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  const result = await Promise.race([child.exited, late]);
  clearTimeout(timer);
  if (result === 'late') {
    await child.kill();
    throw new Error(`node ${args.join(' ')} did not finish within ${ms} ms\n${child.tail()}`);
  }
  return { exit: result, stdout: child.stdout, stderr: child.stderr };
}

export interface LocalserveOptions {
  dir: string;
  /** Ports as flags (0: the system picks one); omitted ones are not passed. */
  flags?: { http?: number; smtp?: number; submission?: number };
  /** Extra environment (e.g. POSTWIRE_HTTP_PORT). */
  env?: Record<string, string>;
  /** How long start-up may take. */
  startMs?: number;
}

/** A running localserve child and where it listens, read from its banner. */
export interface Localserve {
  child: Child;
  dir: string;
  /** e.g. http://127.0.0.1:41234 */
  httpUrl: string;
  httpPort: number;
  smtpPort: number;
  submissionPort: number;
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

export async function startLocalserve(options: LocalserveOptions): Promise<Localserve> {
  const args = [MAIN_JS, 'localserve', '--dir', options.dir];
  const f = options.flags ?? {};
  if (f.http !== undefined) args.push('--http-port', String(f.http));
  if (f.smtp !== undefined) args.push('--smtp-port', String(f.smtp));
  if (f.submission !== undefined) args.push('--submission-port', String(f.submission));
  const child = runNode(args, { env: cleanEnv(options.env) });
  try {
    return await readBanner(child, options.dir, options.startMs ?? 60_000);
  } catch (err) {
    await child.kill();
    throw err;
  }
}

/** Waits for localserve's "is running" banner and reads the listeners from it. */
export async function readBanner(child: Child, dir: string, ms: number): Promise<Localserve> {
  await child.waitForOutput(/^Stop with Ctrl-C\.$/m, 'the localserve banner', ms);
  const http = /^ {2}webapi +(http:\/\/127\.0\.0\.1:(\d+))\/webapi\/v0\/$/m.exec(child.stdout);
  const smtp = /^ {2}smtp +127\.0\.0\.1:(\d+) /m.exec(child.stdout);
  const submission = /^ {2}submission +127\.0\.0\.1:(\d+) /m.exec(child.stdout);
  if (!http || !smtp || !submission) throw new Error(`the banner does not name the listeners\n${child.tail()}`);
  return {
    child,
    dir,
    httpUrl: http[1],
    httpPort: Number(http[2]),
    smtpPort: Number(smtp[1]),
    submissionPort: Number(submission[1]),
    stop: (signal) => child.stop(signal),
  };
}

/** A port nothing listens on at this moment (listen on 0, note the port, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Whether `port` on 127.0.0.1 can be listened on now; the error code when not (EADDRINUSE, EACCES). */
export function portAvailable(port: number): Promise<true | string> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
