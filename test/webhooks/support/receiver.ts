// A webhook receiver on 127.0.0.1 (node:http, in this process) that answers as a test scripts it:
// a status and body, a slow answer, no answer at all, or a closed connection. It records every request
// with its headers and raw body, and how many were being handled at once.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedCall {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  /** Requests being handled when this one arrived, itself included. */
  concurrent: number;
}

/** What to answer: a status and body, or 'hang' (never answer), or 'close' (drop the connection). */
export type Answer = { status: number; body?: string; headers?: Record<string, string>; delayMs?: number } | 'hang' | 'close';

export interface Receiver {
  url: string;
  port: number;
  calls: ReceivedCall[];
  /** The most requests handled at the same time so far. */
  maxConcurrent: number;
  /** Connections accepted so far. */
  connections: number;
  /** Changes how the receiver answers from now on. */
  answer(script: Answer | ((call: ReceivedCall) => Answer | Promise<Answer>)): void;
  /** Resolves when `n` calls have arrived. */
  waitForCalls(n: number, ms?: number): Promise<ReceivedCall[]>;
  close(): Promise<void>;
}

export async function startReceiver(initial: Answer = { status: 200, body: 'ok\n' }): Promise<Receiver> {
  let script: Answer | ((call: ReceivedCall) => Answer | Promise<Answer>) = initial;
  const sockets = new Set<Socket>();
  let active = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const receiver: Receiver = {
    url: '',
    port: 0,
    calls: [],
    maxConcurrent: 0,
    connections: 0,
    answer(next) {
      script = next;
    },
    waitForCalls(n, ms = 10_000) {
      if (receiver.calls.length >= n) return Promise.resolve(receiver.calls.slice(0, n));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`receiver: ${receiver.calls.length} calls of ${n} after ${ms} ms`)), ms);
        waiters.push({ n, resolve: () => (clearTimeout(timer), resolve(receiver.calls.slice(0, n))) });
      });
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    active++;
    receiver.maxConcurrent = Math.max(receiver.maxConcurrent, active);
    const call: ReceivedCall = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now(), concurrent: active };
    receiver.calls.push(call);
    for (const w of waiters.filter((w) => receiver.calls.length >= w.n)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
    const answer = typeof script === 'function' ? await script(call) : script;
    if (answer === 'hang') {
      // Counted as handled until the caller gives up and closes the connection.
      req.socket.once('close', () => active--);
      return;
    }
    if (answer === 'close') {
      active--;
      req.socket.destroy();
      return;
    }
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    res.writeHead(answer.status, { 'Content-Type': 'text/plain', ...answer.headers });
    res.end(answer.body ?? '', () => active--);
  };
  const server: Server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  server.on('connection', (s) => {
    receiver.connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}`;
  return receiver;
}
