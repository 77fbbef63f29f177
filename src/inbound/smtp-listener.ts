// The framing layer of Postwire's SMTP servers: one smtp-server instance on one address, which does the
// protocol itself (RFC 5321 command parsing, pipelining, dot-stuffing, STARTTLS per RFC 3207, AUTH PLAIN
// and LOGIN per RFC 4954, SIZE per RFC 1870) and the connection limits. This layer turns the library's
// callbacks into promise hooks that a session layer implements, reads DATA into one buffer up to the
// maximum message size, and makes sure no hook can take the process down: a thrown SmtpReplyError is the
// reply, anything else is logged and answered "451 4.3.0".
import type { SecureContextOptions } from 'node:tls';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import type { Logger } from '../observability/logger';
import { refuse, REPLIES, SmtpReplyError } from './reply-codes';

export type SmtpSession = SMTPServerSession;
export type SmtpAddress = SMTPServerAddress;

export interface AuthAttempt {
  method: string;
  username: string;
  password: string;
}

/** What a session layer implements; each hook throws SmtpReplyError to refuse. */
export interface SessionHooks {
  /** Returns what identifies the logged-in user (kept as session.user). */
  auth?(attempt: AuthAttempt, session: SmtpSession): Promise<unknown>;
  mailFrom(address: SmtpAddress, session: SmtpSession, signal: AbortSignal): Promise<void>;
  rcptTo(address: SmtpAddress, session: SmtpSession, signal: AbortSignal): Promise<void>;
  /** The whole message, within the size limit; returns the text of the 250 reply. */
  data(message: Buffer, session: SmtpSession, signal: AbortSignal): Promise<string>;
}

export interface ListenerLimits {
  maxMessageSize: number;
  /** Connections at once; more are answered 421 (RFC 5321 §4.3.2) and closed. */
  maxConnections: number;
  /** Recipients per transaction; more are answered 452 (RFC 5321 §4.5.3.1.8, at least 100). */
  maxRecipients: number;
  /** Idle time before the server answers 421 and closes (RFC 5321 §4.5.3.2.7 suggests 5 minutes). */
  idleTimeoutMs: number;
  /** Commands before AUTH on a port that requires it. */
  maxUnauthenticatedCommands: number;
  /** How long stopping waits for sessions before cutting them. */
  closeTimeoutMs: number;
}

export interface SmtpListenerOptions {
  /** For logs: "smtp" or "submission", and the listener's name. */
  service: string;
  listener: string;
  host: string;
  port: number;
  /** Our name in the greeting and EHLO reply. */
  hostname: string;
  /** Certificate and key: STARTTLS is offered with them and not at all without. */
  tls: Pick<SecureContextOptions, 'key' | 'cert'> | null;
  /** null: no AUTH (incoming mail). */
  auth: { allowWithoutTLS: boolean } | null;
  limits: ListenerLimits;
  logger: Logger;
  hooks: SessionHooks;
}

export class SmtpListener {
  private server: SMTPServer | null = null;
  private readonly sessions = new Map<string, AbortController>();
  private readonly stopping = new AbortController();
  port = 0;

  constructor(private readonly options: SmtpListenerOptions) {}

  get host(): string {
    return this.options.host;
  }

  /** Sessions connected now. */
  get connections(): number {
    return this.server?.connections.size ?? 0;
  }

