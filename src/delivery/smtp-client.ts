// One SMTP client session, as promises over nodemailer's SMTP connection (which does the framing,
// EHLO, STARTTLS, AUTH, PIPELINING and dot-stuffing). This layer adds what delivery needs to decide for
// itself: which extensions the server offers, the SMTPUTF8 parameter whenever the message needs it, and
// cancellation. Failures come back as nodemailer's errors (code, responseCode, response, command);
// smtp-outcome.ts turns them into queue results.
import type { Readable } from 'node:stream';
import type { ConnectionOptions } from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

export type StartTlsMode =
  /** STARTTLS when offered, without certificate verification; plaintext when not offered. */
  | 'opportunistic'
  /** STARTTLS must succeed (fails otherwise). */
  | 'required'
  /** Never STARTTLS (after a failed TLS handshake, mox retries the host in plaintext). */
  | 'skip';

export interface SmtpClientOptions {
  /** Address or name to connect to. */
  host: string;
  port: number;
  /** Name for SNI and certificate verification (the MX host name). */
  servername?: string;
  /** Our name in EHLO. */
  ehloName: string;
  /** TLS from the first byte (port 465 style). */
  implicitTLS: boolean;
  startTls: StartTlsMode;
  tls: ConnectionOptions;
  auth?: { user: string; pass: string };
  connectTimeoutMs: number;
  greetingTimeoutMs: number;
  /** Longest silence from the server during the session (RFC 5321 §4.5.3.2 suggests minutes). */
  socketTimeoutMs: number;
}

export interface SmtpEnvelope {
  from: string;
  to: string[];
  size: number;
  /** BODY=8BITMIME (RFC 6152). */
  eightBit: boolean;
  /** SMTPUTF8 (RFC 6531 §3.4): needed for UTF-8 addresses and for UTF-8 header fields. */
  smtputf8: boolean;
  /** The REQUIRETLS MAIL parameter (RFC 8689 §4.1). */
  requireTLS: boolean;
}

export interface SmtpSendResult {
  accepted: string[];
  /** Recipients refused at RCPT, with nodemailer's error (responseCode, response). */
  rejected: { recipient: string; error: SmtpClientError }[];
  /** The reply to the end of DATA. */
  response: string;
}

/** nodemailer's error shape. */
export interface SmtpClientError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  recipient?: string;
  rejectedErrors?: SmtpClientError[];
}

/** An error's message on one line (OpenSSL's end in a newline, replies may span lines). */
export function errorText(err: Error): string {
  return err.message.replace(/\s+/g, ' ').trim();
}

/** The TLS handshake or the STARTTLS exchange failed (nodemailer reports handshake errors as socket errors). */
export function isTlsFailure(err: SmtpClientError): boolean {
  const e = err as SmtpClientError & { originalCode?: string; library?: string };
  return e.code === 'ETLS' || e.library === 'SSL routines' || String(e.originalCode ?? '').startsWith('ERR_SSL') || /^ERR_TLS/.test(String(e.originalCode ?? ''));
}

export type Extension = 'SMTPUTF8' | '8BITMIME' | 'REQUIRETLS' | 'PIPELINING' | 'SIZE' | 'DSN';

// nodemailer keeps the advertised extensions in a field it does not declare.
interface ConnectionInternals {
  _supportedExtensions: string[];
  _envelope?: { rejectedErrors?: SmtpClientError[] } | false;
  _sendCommand(command: string): void;
  secure: boolean;
}

export class SmtpClient {
  private failed: SmtpClientError | null = null;
  private forceSmtpUtf8 = false;

  private constructor(
    private readonly connection: SMTPConnection,
    readonly options: SmtpClientOptions,
  ) {
    // Keeps the process alive on errors nodemailer emits outside a callback; the next operation
    // reports them.
    connection.on('error', (err: SmtpClientError) => (this.failed ??= err));
    connection.on('end', () => (this.failed ??= Object.assign(new Error('connection closed'), { code: 'ECONNECTION' })));
    // nodemailer adds SMTPUTF8 only for UTF-8 addresses; RFC 6531 §3.4 also asks for it when the
    // message has UTF-8 header fields, so the MAIL command gets it whenever the message needs it.
    const internals = connection as unknown as ConnectionInternals;
    const send = internals._sendCommand.bind(connection);
    internals._sendCommand = (command: string) =>
      send(this.forceSmtpUtf8 && /^MAIL FROM:/i.test(command) && !/\sSMTPUTF8(\s|$)/i.test(command) ? `${command} SMTPUTF8` : command);
  }

