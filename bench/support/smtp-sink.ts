// Postfix's smtp-sink on a loopback port: accepts every message and discards it, counting. The same
// program the Postfix anchor relays into, so both systems deliver into an identical next hop. With -c it
// writes "sess=.. quit=.. mesg=N" after every message; the count is read from its output.
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';

export class SmtpSink {
  private received = 0;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    let tail = '';
    child.stdout!.on('data', (d: Buffer) => {
      tail = (tail + d.toString('latin1')).slice(-256);
      const all = [...tail.matchAll(/mesg=(\d+)/g)];
      if (all.length > 0) this.received = Number(all[all.length - 1][1]);
    });
  }

  /** Starts smtp-sink on 127.0.0.1:port (backlog 1000, as the anchor runs it). */
  static async start(port: number): Promise<SmtpSink> {
    const args = ['-4', '-c', ...(process.getuid?.() === 0 ? ['-u', 'nobody'] : []), `127.0.0.1:${port}`, '1000'];
    const child = spawn('smtp-sink', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const sink = new SmtpSink(child, port);
    const deadline = Date.now() + 5_000;
    while (!(await accepts(port))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill();
        throw new Error(`smtp-sink did not start on 127.0.0.1:${port}: ${stderr.trim() || `exit ${child.exitCode}`}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return sink;
  }

  /** Messages received since start. */
  get count(): number {
    return this.received;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Resolves when `target` messages have arrived (true) or after `timeoutMs` (false). */
  async waitFor(target: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.received < target) {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 2));
    }
    return true;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
