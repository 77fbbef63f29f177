// Direct delivery to the recipient domain's mail hosts (mox queue/direct.go, without MTA-STS and DANE).
// Hosts are tried in MX order until one answers for every recipient or refuses permanently; a host's
// addresses are tried until one connects. TLS policy by the message's RequireTLS (RFC 8689):
// - null (default) and false (`TLS-Required: No`): STARTTLS when offered, certificate not verified, and a
//   failed TLS handshake is retried in plaintext on the same host (RFC 7435 opportunistic security);
// - true: STARTTLS required with a certificate valid for the MX host name, and the REQUIRETLS extension;
//   when no host offers REQUIRETLS the failure is permanent, 554 5.7.30 (RFC 8689 §5).
import type { ConnectionOptions } from 'node:tls';
import { plainError, type AttemptError } from './attempt-error';
import type { ConnectionPool } from './connection-pool';
import { gatherHosts, hostAddresses, type DnsResolver } from './mx-hosts';
import { errorText, isTlsFailure, type SmtpClientError, type SmtpClientOptions, type StartTlsMode } from './smtp-client';
import { SECODE_REQUIRETLS, transact } from './smtp-transaction';
import { DEFAULT_TIMEOUTS, type SmtpTimeouts } from './smtp-timeouts';
import { failAll, type DeliveryOutcome, type DeliveryRequest, type DeliveryTransport } from './transport';

export interface DirectTransportOptions {
  /** Our host name, for EHLO. */
  ehloName: string;
  resolver: DnsResolver;
  pool: ConnectionPool;
  /** SMTP port of every host; 25 except in tests. */
  port?: number;
  /** Extra TLS options (e.g. `ca` for a private certificate authority). */
  tls?: ConnectionOptions;
  timeouts?: Partial<SmtpTimeouts>;
}

type HostTry = { kind: 'done'; outcome: DeliveryOutcome } | { kind: 'failed'; error: AttemptError };
/** A try on one address: a failure also says whether TLS was the problem and whether a session was made. */
type AddressTry = { kind: 'done'; outcome: DeliveryOutcome } | { kind: 'failed'; error: AttemptError; tlsFailed: boolean; connected: boolean };

export class DirectTransport implements DeliveryTransport {
  readonly name = 'direct';
  private readonly timeouts: SmtpTimeouts;

  constructor(private readonly options: DirectTransportOptions) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  }

  async deliver(request: DeliveryRequest): Promise<DeliveryOutcome> {
    const hosts = await gatherHosts(this.options.resolver, request.recipientDomain);
    if (!Array.isArray(hosts)) return failAll(request, hosts);
    let last: AttemptError = plainError(`no mail host for ${request.recipientDomain}`);
    let lastHost = '';
    let missingRequireTLS = 0;
    for (const host of hosts) {
      const result = await this.tryHost(host, request);
      if (result.kind === 'done') return result.outcome;
      last = result.error;
      lastHost = host;
      if (last.secode === SECODE_REQUIRETLS) missingRequireTLS++;
      if (last.permanent || request.signal.aborted) break;
    }
    if (hosts.length > 0 && missingRequireTLS === hosts.length) {
      // mox: it is unlikely the domain starts offering REQUIRETLS within the retry period; tell the sender now.
      last = plainError('destination servers do not support requiretls, permanent', true, 554, SECODE_REQUIRETLS);
    }
    return failAll(request, last, lastHost);
  }

  async close(): Promise<void> {
    await this.options.pool.close();
  }

  private async tryHost(host: string, request: DeliveryRequest): Promise<HostTry> {
    const addresses = await hostAddresses(this.options.resolver, host);
    if (!Array.isArray(addresses)) return { kind: 'failed', error: addresses };
    let last: AttemptError = plainError(`no address for ${host}`);
    for (const address of addresses) {
      const verified = request.requireTLS === true;
      let result = await this.tryAddress(host, address, verified ? 'required' : 'opportunistic', request);
      if (result.kind === 'failed' && result.tlsFailed && !verified) {
        // RFC 7435 §4: opportunistic TLS falls back to plaintext rather than not delivering.
        result = await this.tryAddress(host, address, 'skip', request);
      }
      if (result.kind === 'done') return result;
      last = result.error;
      // A host that answered (with a code) has spoken for all its addresses.
      if (result.connected || request.signal.aborted) break;
    }
    return { kind: 'failed', error: last };
  }

  private async tryAddress(
    host: string,
    address: string,
    startTls: StartTlsMode,
    request: DeliveryRequest,
  ): Promise<AddressTry> {
    const port = this.options.port ?? 25;
    const verify = startTls === 'required';
    const options: SmtpClientOptions = {
      host: address,
      port,
      servername: host.startsWith('[') ? undefined : host,
      ehloName: this.options.ehloName,
      implicitTLS: false,
      startTls,
      tls: { rejectUnauthorized: verify, minVersion: 'TLSv1.2', ...this.options.tls },
      ...this.timeouts,
    };
    const key = `direct|${host}|${address}|${port}|${startTls}`;
    let lease;
    try {
      lease = await this.options.pool.acquire(key, options, request.signal);
    } catch (err) {
      const e = err as SmtpClientError;
      const text = `delivering message to ${host}: connecting to ${address} port ${port}: ${errorText(e)}`;
      return { kind: 'failed', error: plainError(text), tlsFailed: isTlsFailure(e), connected: false };
    }
    const result = await transact(lease.client, host, request);
    this.options.pool.release(key, lease.client, result.reusable);
    if (result.kind === 'done') return { kind: 'done', outcome: { remoteHost: host, recipients: result.outcomes } };
    return { kind: 'failed', error: result.error, tlsFailed: false, connected: true };
  }
}
