// An SMTP load generator for benchmarks, run in a worker thread so its work does not share the event loop
// with the server it measures: N connections to host:port, each sending the same message over and over
// (MAIL, RCPT, DATA on one connection, no pipelining) until the time is up. Posts back the number of
// messages accepted and the latency of each transaction (MAIL to the reply after the final dot).
import { connect, type Socket } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

export interface LoadRequest {
  host: string;
  port: number;
  connections: number;
  /** Warm-up, then measured, seconds. */
  warmupSeconds: number;
  seconds: number;
  from: string;
  to: string;
  /** The message, CRLF line ends, dot-stuffed, ending in CRLF "." CRLF. */
  data: string;
}

export interface LoadResult {
  accepted: number;
  refused: number;
  latenciesMs: number[];
  seconds: number;
  firstRefusal: string;
}

class Connection {
  private buffer = '';
  private waiter: ((line: string) => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.drain();
    });
  }

  static async open(host: string, port: number): Promise<Connection> {
    const socket = connect({ host, port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const c = new Connection(socket);
    await c.reply();
    return c;
  }

  private drain(): void {
    for (;;) {
      if (!this.waiter) return;
      const lines = this.buffer.split('\r\n');
      const last = lines.slice(0, -1).findIndex((l) => /^\d{3} /.test(l));
      if (last < 0) return;
      this.buffer = lines.slice(last + 1).join('\r\n');
      const w = this.waiter;
      this.waiter = null;
      w(lines[last]);
    }
  }

  reply(): Promise<string> {
    return new Promise((resolve) => {
      this.waiter = resolve;
      this.drain();
    });
  }

  async command(text: string): Promise<string> {
    this.socket.write(text);
    return this.reply();
  }

  close(): void {
    this.socket.end('QUIT\r\n');
  }
}

async function run(r: LoadRequest): Promise<LoadResult> {
  const result: LoadResult = { accepted: 0, refused: 0, latenciesMs: [], seconds: r.seconds, firstRefusal: '' };
  const start = Date.now();
  const measureFrom = start + r.warmupSeconds * 1000;
  const end = measureFrom + r.seconds * 1000;
  const worker = async () => {
    const c = await Connection.open(r.host, r.port);
    await c.command('EHLO load.bench.example\r\n');
    while (Date.now() < end) {
      const t0 = performance.now();
      const mail = await c.command(`MAIL FROM:<${r.from}>\r\n`);
      const rcpt = await c.command(`RCPT TO:<${r.to}>\r\n`);
      const go = await c.command('DATA\r\n');
      const done = go.startsWith('354') ? await c.command(r.data) : go;
      const measured = Date.now() >= measureFrom && Date.now() < end;
      if (done.startsWith('250') && mail.startsWith('250') && rcpt.startsWith('250')) {
        if (measured) {
          result.accepted++;
          result.latenciesMs.push(performance.now() - t0);
        }
      } else {
        result.refused++;
        result.firstRefusal ||= `${mail} | ${rcpt} | ${done}`;
        await c.command('RSET\r\n');
      }
    }
    c.close();
  };
  await Promise.all(Array.from({ length: r.connections }, worker));
  return result;
}

if (parentPort) {
  run(workerData as LoadRequest).then(
    (result) => parentPort!.postMessage({ result }),
    (err: Error) => parentPort!.postMessage({ error: err.message }),
  );
}
