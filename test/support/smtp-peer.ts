// A real SMTP server on 127.0.0.1 (smtp-server, in this process) that answers as a test scripts it:
// replies at MAIL, RCPT and DATA, slow answers, dropped connections, STARTTLS and REQUIRETLS offered or
// not. It records every connection and every message it accepted.
import { createServer, type Server, type Socket } from 'node:net';
import type { SecureContextOptions } from 'node:tls';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';

/** A reply: "550 5.1.1 no such user" (code first), or nothing to accept. */
export type Reply = string | undefined;

export interface PeerScript {
  mail?: (from: string, session: SMTPServerSession) => Reply | Promise<Reply>;
  rcpt?: (to: string, session: SMTPServerSession) => Reply | Promise<Reply>;
  /** Called with the whole message; a reply refuses it. */
  data?: (message: Buffer, session: SMTPServerSession) => Reply | Promise<Reply>;
  /** Extra smtp-server options (hideSTARTTLS, hide8BITMIME, hideSMTPUTF8, hideREQUIRETLS, key, cert, ...). */
  options?: Partial<SMTPServerOptions>;
  /** Accept AUTH with these credentials. */
  auth?: { user: string; pass: string };
}

export interface Received {
  from: string;
  to: string[];
  data: Buffer;
  /** MAIL FROM parameters as smtp-server parsed them (SMTPUTF8, BODY, REQUIRETLS, SIZE, ...). */
  mailArgs: Record<string, unknown>;
  secure: boolean;
  user: string | undefined;
  connection: string;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function replyError(reply: string): Error {
  const m = /^(\d{3})\s?(.*)$/s.exec(reply);
  if (!m) throw new Error(`a scripted reply must start with a code: ${reply}`);
  return Object.assign(new Error(m[2]), { responseCode: Number(m[1]) });
}

export class SmtpPeer {
  readonly received: Received[] = [];
  connections = 0;
  /** Transactions (MAIL commands) per connection id. */
  readonly transactions = new Map<string, number>();
  private server: SMTPServer | null = null;
  port = 0;

  constructor(private script: PeerScript = {}) {}

  setScript(script: PeerScript): void {
    this.script = { ...script, options: this.script.options, auth: this.script.auth };
  }

  async start(host = '127.0.0.1', port = 0): Promise<this> {
    const script = this.script;
    const server = new SMTPServer({
      logger: false,
      disabledCommands: script.auth ? [] : ['AUTH'],
      authOptional: true,
      allowInsecureAuth: true,
      hideENHANCEDSTATUSCODES: true,
      hideREQUIRETLS: false,
      size: 50 * 1024 * 1024,
      ...script.options,
      onConnect: (session, callback) => {
        this.connections++;
        this.transactions.set(session.id, 0);
        callback();
      },
      onAuth: (auth, _session, callback) => {
        if (script.auth && auth.username === script.auth.user && auth.password === script.auth.pass) return callback(null, { user: auth.username });
        callback(Object.assign(new Error('5.7.8 authentication failed'), { responseCode: 535 }));
      },
      onMailFrom: (address, session, callback) => {
        this.transactions.set(session.id, (this.transactions.get(session.id) ?? 0) + 1);
        void this.answer(this.script.mail?.(address.address, session), callback);
      },
      onRcptTo: (address, session, callback) => void this.answer(this.script.rcpt?.(address.address, session), callback),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          const data = Buffer.concat(chunks);
          try {
            const reply = await this.script.data?.(data, session);
            if (reply) return callback(replyError(reply));
          } catch (err) {
            return callback(err as Error);
          }
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
            mailArgs: (session.envelope.mailFrom ? session.envelope.mailFrom.args : {}) as Record<string, unknown>,
            secure: session.secure,
            user: session.user as string | undefined,
            connection: session.id,
          });
          callback(null, '2.0.0 queued');
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.port = (server.server.address() as { port: number }).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(reply: Reply | Promise<Reply>, callback: (err?: Error | null) => void): Promise<void> {
    try {
      const r = await reply;
      callback(r ? replyError(r) : null);
    } catch (err) {
      callback(err as Error);
    }
  }
}

/** A TCP server that accepts and then does something unhelpful: closes at once, or never says a word. */
export class RudePeer {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  connections = 0;

  constructor(private readonly behaviour: 'close' | 'silent' | 'close-after-greeting') {}

  async start(): Promise<this> {
    const server = createServer((socket) => {
      this.connections++;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
      if (this.behaviour === 'close') socket.destroy();
      else if (this.behaviour === 'close-after-greeting') {
        socket.write('220 rude.example ESMTP\r\n');
        socket.once('data', () => socket.destroy());
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

export type TlsFiles = Pick<SecureContextOptions, 'key' | 'cert'>;
