// The incoming service's policy and limits: recipients checked against the configured domains and
// accounts (catch-all separators included) with clear replies, the size limit (RFC 1870), connection,
// recipient, idle and unknown-command limits, STARTTLS only with a certificate.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { disableDomain, setupAccount } from '../sending/send-fixtures';
import { startInboundNode, TEST_HOSTNAME, type InboundNode } from './support/inbound-node';
import { mailboxMessages } from './support/mailbox-rows';
import { plainMessage } from './support/messages';
import { RawSmtpClient } from './support/raw-smtp-client';

describe('incoming SMTP recipient policy', () => {
  let node: InboundNode;
  before(async () => {
    node = await startInboundNode({ limits: { maxMessageSize: 64 * 1024 } });
    await setupAccount(node, { domain: 'mox.example', account: 'mjl', address: 'mjl@mox.example' });
    await setupAccount(node, { domain: 'off.example', account: 'off', address: 'off@off.example' });
    await disableDomain(node, 'off.example');
    await node.settle();
  });
  after(async () => node.stop());

  const cases: [string, string, number, string][] = [
    ['an account address', 'mjl@mox.example', 250, ''],
    ['a catch-all separator variant', 'MJL+newsletter@mox.example', 250, ''],
    ['an unknown user', 'nobody@mox.example', 550, '5.1.1'],
    ['a domain that is not ours', 'someone@elsewhere.example', 550, '5.1.2'],
    ['a disabled domain', 'off@off.example', 450, '4.2.1'],
    ['an address literal', 'mjl@[127.0.0.1]', 550, '5.1.2'],
  ];
  for (const [name, rcpt, code, enhanced] of cases) {
    it(`answers RCPT for ${name} with ${code}`, async () => {
      const client = await RawSmtpClient.connect(node.smtpPort);
      await client.ehlo();
      assert.equal((await client.command('MAIL FROM:<a@remote.example>')).code, 250);
      const reply = await client.command(`RCPT TO:<${rcpt}>`);
      assert.equal(reply.code, code, reply.text);
      if (enhanced) assert.equal(reply.text.slice(0, 5), enhanced, reply.text);
      await client.quit();
    });
  }

  it('stores mail to a catch-all variant in the account with the address as sent', async () => {
    const client = await RawSmtpClient.connect(node.smtpPort);
    await client.ehlo();
    const t = await client.transaction('a@remote.example', ['mjl+tag@mox.example'], plainMessage({ from: 'a@remote.example', to: 'mjl+tag@mox.example' }));
    assert.equal(t.data?.code, 250, t.data?.text);
    await client.quit();
    assert.ok(mailboxMessages(node, 'mjl').some((m) => m.Meta.RcptTo === 'mjl+tag@mox.example'));
  });

  it('allows one recipient with a null sender (a notification goes to one address)', async () => {
    const client = await RawSmtpClient.connect(node.smtpPort);
    await client.ehlo();
    await client.command('MAIL FROM:<>');
    assert.equal((await client.command('RCPT TO:<mjl@mox.example>')).code, 250);
    const second = await client.command('RCPT TO:<mjl+2@mox.example>');
    assert.deepEqual([second.code, second.text.slice(0, 5)], [452, '4.5.3']);
    await client.quit();
  });

  it('refuses a message over the size limit with 552 5.3.4, declared or not', async () => {
    const client = await RawSmtpClient.connect(node.smtpPort);
    const ehlo = await client.ehlo();
    assert.ok(ehlo.lines.some((l) => l.includes(`SIZE ${64 * 1024}`)), ehlo.text);
    assert.equal((await client.command(`MAIL FROM:<a@remote.example> SIZE=${1024 * 1024}`)).code, 552);
    const t = await client.transaction('a@remote.example', ['mjl@mox.example'], plainMessage({ from: 'a@remote.example', to: 'mjl@mox.example', body: 'x'.repeat(70 * 1024) }));
    assert.equal(t.data?.code, 552);
    assert.match(t.data!.text, /^5\.3\.4 message too large/);
    // The session goes on.
    assert.equal((await client.command('NOOP')).code, 250);
    await client.quit();
  });

  it('does not offer STARTTLS without a certificate', async () => {
    const client = await RawSmtpClient.connect(node.smtpPort);
    const ehlo = await client.ehlo();
    assert.ok(!ehlo.lines.some((l) => /STARTTLS/.test(l)), ehlo.text);
    assert.ok(!ehlo.lines.some((l) => /AUTH/.test(l)), 'no AUTH on the incoming port');
    await client.quit();
  });
});

describe('incoming SMTP connection limits', () => {
  let node: InboundNode;
  before(async () => {
    node = await startInboundNode({ tls: true, limits: { maxConnections: 2, maxRecipients: 3, idleTimeoutMs: 400 } });
    await setupAccount(node, { domain: 'mox.example', account: 'mjl', address: 'mjl@mox.example' });
  });
  after(async () => node.stop());

  it('answers 421 to a connection beyond the limit', async () => {
    const a = await RawSmtpClient.connect(node.smtpPort);
    const b = await RawSmtpClient.connect(node.smtpPort);
    const c = await RawSmtpClient.connect(node.smtpPort);
    assert.equal(a.greeting.code, 220);
    assert.equal(b.greeting.code, 220);
    assert.equal(c.greeting.code, 421);
    await c.closed;
    await a.quit();
    await b.quit();
  });

  it('answers 452 to recipients beyond the limit', async () => {
    const client = await RawSmtpClient.connect(node.smtpPort);
    await client.ehlo();
    await client.command('MAIL FROM:<a@remote.example>');
    for (let i = 1; i <= 3; i++) assert.equal((await client.command(`RCPT TO:<mjl+${i}@mox.example>`)).code, 250);
    assert.equal((await client.command('RCPT TO:<mjl+4@mox.example>')).code, 452);
    await client.quit();
  });

  it('closes an idle connection with 421', async () => {
    const client = await RawSmtpClient.connect(node.smtpPort);
    await client.ehlo();
    const started = Date.now();
    const reply = await client.read(5_000);
    assert.equal(reply.code, 421);
    assert.ok(Date.now() - started >= 350, 'after the idle time');
    await client.closed;
  });

  it('closes the connection after ten unknown commands', async () => {
    const client = await RawSmtpClient.connect(node.smtpPort);
    await client.ehlo();
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) codes.push((await client.command(`BOGUS${i}`)).code);
    assert.deepEqual(codes, [...Array(9).fill(500), 421]);
    await client.closed;
  });

  it('offers STARTTLS with a certificate and receives over TLS', async () => {
    const client = await RawSmtpClient.connect(node.smtpPort);
    const ehlo = await client.ehlo();
    assert.ok(ehlo.lines.some((l) => /STARTTLS/.test(l)), ehlo.text);
    assert.equal((await client.starttls(node.certificate!.cert, TEST_HOSTNAME)).code, 220);
    await client.ehlo();
    const t = await client.transaction('a@remote.example', ['mjl@mox.example'], plainMessage({ from: 'a@remote.example', to: 'mjl@mox.example', subject: 'over tls' }));
    assert.equal(t.data?.code, 250, t.data?.text);
    await client.quit();
    const stored = mailboxMessages(node, 'mjl').at(-1)!;
    const raw = (await node.runtime.content.get(stored.ContentSha256)).toString();
    assert.match(raw, /with\s+ESMTPS\s+id/);
  });
});
