// Delivery through a configured next hop (bootstrap `transports`, mox's Submission/Submissions/SMTP
// transports): one host, TLS as configured (`starttls`: required STARTTLS, default port 587; `tls`:
// TLS from the start, port 465; `none`: plaintext, port 587) with a verified certificate, and AUTH when
// a username is set. A refused login is our configuration's problem, not the recipient's: it is a
// temporary failure without an SMTP code, so it never suppresses an address.
import type { ConnectionOptions } from 'node:tls';
import type { TransportConfig } from '../config/bootstrap';
import { plainError } from './attempt-error';
import type { ConnectionPool } from './connection-pool';
import { errorText, type SmtpClientError, type SmtpClientOptions } from './smtp-client';
import { transact } from './smtp-transaction';
import { DEFAULT_TIMEOUTS, type SmtpTimeouts } from './smtp-timeouts';
import { failAll, type DeliveryOutcome, type DeliveryRequest, type DeliveryTransport } from './transport';

export interface SmarthostTransportOptions {
  name: string;
  config: TransportConfig;
  ehloName: string;
  pool: ConnectionPool;
  /** Extra TLS options (e.g. `ca` for a private certificate authority). */
  tls?: ConnectionOptions;
  timeouts?: Partial<SmtpTimeouts>;
}

export class SmarthostTransport implements DeliveryTransport {
  readonly name: string;
  private readonly client: SmtpClientOptions;

  constructor(private readonly options: SmarthostTransportOptions) {
    this.name = options.name;
    const { config } = options;
    const security = config.security ?? 'starttls';
    this.client = {
      host: config.host,
      port: config.port ?? (security === 'tls' ? 465 : 587),
      ehloName: options.ehloName,
      implicitTLS: security === 'tls',
      startTls: security === 'starttls' ? 'required' : 'skip',
      tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2', ...options.tls },
      auth: config.username ? { user: config.username, pass: config.password ?? '' } : undefined,
      ...DEFAULT_TIMEOUTS,
      ...options.timeouts,
    };
  }

  async deliver(request: DeliveryRequest): Promise<DeliveryOutcome> {
    const host = this.client.host;
    const key = `smarthost|${this.name}`;
    let lease;
    try {
      lease = await this.options.pool.acquire(key, this.client, request.signal);
    } catch (err) {
      const e = err as SmtpClientError;
      const what = e.code === 'EAUTH' ? `authenticating to transport ${this.name}` : `connecting to transport ${this.name} at ${host} port ${this.client.port}`;
      return failAll(request, plainError(`delivering message to ${host}: ${what}: ${errorText(e)}`), host);
    }
    const result = await transact(lease.client, host, request);
    this.options.pool.release(key, lease.client, result.reusable);
    if (result.kind === 'done') return { remoteHost: host, recipients: result.outcomes };
    return failAll(request, result.error, host);
  }

  async close(): Promise<void> {
    await this.options.pool.close();
  }
}
