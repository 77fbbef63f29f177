// A plain SMTP client on a raw socket, for tests that look at every reply: one command at a time, the
// reply's code and lines, STARTTLS on the same socket, DATA with the message's line ends turned into CRLF
// and leading dots doubled (RFC 5321 §4.5.2), as any client sends them.
import { connect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

export interface Reply {
  code: number;
  lines: string[];
  /** The lines without their code, joined by newlines. */
  text: string;
}

export class RawSmtpClient {
  greeting!: Reply;
  private buffer = '';
  private waiting: ((reply: Reply | Error) => void) | null = null;
  private replies: (Reply | Error)[] = [];
  private ended = false;
  readonly closed: Promise<void>;
  private resolveClosed!: () => void;

  private constructor(private socket: Socket | TLSSocket) {
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    this.attach(socket);
  }

  static async connect(port: number, host = '127.0.0.1'): Promise<RawSmtpClient> {
    const socket = connect({ port, host });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new RawSmtpClient(socket);
    client.greeting = await client.read();
    return client;
  }

  get isClosed(): boolean {
    return this.ended;
  }

  private attach(socket: Socket | TLSSocket): void {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.parse();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.ended = true;
      this.deliver(new Error('connection closed'));
      this.resolveClosed();
    });
  }

  private parse(): void {
    for (;;) {
      const lines = this.buffer.split('\r\n');
      // A reply ends with a line "NNN text" (RFC 5321 §4.2.1); earlier lines are "NNN-text".
      const last = lines.slice(0, -1).findIndex((l) => /^\d{3}(?: |$)/.test(l));
      if (last < 0) return;
      const replyLines = lines.slice(0, last + 1);
      this.buffer = lines.slice(last + 1).join('\r\n');
      this.deliver({ code: Number(replyLines[last].slice(0, 3)), lines: replyLines, text: replyLines.map((l) => l.slice(4)).join('\n') });
    }
  }

  private deliver(reply: Reply | Error): void {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w(reply);
    } else {
      this.replies.push(reply);
    }
  }

  read(timeoutMs = 10_000): Promise<Reply> {
    const queued = this.replies.shift();
    if (queued) return queued instanceof Error ? Promise.reject(queued) : Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new Error(`no SMTP reply within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = (reply) => {
        clearTimeout(timer);
        if (reply instanceof Error) reject(reply);
        else resolve(reply);
      };
    });
  }

  write(text: string | Buffer): void {
    this.socket.write(text);
  }

  async command(line: string, timeoutMs?: number): Promise<Reply> {
    this.socket.write(`${line}\r\n`);
    return this.read(timeoutMs);
  }

  ehlo(name = 'client.example'): Promise<Reply> {
    return this.command(`EHLO ${name}`);
  }

  /** STARTTLS, then TLS on the same socket trusting `ca`. */
  async starttls(ca: Buffer, servername: string): Promise<Reply> {
    const reply = await this.command('STARTTLS');
    if (reply.code !== 220) return reply;
    const plain = this.socket;
    plain.removeAllListeners('data');
    plain.removeAllListeners('close');
    const secure = tlsConnect({ socket: plain, ca, servername });
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', resolve);
      secure.once('error', reject);
    });
    this.socket = secure;
    this.attach(secure);
    return reply;
  }

  /** AUTH PLAIN (RFC 4616) in one line. */
  authPlain(user: string, pass: string): Promise<Reply> {
    return this.command(`AUTH PLAIN ${Buffer.from(`\0${user}\0${pass}`).toString('base64')}`);
  }

  /** DATA: the 354, then the message and the final dot; returns the reply to the message. */
  async data(message: Buffer | string, timeoutMs?: number): Promise<Reply> {
    const go = await this.command('DATA');
    if (go.code !== 354) return go;
    this.socket.write(dotStuffed(message));
    return this.read(timeoutMs);
  }

  /** One transaction; stops at the first refusal. */
  async transaction(from: string, to: string[], message: Buffer | string): Promise<{ mail: Reply; rcpt: Reply[]; data: Reply | null }> {
    const mail = await this.command(`MAIL FROM:<${from}>`);
    const rcpt: Reply[] = [];
    if (mail.code !== 250) return { mail, rcpt, data: null };
    for (const r of to) rcpt.push(await this.command(`RCPT TO:<${r}>`));
    if (!rcpt.some((r) => r.code === 250)) {
      await this.command('RSET');
      return { mail, rcpt, data: null };
    }
    return { mail, rcpt, data: await this.data(message) };
  }

  async quit(): Promise<void> {
    if (!this.ended) {
      this.socket.write('QUIT\r\n');
      await Promise.race([this.closed, new Promise((r) => setTimeout(r, 1_000))]);
    }
    this.socket.destroy();
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** CRLF line ends, doubled leading dots and the terminating "." line. */
export function dotStuffed(message: Buffer | string): Buffer {
  const text = Buffer.isBuffer(message) ? message.toString('latin1') : Buffer.from(message, 'utf8').toString('latin1');
  const crlf = text.replace(/\r?\n/g, '\r\n');
  const body = crlf.endsWith('\r\n') ? crlf : `${crlf}\r\n`;
  return Buffer.from(`${body.replace(/^\./gm, '..')}.\r\n`, 'latin1');
}
