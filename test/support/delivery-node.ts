// A test node whose delivery worker sends to SMTP peers on loopback: direct delivery resolves every
// domain to mx.<domain> at 127.0.0.1 and connects to the given port. The worker polls quickly and can
// use a fixed jitter, so schedules are checked exactly; time moves with the node's manual clock.
import type { Caller } from '../../src/api/api-method';
import { AccountAddMethod } from '../../src/config/api/account-methods';
import { KeepRetiredPeriodsSaveMethod } from '../../src/config/api/account-settings-methods';
import { DomainAddMethod } from '../../src/config/api/domain-methods';
import { ConfigView } from '../../src/config/config-view';
import { ConnectionPool } from '../../src/delivery/connection-pool';
import { DeliveryWorker } from '../../src/delivery/delivery-worker';
import { DirectTransport } from '../../src/delivery/direct-transport';
import type { DnsResolver } from '../../src/delivery/mx-hosts';
import { TransportResolver } from '../../src/delivery/transport-resolver';
import type { StoredEvent } from '../../src/event-store/event-store';
import { messageStream } from '../../src/queue/message-events';
import { startTestNode, type TestNode, type TestNodeOptions } from './test-node';

export const loopbackResolver: DnsResolver = {
  resolveMx: async (domain) => [{ exchange: `mx.${domain}`, priority: 10 }],
  resolve4: async () => ['127.0.0.1'],
  resolve6: async () => Promise.reject(Object.assign(new Error('ENODATA'), { code: 'ENODATA' })),
};

export interface DeliveryNode extends TestNode {
  worker: DeliveryWorker;
  startWorker(): Promise<void>;
}

export interface DeliveryNodeOptions extends TestNodeOptions {
  /** Port of the SMTP peer every domain's MX is at. */
  smtpPort: number;
  /** Fixed jitter in seconds; default random as in production. */
  jitterSeconds?: number;
  /** Start the worker at once (default true). */
  startWorker?: boolean;
  resolver?: DnsResolver;
}

export async function startDeliveryNode(options: DeliveryNodeOptions): Promise<DeliveryNode> {
  const node = await startTestNode({ ...options, services: [] });
  const worker = node.get(DeliveryWorker);
  node.get(TransportResolver).replaceDirect(
    new DirectTransport({
      ehloName: node.runtime.bootstrap.hostname,
      resolver: options.resolver ?? loopbackResolver,
      pool: new ConnectionPool(),
      port: options.smtpPort,
      timeouts: { connectTimeoutMs: 2_000, greetingTimeoutMs: 2_000, socketTimeoutMs: 2_000 },
    }),
  );
  worker.settings.pollMs = 10;
  if (options.jitterSeconds !== undefined) worker.settings.jitterSeconds = () => options.jitterSeconds!;
  let started = false;
  const stop = node.stop.bind(node);
  const dn: DeliveryNode = Object.assign(node, {
    worker,
    async startWorker() {
      started = true;
      await worker.start();
    },
    async stop() {
      if (started) await worker.stop();
      await stop();
    },
  });
  if (options.startWorker ?? true) await dn.startWorker();
  return dn;
}

export async function eventually<T>(probe: () => T | Promise<T>, what: string, ms = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function messageEvents(node: TestNode, id: number): Promise<StoredEvent[]> {
  return node.runtime.store.readStream(messageStream(id));
}

export async function messageEventTypes(node: TestNode, id: number): Promise<string[]> {
  return (await messageEvents(node, id)).map((e) => e.type);
}

/** Waits until the message's stream has this many events, and returns them. */
export async function eventsUntil(node: TestNode, id: number, predicate: (types: string[]) => boolean, what: string, ms = 10_000): Promise<StoredEvent[]> {
  return eventually(async () => {
    const events = await messageEvents(node, id);
    return predicate(events.map((e) => e.type)) ? events : null;
  }, what, ms);
}

export const adminCaller = (): Caller => ({ kind: 'admin', request: { remoteIP: '127.0.0.1', userAgent: 'test', headers: {}, correlationId: 'test-admin' } });

export const accountCaller = (account: string, loginAddress: string): Caller => ({
  kind: 'account',
  account,
  loginAddress,
  request: { remoteIP: '127.0.0.1', userAgent: 'test', headers: {}, correlationId: `test-${account}` },
});

/** A domain and an account sending from `address`, through the configuration's own API methods. */
export async function setupSender(node: TestNode, account: string, address: string, keepRetiredMessagePeriod = '0s'): Promise<void> {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (!node.get(ConfigView).domain(domain)) await node.get(DomainAddMethod).handle({ Domain: domain, LocalpartCatchallSeparators: ['+'] }, adminCaller());
  await node.get(AccountAddMethod).handle({ Account: account, Address: address, Password: 'a-password-for-tests' }, adminCaller());
  if (keepRetiredMessagePeriod !== '0s') {
    await node.get(KeepRetiredPeriodsSaveMethod).handle({ KeepRetiredMessagePeriod: keepRetiredMessagePeriod, KeepRetiredWebhookPeriod: '0s' }, accountCaller(account, address));
  }
  await node.settle();
}