  async start(): Promise<void> {
    const o = this.options;
    const disabled: string[] = [];
    if (!o.tls) disabled.push('STARTTLS');
    if (!o.auth) disabled.push('AUTH');
    const options: SMTPServerOptions = {
      name: o.hostname,
      banner: 'Postwire ready',
      logger: false,
      disabledCommands: disabled,
      ...(o.tls ?? {}),
      authMethods: ['PLAIN', 'LOGIN'],
      authOptional: !o.auth,
      allowInsecureAuth: o.auth?.allowWithoutTLS ?? false,
      maxAllowedUnauthenticatedCommands: o.limits.maxUnauthenticatedCommands,
      size: o.limits.maxMessageSize,
      maxClients: o.limits.maxConnections,
      maxRecipients: o.limits.maxRecipients,
      socketTimeout: o.limits.idleTimeoutMs,
      closeTimeout: o.limits.closeTimeoutMs,
      // Replies carry our own enhanced codes (reply-codes.ts); the library's guesses would come first.
      hideENHANCEDSTATUSCODES: true,
      hideREQUIRETLS: true,
      hideDSN: true,
      // A reverse lookup per connection costs a DNS round trip and decides nothing here.
      disableReverseLookup: true,
      onConnect: (session, callback) => {
        this.sessions.set(session.id, new AbortController());
        callback();
      },
      onClose: (session) => {
        this.sessions.get(session.id)?.abort();
        this.sessions.delete(session.id);
      },
      onAuth: (auth, session, callback) => {
        const attempt = { method: auth.method, username: auth.username ?? '', password: auth.password ?? '' };
        this.run('AUTH', session, () => o.hooks.auth!(attempt, session)).then(
          (user) => callback(null, { user }),
          (err: SmtpReplyError) => callback(err),
        );
      },
      onMailFrom: (address, session, callback) => {
        this.run('MAIL', session, () => o.hooks.mailFrom(address, session, this.signalOf(session))).then(() => callback(), callback);
      },
      onRcptTo: (address, session, callback) => {
        this.run('RCPT', session, () => o.hooks.rcptTo(address, session, this.signalOf(session))).then(() => callback(), callback);
      },
      onData: (stream, session, callback) => {
        this.readData(stream).then(
          (message) => {
            // RFC 1870 §6.3: a message over the declared limit is refused with 552.
            if (message === null) return callback(refuse(REPLIES.messageTooLarge, `the maximum is ${o.limits.maxMessageSize} bytes`));
            this.run('DATA', session, () => o.hooks.data(message, session, this.signalOf(session))).then((text) => callback(null, text), callback);
          },
          (err: Error) => callback(this.unexpected('DATA', session, err)),
        );
      },
    };
    const server = new SMTPServer(options);
    // Connection errors (resets, TLS handshakes that fail) are the client's business: log, never throw.
    server.on('error', (err) => o.logger.debug({ err, service: o.service, listener: o.listener }, 'SMTP connection error'));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(o.port, o.host, () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    const address = server.server.address();
    this.port = typeof address === 'object' && address ? address.port : o.port;
    this.server = server;
    o.logger.info({ service: o.service, listener: o.listener, ip: o.host, port: this.port, starttls: !!o.tls }, 'SMTP listening');
  }

  /** Stops accepting; sessions get until closeTimeoutMs, then 421 and the connection is closed. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.stopping.abort();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Aborted when the client disconnects or the server stops: long waits in hooks end early. */
  private signalOf(session: SmtpSession): AbortSignal {
    const own = this.sessions.get(session.id)?.signal;
    return own ? AbortSignal.any([own, this.stopping.signal]) : this.stopping.signal;
  }

  private async run<T>(command: string, session: SmtpSession, hook: () => Promise<T>): Promise<T> {
    try {
      return await hook();
    } catch (err) {
      throw err instanceof SmtpReplyError ? err : this.unexpected(command, session, err as Error);
    }
  }

  private unexpected(command: string, session: SmtpSession, err: Error): SmtpReplyError {
    this.options.logger.error({ err, command, session: session.id, service: this.options.service }, 'SMTP command failed unexpectedly');
    return refuse(REPLIES.localError);
  }

  /** The message bytes, or null when they exceed the maximum size (the rest is read and dropped). */
  private readData(stream: SMTPServerDataStream): Promise<Buffer | null> {
    const max = this.options.limits.maxMessageSize;
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= max) chunks.push(chunk);
      });
      stream.once('error', reject);
      stream.once('end', () => resolve(size > max || stream.sizeExceeded ? null : Buffer.concat(chunks, size)));
    });
  }
}
