// A test node with the SMTP services listening on 127.0.0.1 (ports picked by the system), a DNS table
// instead of real DNS, short timeouts, and optionally localserve behaviour, STARTTLS with a test
// certificate, and the delivery worker sending to an SMTP peer or to the node itself (localserve).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectionPool } from '../../../src/delivery/connection-pool';
import { DeliveryWorker } from '../../../src/delivery/delivery-worker';
import { DirectTransport } from '../../../src/delivery/direct-transport';
import { TransportResolver } from '../../../src/delivery/transport-resolver';
import { InboundSmtpService } from '../../../src/inbound/inbound-smtp.service';
import type { SmtpServiceSettings } from '../../../src/inbound/inbound-settings';
import type { ListenerLimits } from '../../../src/inbound/smtp-listener';
import { SubmissionService } from '../../../src/inbound/submission/submission.service';
import { LocalserveRouting } from '../../../src/localserve/localserve-routing';
import { WebhookWorker } from '../../../src/webhooks/webhook-worker';
import { loopbackResolver } from '../../support/delivery-node';
import { selfSignedCertificate, type TestCertificate } from '../../support/test-certificate';
import { startTestNode, type TestNode, type TestNodeOptions } from '../../support/test-node';
import { mailauthDns } from './mailauth-dns';

export interface InboundNode extends TestNode {
  smtp: InboundSmtpService;
  submission: SubmissionService;
  smtpPort: number;
  submissionPort: number;
  certificate: TestCertificate | null;
  /** Starts the webhook worker (quick polling, no jitter). */
  startWebhooks(): Promise<WebhookWorker>;
}

export interface InboundNodeOptions extends TestNodeOptions {
  localserve?: boolean;
  /** STARTTLS with a certificate for this host name. */
  tls?: boolean;
  /** Submission's requireTLS (default true, as the bootstrap). */
  requireTLS?: boolean;
  limits?: Partial<ListenerLimits>;
  settings?: Partial<Omit<SmtpServiceSettings, 'limits'>>;
  /** Start the delivery worker (with localserve: routed to the node's own SMTP port). */
  delivery?: boolean;
  /** Direct delivery goes to an SMTP peer on 127.0.0.1 at this port, for every domain. */
  peerPort?: number;
}

export const TEST_HOSTNAME = 'mail.test.example';

export async function startInboundNode(options: InboundNodeOptions = {}): Promise<InboundNode> {
  const certDir = options.tls ? mkdtempSync(join(tmpdir(), 'postwire-inbound-tls-')) : null;
  const certificate = options.tls ? selfSignedCertificate([TEST_HOSTNAME]) : null;
  if (certDir && certificate) {
    writeFileSync(join(certDir, 'cert.pem'), certificate.cert);
    writeFileSync(join(certDir, 'key.pem'), certificate.key);
  }
  const node = await startTestNode({
    ...options,
    services: [],
    bootstrap: {
      hostname: TEST_HOSTNAME,
      listeners: { test: { ips: ['127.0.0.1'], smtp: { port: 0 }, submission: { port: 0, requireTLS: options.requireTLS ?? true } } },
      ...(certDir ? { tls: { certFile: join(certDir, 'cert.pem'), keyFile: join(certDir, 'key.pem') } } : {}),
      ...options.bootstrap,
    },
  });
  const smtp = node.get(InboundSmtpService);
  const submission = node.get(SubmissionService);
  for (const service of [smtp, submission]) {
    Object.assign(service.settings, { resolver: mailauthDns(), authenticationTimeoutMs: 5_000, simulatedTimeoutMs: 300, localserve: options.localserve ?? false, ...options.settings });
    Object.assign(service.settings.limits, { idleTimeoutMs: 10_000, closeTimeoutMs: 500, ...options.limits });
  }
  const started: { stop(): Promise<void> }[] = [];
  await smtp.start();
  started.push(smtp);
  await submission.start();
  started.push(submission);
  if (options.peerPort !== undefined) {
    node.get(TransportResolver).replaceDirect(
      new DirectTransport({
        ehloName: TEST_HOSTNAME,
        resolver: loopbackResolver,
        pool: new ConnectionPool(),
        port: options.peerPort,
        timeouts: { connectTimeoutMs: 2_000, greetingTimeoutMs: 2_000, socketTimeoutMs: 5_000 },
      }),
    );
  }
  if (options.delivery) {
    const routing = node.get(LocalserveRouting);
    routing.enabled = options.localserve ?? false;
    await routing.start();
    started.push(routing);
    const worker = node.get(DeliveryWorker);
    worker.settings.pollMs = 10;
    worker.settings.jitterSeconds = () => 0;
    await worker.start();
    started.push(worker);
  }
  const stop = node.stop.bind(node);
  return Object.assign(node, {
    smtp,
    submission,
    smtpPort: smtp.endpoints[0].port,
    submissionPort: submission.endpoints[0].port,
    certificate,
    async startWebhooks() {
      const worker = node.get(WebhookWorker);
      worker.settings.pollMs = 5;
      worker.settings.jitter = () => 0;
      worker.client.settings.timeoutMs = 5_000;
      await worker.start();
      started.push(worker);
      return worker;
    },
    async stop() {
      for (const s of started.reverse()) await s.stop();
      await stop();
      if (certDir) rmSync(certDir, { recursive: true, force: true });
    },
  });
}
