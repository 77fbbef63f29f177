// The SMTP submission service (RFC 6409): a node service on every configured `submission` port. AUTH
// PLAIN and LOGIN are required before MAIL, and offered only after STARTTLS unless the listener says
// `requireTLS: false` (localserve's loopback port does); without a certificate and with requireTLS, no
// one can log in, which is logged at start.
import { Injectable } from '@nestjs/common';
import { AccountAuthenticator } from '../../auth/account-authenticator';
import { LoginRateLimiter } from '../../auth/login-rate-limiter';
import type { NodeService } from '../../capabilities';
import { ConfigView } from '../../config/config-view';
import { Runtime } from '../../runtime/runtime';
import { defaultSettings, type SmtpServiceSettings } from '../inbound-settings';
import type { BoundEndpoint } from '../inbound-smtp.service';
import { endpointsOf, loadTls } from '../listener-endpoints';
import { SmtpListener } from '../smtp-listener';
import { SubmissionSession } from './submission-session';

@Injectable()
export class SubmissionService implements NodeService {
  readonly name = 'submission';
  readonly settings: SmtpServiceSettings;
  private listeners: { name: string; listener: SmtpListener }[] = [];

  constructor(
    private readonly runtime: Runtime,
    private readonly config: ConfigView,
    private readonly authenticator: AccountAuthenticator,
    private readonly limiter: LoginRateLimiter,
  ) {
    this.settings = defaultSettings(runtime.bootstrap, runtime.mode === 'localserve');
  }

  get endpoints(): BoundEndpoint[] {
    return this.listeners.map((l) => ({ listener: l.name, ip: l.listener.host, port: l.listener.port }));
  }

  async start(): Promise<void> {
    if (this.listeners.length > 0) return;
    const { bootstrap, logger, clock } = this.runtime;
    const endpoints = endpointsOf(bootstrap, 'submission');
    if (endpoints.length === 0) return;
    const tls = loadTls(bootstrap);
    const session = new SubmissionSession(this.runtime, this.config, { authenticator: this.authenticator, limiter: this.limiter, now: () => clock.now() }, this.settings);
    try {
      for (const e of endpoints) {
        if (e.requireTLS && !tls) logger.warn({ listener: e.listener, ip: e.ip, port: e.port }, 'submission requires TLS for AUTH but no tls certificate is configured: nobody can log in');
        const listener = new SmtpListener({
          service: 'submission',
          listener: e.listener,
          host: e.ip,
          port: e.port,
          hostname: bootstrap.hostname,
          tls,
          auth: { allowWithoutTLS: !e.requireTLS },
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
