// localserve's way out (reference 7, DESIGN section 3): the queue never contacts real MX hosts; every
// message goes to the node's own incoming SMTP port on loopback, with its real MAIL FROM (fromid included)
// and real recipients. That server answers as the recipient localparts ask (special-localparts.ts), and
// the answer goes through the queue's normal outcome handling: webhooks, retries, DSN mails and
// suppression behave as in production. Plain SMTP on loopback; mox's timeouts (30 s to connect, 60 s for
// the greeting and for each reply).
import { ConnectionPool } from '../delivery/connection-pool';
import { SmarthostTransport } from '../delivery/smarthost-transport';
import type { DeliveryOutcome, DeliveryRequest, DeliveryTransport } from '../delivery/transport';

export interface LocalserveTransportOptions {
  host: string;
  port: number;
  ehloName: string;
  timeouts?: { connectTimeoutMs?: number; greetingTimeoutMs?: number; socketTimeoutMs?: number };
}

export class LocalserveTransport implements DeliveryTransport {
  readonly name = 'localserve';
  private readonly pool = new ConnectionPool();
  private readonly smtp: SmarthostTransport;

  constructor(options: LocalserveTransportOptions) {
    this.smtp = new SmarthostTransport({
      name: 'localserve',
      config: { host: options.host, port: options.port, security: 'none' },
      ehloName: options.ehloName,
      pool: this.pool,
      timeouts: { connectTimeoutMs: 30_000, greetingTimeoutMs: 60_000, socketTimeoutMs: 60_000, ...options.timeouts },
    });
  }

  deliver(request: DeliveryRequest): Promise<DeliveryOutcome> {
    return this.smtp.deliver(request);
  }

  async close(): Promise<void> {
    await this.smtp.close();
  }
}
