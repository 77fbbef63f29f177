// localserve's SMTP behaviour (reference 7, DESIGN sections 3 and 6): the incoming port accepts any
// recipient into the `postwire` account, fakes SPF and DKIM for hosted domains on loopback, and fails on
// purpose when a localpart asks: temperror, permerror, timeout or a code, at MAIL (prefix `mailfrom`), RCPT
// (prefix `rcptto`) or DATA; submission fails the whole message. The queue delivers to that port, so Send
// gets the webhooks production would give.
import assert from 'node:assert/strict';
import { CommandBus } from '@nestjs/cqrs';
import { after, before, describe, it } from 'node:test';
import { OutgoingWebhookSaveMethod } from '../../src/config/api/account-settings-methods';
import { ConfigView } from '../../src/config/config-view';
import { seedLocalserveConfig } from '../../src/config/localserve-seed';
import { LOCALSERVE } from '../../src/localserve/localserve-config';
import { SuppressionService } from '../../src/suppression/suppression-service';
import { accountCaller, eventually } from '../support/delivery-node';
import { queueRows, send } from '../sending/send-fixtures';
import { startReceiver, type Receiver } from '../webhooks/support/receiver';
import { startInboundNode, type InboundNode } from './support/inbound-node';
import { mailboxMessages } from './support/mailbox-rows';
import { plainMessage } from './support/messages';
import { RawSmtpClient, type Reply } from './support/raw-smtp-client';

const TIMEOUT_MS = 300;

async function seeded(node: InboundNode): Promise<void> {
  await seedLocalserveConfig(node.get(CommandBus), node.get(ConfigView));
  await node.settle();
}

/** [localpart ending, reply code, enhanced code at MAIL/RCPT, enhanced code after DATA] */
const FORMS: [string, number, string, string][] = [
  ['temperror', 451, '4.0.0', '4.0.0'],
  ['permerror', 550, '5.0.0', '5.0.0'],
  ['timeout', 451, '4.3.0', '4.0.0'],
  ['552', 552, '5.0.0', '5.0.0'],
  ['421', 421, '4.0.0', '4.0.0'],
];

function expectReply(reply: Reply, code: number, enhanced: string, what: string): void {
  assert.equal(reply.code, code, `${what}: ${reply.code} ${reply.text}`);
  assert.equal(reply.text.slice(0, enhanced.length), enhanced, `${what}: ${reply.text}`);
}

describe('localserve incoming SMTP', () => {
  let node: InboundNode;
  before(async () => {
    node = await startInboundNode({ localserve: true, requireTLS: false, settings: { simulatedTimeoutMs: TIMEOUT_MS } });
    await seeded(node);
  });
  after(async () => node.stop());

  it('accepts any recipient into the postwire account and fakes SPF and DKIM for hosted domains on loopback', async () => {
    const client = await RawSmtpClient.connect(node.smtpPort);
    await client.ehlo();
    const t = await client.transaction('postwire@localhost', ['anyone@example.org'], plainMessage({ from: 'postwire@localhost', to: 'anyone@example.org' }));
    assert.equal(t.data?.code, 250, t.data?.text);
    await client.quit();
    const [stored] = mailboxMessages(node, LOCALSERVE.account).filter((m) => m.Meta.RcptTo === 'anyone@example.org');
    assert.ok(stored, 'stored in the postwire account');
    assert.equal(stored.Meta.MailFromValidated, true);
    assert.equal(stored.Meta.MsgFromValidated, true);
    assert.deepEqual(stored.Meta.DKIMVerifiedDomains, ['localhost']);
  });

  for (const [ending, code, atCommand, atData] of FORMS) {
    it(`fails "${ending}" with ${code} at MAIL (mailfrom prefix), RCPT (rcptto prefix) and DATA`, async () => {
      const client = await RawSmtpClient.connect(node.smtpPort);
      await client.ehlo();
      const started = Date.now();
      const mail = await client.command(`MAIL FROM:<mailfrom-x-${ending}@example.org>`);
      expectReply(mail, code, atCommand, 'MAIL');
      if (ending === 'timeout') assert.ok(Date.now() - started >= TIMEOUT_MS - 20, 'the reply waits');
      if (code === 421) return client.quit();

      // Without the prefix the same ending does not fail MAIL.
      assert.equal((await client.command(`MAIL FROM:<x-${ending}@example.org>`)).code, 250);
      const rcpt = await client.command(`RCPT TO:<rcptto-y-${ending}@localhost>`);
      expectReply(rcpt, code, atCommand, 'RCPT');
      assert.equal((await client.command(`RCPT TO:<y-${ending}@localhost>`)).code, 250, 'without the prefix RCPT is accepted');
      const data = await client.data(plainMessage({ from: `x-${ending}@example.org`, to: `y-${ending}@localhost` }));
      expectReply(data, code, atData, 'DATA');
      await client.quit();
    });
  }

  it('delivers to the other recipients when only some fail after DATA, and combines different failures', async () => {
    const client = await RawSmtpClient.connect(node.smtpPort);
    await client.ehlo();
    const some = await client.transaction('app@example.org', ['fine@localhost', 'broken451@localhost'], plainMessage({ from: 'app@example.org', to: 'fine@localhost', subject: 'partly' }));
    assert.equal(some.data?.code, 250, some.data?.text);
    const rcpts = mailboxMessages(node, LOCALSERVE.account).map((m) => m.Meta.RcptTo);
    assert.ok(rcpts.includes('fine@localhost') && !rcpts.includes('broken451@localhost'), rcpts.join(','));

    const same = await client.transaction('app@example.org', ['a451@localhost', 'btemperror@localhost'], plainMessage({ from: 'app@example.org', to: 'a451@localhost' }));
    expectReply(same.data!, 451, '4.0.0', 'all 451');
    const mixed = await client.transaction('app@example.org', ['a451@localhost', 'b550@localhost'], plainMessage({ from: 'app@example.org', to: 'a451@localhost' }));
    expectReply(mixed.data!, 554, '5.0.0', 'a permanent and a temporary failure');
    assert.match(mixed.data!.text, /a451@localhost: 451 4\.0\.0, b550@localhost: 550 5\.0\.0/);
    await client.quit();
  });
});

