// Points the delivery queue at the node's own SMTP port in localserve mode (runtime.mode 'localserve'):
// a node service started after the incoming SMTP service (so its port is known, also when it was 0) and
// before the delivery worker (so not one message goes anywhere else). In other modes it does nothing.
import { Injectable } from '@nestjs/common';
import type { NodeService } from '../capabilities';
import { TransportResolver } from '../delivery/transport-resolver';
import { InboundSmtpService } from '../inbound/inbound-smtp.service';
import { Runtime } from '../runtime/runtime';
import { LocalserveTransport } from './localserve-transport';

@Injectable()
export class LocalserveRouting implements NodeService {
  readonly name = 'localserve-routing';
  /** Whether to route; defaults to the runtime's mode (tests switch it on for a test node). */
  enabled: boolean;
  private transport: LocalserveTransport | null = null;

  constructor(
    private readonly runtime: Runtime,
    private readonly transports: TransportResolver,
    private readonly smtp: InboundSmtpService,
  ) {
    this.enabled = runtime.mode === 'localserve';
  }

  async start(): Promise<void> {
    if (!this.enabled || this.transport) return;
    const endpoint = this.smtp.endpoints[0];
    if (!endpoint) throw new Error('localserve: the incoming SMTP service is not listening, so the queue has nowhere to deliver (start it first)');
    this.transport = new LocalserveTransport({ host: endpoint.ip, port: endpoint.port, ehloName: this.runtime.bootstrap.hostname });
    this.transports.replaceAll(this.transport);
    this.runtime.logger.info({ ip: endpoint.ip, port: endpoint.port }, 'localserve: the queue delivers every message to the local SMTP port');
  }

  async stop(): Promise<void> {
    if (!this.transport) return;
    this.transports.replaceAll(null);
    await this.transport.close();
    this.transport = null;
  }
}
