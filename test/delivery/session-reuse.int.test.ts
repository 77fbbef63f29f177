// Sessions to a next hop are reused (RFC 5321 §3.3: several transactions per session) even when the
// worker runs several transactions to it at once: the pool keeps as many idle sessions per host as the
// worker may use there, so a burst of messages opens no more connections than the concurrency allows.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually, setupSender, startDeliveryNode, type DeliveryNode } from '../support/delivery-node';
import { queueMessage } from '../support/queued-message';
import { sleep, SmtpPeer } from '../support/smtp-peer';

const SENDER = 'shop@sender.example';

describe('session reuse under concurrency', () => {
  let relay: SmtpPeer;
  let direct: SmtpPeer;
  let node: DeliveryNode;

  before(async () => {
    // A short pause before accepting DATA, so transactions overlap.
    relay = await new SmtpPeer({ data: async () => void (await sleep(15)), options: { hideSTARTTLS: true } }).start();
    direct = await new SmtpPeer().start();
    node = await startDeliveryNode({
      smtpPort: direct.port,
      now: new Date(),
      jitterSeconds: 0,
      bootstrap: {
        delivery: { concurrency: 4, perDomainConcurrency: 4 },
        transports: { relay: { host: '127.0.0.1', port: relay.port, security: 'none' } },
      },
    });
    await setupSender(node, 'shop', SENDER);
  });
  after(async () => {
    await node.stop();
    await relay.stop();
    await direct.stop();
  });

  it('24 messages, 4 at a time, through one transport: at most 4 connections, every session carries several', async () => {
    for (let i = 0; i < 24; i++) {
      await queueMessage(node, { account: 'shop', from: SENDER, to: [`r${i}@dest.example`], transport: 'relay' });
    }
    await eventually(() => relay.received.length === 24, 'all 24 delivered', 20_000);
    assert.ok(relay.connections <= 4, `${relay.connections} connections for 4 concurrent transactions`);
    const perSession = [...relay.transactions.values()];
    assert.equal(perSession.reduce((a, b) => a + b, 0), 24);
    assert.ok(perSession.every((n) => n >= 2), `transactions per session: ${perSession.join(', ')}`);
    assert.equal(direct.connections, 0);
  });
});