describe('localserve submission', () => {
  let node: InboundNode;
  before(async () => {
    node = await startInboundNode({ localserve: true, requireTLS: false, settings: { simulatedTimeoutMs: TIMEOUT_MS } });
    await seeded(node);
  });
  after(async () => node.stop());

  const login = async () => {
    const client = await RawSmtpClient.connect(node.submissionPort);
    await client.ehlo();
    assert.equal((await client.authPlain(LOCALSERVE.address, LOCALSERVE.password)).code, 235, 'AUTH without TLS on loopback');
    return client;
  };

  for (const [ending, code, atCommand] of FORMS) {
    it(`fails "${ending}" at MAIL and RCPT with their prefixes, and the whole submission otherwise`, async () => {
      const client = await login();
      if (ending !== 'timeout') {
        expectReply(await client.command(`MAIL FROM:<mailfrom${ending}@localhost>`), code, atCommand, 'MAIL');
        if (code === 421) return client.quit();
      }
      assert.equal((await client.command(`MAIL FROM:<${LOCALSERVE.address}>`)).code, 250);
      if (ending !== 'timeout') expectReply(await client.command(`RCPT TO:<rcptto${ending}@example.org>`), code, atCommand, 'RCPT');
      const before = queueRows(node).length;
      assert.equal((await client.command(`RCPT TO:<someone${ending}@example.org>`)).code, 250);
      const data = await client.data(plainMessage({ from: LOCALSERVE.address, to: `someone${ending}@example.org` }));
      expectReply(data, code, ending === 'timeout' ? '4.3.0' : atCommand, 'DATA');
      assert.match(data.text, /special localpart/);
      assert.equal(queueRows(node).length, before, 'nothing queued');
      await client.quit();
    });
  }
});

describe('localserve queue delivers to its own SMTP port', () => {
  let node: InboundNode;
  let receiver: Receiver;
  before(async () => {
    receiver = await startReceiver();
    node = await startInboundNode({ localserve: true, requireTLS: false, delivery: true });
    await seeded(node);
    await node.get(OutgoingWebhookSaveMethod).handle({ URL: `${receiver.url}/out`, Authorization: '', Events: [] }, accountCaller(LOCALSERVE.account, LOCALSERVE.address));
    await node.settle();
    await node.startWebhooks();
  });
  after(async () => {
    await node.stop();
    await receiver.close();
  });

  const outcome = async (to: string, event: string) => {
    const result = await send(node, accountCaller(LOCALSERVE.account, LOCALSERVE.address), { To: [{ Address: to }], Subject: to, Text: 'x' });
    const id = result.Submissions[0].QueueMsgID;
    const call = await eventually(() => receiver.calls.map((c) => JSON.parse(c.body)).find((p) => p.QueueMsgID === id && p.Event === event), `${event} for ${to}`);
    return call as Record<string, any>;
  };

  it('delivers an ordinary recipient into the postwire Inbox: delivered with the reply code', async () => {
    const delivered = await outcome('user@example.org', 'delivered');
    assert.equal(delivered.SMTPCode, 250);
    assert.ok(mailboxMessages(node, LOCALSERVE.account).some((m) => m.Meta.RcptTo === 'user@example.org'));
  });

  it('turns permerror into failed 550 5.0.0 with immediate suppression', async () => {
    const failed = await outcome('userpermerror@example.org', 'failed');
    assert.deepEqual([failed.SMTPCode, failed.SMTPEnhancedCode, failed.Suppressing], [550, '5.0.0', true]);
    await eventually(() => node.get(SuppressionService).present(LOCALSERVE.account, 'userpermerror@example.org'), 'the suppression');
  });

  it('turns a 451 localpart into delayed, and 554 into failed without suppression', async () => {
    const delayed = await outcome('user451@example.org', 'delayed');
    assert.deepEqual([delayed.SMTPCode, delayed.SMTPEnhancedCode], [451, '4.0.0']);
    const failed = await outcome('user554@example.org', 'failed');
    assert.deepEqual([failed.SMTPCode, failed.SMTPEnhancedCode, failed.Suppressing], [554, '5.0.0', false]);
  });
});