  /** Connects, reads the greeting, EHLO, STARTTLS per `startTls`, AUTH when asked. */
  static async open(options: SmtpClientOptions, signal: AbortSignal): Promise<SmtpClient> {
    const connection = new SMTPConnection({
      host: options.host,
      port: options.port,
      secure: options.implicitTLS,
      servername: options.servername,
      name: options.ehloName,
      requireTLS: options.startTls === 'required',
      ignoreTLS: options.startTls === 'skip',
      opportunisticTLS: options.startTls === 'opportunistic',
      tls: options.tls,
      connectionTimeout: options.connectTimeoutMs,
      greetingTimeout: options.greetingTimeoutMs,
      socketTimeout: options.socketTimeoutMs,
      socketCloseTimeout: 1000,
      allowInternalNetworkInterfaces: true,
      logger: false,
    });
    const client = new SmtpClient(connection, options);
    try {
      await client.run(signal, (done) => {
        connection.once('error', done);
        connection.connect((err) => done(err ?? null));
      });
      if (options.auth) {
        await client.run(signal, (done) => connection.login({ user: options.auth!.user, pass: options.auth!.pass }, (err) => done(err)));
      }
    } catch (err) {
      client.close();
      throw err;
    }
    return client;
  }

  get secure(): boolean {
    return (this.connection as unknown as ConnectionInternals).secure;
  }

  /** Still connected and not broken by an earlier error: can take another transaction. */
  get usable(): boolean {
    return this.failed === null && !(this.connection as unknown as { _destroyed?: boolean })._destroyed;
  }

  supports(extension: Extension): boolean {
    return (this.connection as unknown as ConnectionInternals)._supportedExtensions.includes(extension);
  }

  /**
   * One mail transaction. Resolves when the server accepted the message for at least one recipient;
   * rejects with nodemailer's error otherwise (MAIL refused, every RCPT refused, DATA refused, I/O).
   */
  async send(envelope: SmtpEnvelope, message: Readable, signal: AbortSignal): Promise<SmtpSendResult> {
    this.forceSmtpUtf8 = envelope.smtputf8;
    const info = await this.run<SMTPConnection.SentMessageInfo>(signal, (done) =>
      this.connection.send(
        { from: envelope.from, to: envelope.to, size: envelope.size, use8BitMime: envelope.eightBit, requireTLSExtensionEnabled: envelope.requireTLS },
        message,
        (err, result) => done(err ?? null, result),
      ),
    );
    const rejected = ((info.rejectedErrors ?? []) as SmtpClientError[]).map((error) => ({ recipient: error.recipient ?? '', error }));
    return { accepted: info.accepted, rejected, response: info.response };
  }

  /** Recipients the server refused at RCPT in the last transaction (also known when DATA failed after). */
  rejectedInLastTransaction(): SmtpClientError[] {
    const envelope = (this.connection as unknown as ConnectionInternals)._envelope;
    return envelope ? [...(envelope.rejectedErrors ?? [])] : [];
  }

  /** RSET (RFC 5321 §4.1.1.5): a clean session for the next transaction. */
  async reset(signal: AbortSignal): Promise<void> {
    await this.run(signal, (done) => this.connection.reset((err) => done(err)));
  }

  /** QUIT when possible, then close. */
  close(): void {
    try {
      if (this.usable) this.connection.quit();
      else this.connection.close();
    } catch {
      this.connection.close();
    }
  }

  private run<T = void>(signal: AbortSignal, start: (done: (err: Error | null, value?: T) => void) => void): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const onAbort = () => {
        finish(Object.assign(new Error('delivery attempt canceled'), { code: 'ECANCELED' }));
        this.connection.close();
      };
      const finish = (err: Error | null, value?: T) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        // A refused command leaves the session usable; I/O errors reach `failed` through the
        // connection's own 'error' and 'end' events.
        if (err) reject(err);
        else resolve(value as T);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      start(finish);
    });
  }
}
