// The incoming SMTP service: a node service listening on every configured `smtp` port (bootstrap
// listeners), receiving mail for the configured domains and accounts, and, in localserve, the port the
// queue delivers to. STARTTLS when the bootstrap has a certificate; no AUTH here (that is submission).
import { Injectable } from '@nestjs/common';
import type { NodeService } from '../capabilities';
import { ConfigView } from '../config/config-view';
import { QueueQueries } from '../delivery/queue-queries';
import { MailboxService } from '../mailbox/mailbox-service';
import { Runtime } from '../runtime/runtime';
import { SuppressionService } from '../suppression/suppression-service';
import { InboundSession } from './inbound-session';
import { defaultSettings, type SmtpServiceSettings } from './inbound-settings';
import { endpointsOf, loadTls } from './listener-endpoints';
import { SmtpListener } from './smtp-listener';

export interface BoundEndpoint {
  listener: string;
  ip: string;
  port: number;
}

@Injectable()
export class InboundSmtpService implements NodeService {
  readonly name = 'smtp';
  readonly settings: SmtpServiceSettings;
  private listeners: { name: string; listener: SmtpListener }[] = [];

  constructor(
    private readonly runtime: Runtime,
    private readonly config: ConfigView,
    private readonly mailboxes: MailboxService,
    private readonly suppressions: SuppressionService,
  ) {
    this.settings = defaultSettings(runtime.bootstrap, runtime.mode === 'localserve');
  }

  /** Where it listens, with the ports actually bound (a configured port 0 picks a free one). */
  get endpoints(): BoundEndpoint[] {
    return this.listeners.map((l) => ({ listener: l.name, ip: l.listener.host, port: l.listener.port }));
  }

  async start(): Promise<void> {
    if (this.listeners.length > 0) return;
    const { bootstrap, logger } = this.runtime;
    const endpoints = endpointsOf(bootstrap, 'smtp');
    if (endpoints.length === 0) return;
    const tls = loadTls(bootstrap);
    const session = new InboundSession(
      { runtime: this.runtime, config: this.config, mailboxes: this.mailboxes, suppressions: this.suppressions, queue: new QueueQueries(this.runtime.readDb) },
      this.settings,
      bootstrap.hostname,
    );
    try {
      for (const e of endpoints) {
        const listener = new SmtpListener({
          service: 'smtp',
          listener: e.listener,
          host: e.ip,
          port: e.port,
          hostname: bootstrap.hostname,
          tls,
          auth: null,
          limits: this.settings.limits,
          logger,
          hooks: session,
        });
        await listener.start();
        this.listeners.push({ name: e.listener, listener });
      }
    } catch (err) {
      await this.stop();
      throw err;
    }
  }

  async stop(): Promise<void> {
    const listeners = this.listeners;
    this.listeners = [];
    await Promise.all(listeners.map((l) => l.listener.stop()));
  }
}
