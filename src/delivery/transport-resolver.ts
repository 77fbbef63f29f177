// Picks the transport for a message (mox queue.go resolveTransport, without routes): the message's own
// Transport when set (it must be configured, else the attempt fails temporarily, as mox), else the
// bootstrap's `delivery.defaultTransport`, else direct delivery to the MX hosts. Two hooks replace parts
// of this: localserve sends everything to Postwire's own SMTP port (`replaceAll`), and tests point
// direct delivery at servers on loopback (`replaceDirect`).
import { Injectable } from '@nestjs/common';
import { Runtime } from '../runtime/runtime';
import { ConnectionPool } from './connection-pool';
import { DirectTransport } from './direct-transport';
import { systemResolver } from './mx-hosts';
import { SmarthostTransport } from './smarthost-transport';
import type { DeliveryTransport } from './transport';

export type ResolvedTransport = { transport: DeliveryTransport; error?: undefined } | { transport?: undefined; error: string };

@Injectable()
export class TransportResolver {
  private direct: DeliveryTransport;
  private readonly named = new Map<string, DeliveryTransport>();
  private everything: DeliveryTransport | null = null;
  private readonly defaultName: string;
  private readonly pool: ConnectionPool;

  constructor(runtime: Runtime) {
    const bootstrap = runtime.bootstrap;
    // As many idle sessions per host as the worker may use at once: with fewer, every transaction beyond
    // them would close its session and the next one open a new one (connect, greeting, EHLO, TLS).
    const perHost = Math.min(bootstrap.delivery?.concurrency ?? 10, bootstrap.delivery?.perDomainConcurrency ?? 1);
    this.pool = new ConnectionPool(undefined, Math.max(2, perHost));
    const connectTimeoutMs = (bootstrap.delivery?.connectTimeoutSeconds ?? 30) * 1000;
    this.direct = new DirectTransport({ ehloName: bootstrap.hostname, resolver: systemResolver(), pool: this.pool, timeouts: { connectTimeoutMs } });
    for (const [name, config] of Object.entries(bootstrap.transports ?? {})) {
      this.named.set(name, new SmarthostTransport({ name, config, ehloName: bootstrap.hostname, pool: this.pool, timeouts: { connectTimeoutMs } }));
    }
    this.defaultName = bootstrap.delivery?.defaultTransport ?? '';
  }

  /** Replaces direct MX delivery (named transports stay as configured). */
  replaceDirect(transport: DeliveryTransport): void {
    this.direct = transport;
  }

  /** Sends every message through this transport, whatever its route (localserve); null undoes it. */
  replaceAll(transport: DeliveryTransport | null): void {
    this.everything = transport;
  }

  resolve(messageTransport: string): ResolvedTransport {
    if (messageTransport !== '' && !this.named.has(messageTransport)) {
      return { error: `cannot find transport ${JSON.stringify(messageTransport)}` };
    }
    if (this.everything) return { transport: this.everything };
    const name = messageTransport || this.defaultName;
    return { transport: name ? this.named.get(name)! : this.direct };
  }

  async close(): Promise<void> {
    const all = new Set([this.direct, ...this.named.values(), ...(this.everything ? [this.everything] : [])]);
    await Promise.all([...all].map((t) => t.close()));
    await this.pool.close();
  }
}
