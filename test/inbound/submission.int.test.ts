// SMTP submission (RFC 6409): AUTH only after STARTTLS, credentials through the AccountAuthenticator with
// the shared failed-login limiter, MAIL FROM and From limited to the account's addresses, the same
// queueing as Send (DKIM signing, Received header, fromid), X-Mox-Extra headers as Extra (reference
// 10.42) and the chosen-fromid rules (10.43).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTransport } from 'nodemailer';
import { LoginRateLimiter } from '../../src/auth/login-rate-limiter';
import { addAddress, PASSWORD, queuedEvents, queueRows, saveLimits, setupAccount } from '../sending/send-fixtures';
import { startInboundNode, TEST_HOSTNAME, type InboundNode } from './support/inbound-node';
import { plainMessage } from './support/messages';
import { RawSmtpClient } from './support/raw-smtp-client';

const LOGIN = 'mjl@mox.example';
const FROMID_LOGIN = 'mjl+fromid@mox.example';

async function loggedIn(node: InboundNode, login = LOGIN): Promise<RawSmtpClient> {
  const client = await RawSmtpClient.connect(node.submissionPort);
  await client.ehlo();
  await client.starttls(node.certificate!.cert, TEST_HOSTNAME);
  await client.ehlo();
  const auth = await client.authPlain(login, PASSWORD);
  assert.equal(auth.code, 235, auth.text);
  return client;
}

describe('SMTP submission', () => {
  let node: InboundNode;

  before(async () => {
    node = await startInboundNode({ tls: true });
    await setupAccount(node, { domain: 'mox.example', account: 'mjl', address: LOGIN, dkim: 'ed25519', fromIDLogins: [FROMID_LOGIN] });
    await setupAccount(node, { domain: 'other.example', account: 'other', address: 'other@other.example' });
    await node.settle();
  });
  after(async () => node.stop());

  it('refuses AUTH before STARTTLS and mail before AUTH', async () => {
    const client = await RawSmtpClient.connect(node.submissionPort);
    const ehlo = await client.ehlo();
    assert.ok(ehlo.lines.some((l) => /STARTTLS/.test(l)), ehlo.text);
    assert.equal((await client.authPlain(LOGIN, PASSWORD)).code, 538);
    assert.equal((await client.command(`MAIL FROM:<${LOGIN}>`)).code, 530);
    await client.quit();
  });

  it('answers 535 5.7.8 to a wrong password and 235 to the right one after STARTTLS', async () => {
    const client = await RawSmtpClient.connect(node.submissionPort);
    await client.ehlo();
    await client.starttls(node.certificate!.cert, TEST_HOSTNAME);
    await client.ehlo();
    const bad = await client.authPlain(LOGIN, 'wrong');
    assert.equal(bad.code, 535);
    assert.match(bad.text, /^5\.7\.8 /);
    assert.equal((await client.authPlain(LOGIN, PASSWORD)).code, 235);
    await client.quit();
  });

  it('queues a message sent with nodemailer over STARTTLS, signed and with a Received header, like Send', async () => {
    const transport = createTransport({
      host: '127.0.0.1',
      port: node.submissionPort,
      secure: false,
      requireTLS: true,
      tls: { ca: [node.certificate!.cert], servername: TEST_HOSTNAME },
      auth: { user: LOGIN, pass: PASSWORD },
    });
    const info = await transport.sendMail({ from: LOGIN, to: 'friend@remote.example', subject: 'via submission', text: 'hi', messageId: '<sub-1@mox.example>' });
    transport.close();
    assert.match(info.response, /^250 2\.0\.0 /);
    const row = queueRows(node).find((r) => r.RecipientAddress === 'friend@remote.example')!;
    assert.ok(row, 'queued');
    assert.equal(row.FromID, '', 'a login that is not a fromid login');
    assert.equal(row.SenderAddress, LOGIN);
    assert.match(row.MsgPrefix, /^Received: from mail\.test\.example by mail\.test\.example via tcp\s+with ESMTPSA id\s+\S+\s+for <friend@remote\.example>;/);
    assert.match(row.MsgPrefix, /DKIM-Signature: v=1; a=ed25519-sha256;[\s\S]*d=mox\.example/);
    const queued = (await queuedEvents(node)).find((q) => q.MessageID === '<sub-1@mox.example>')!;
    assert.equal(queued.Source, 'submission');
    assert.equal(queued.Subject, 'via submission');
  });

  it('accepts AUTH LOGIN (RFC 4954 challenges) as well as PLAIN, and queues what nodemailer sends with it', async () => {
    const client = await RawSmtpClient.connect(node.submissionPort);
    await client.ehlo();
    await client.starttls(node.certificate!.cert, TEST_HOSTNAME);
    const ehlo = await client.ehlo();
    assert.match(ehlo.text, /^AUTH\b.*\bLOGIN\b/m);
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const askUser = await client.command('AUTH LOGIN');
    assert.equal(askUser.code, 334);
    assert.equal(Buffer.from(askUser.text.trim(), 'base64').toString(), 'Username:');
    const askPass = await client.command(b64(LOGIN));
    assert.equal(askPass.code, 334);
    assert.equal(Buffer.from(askPass.text.trim(), 'base64').toString(), 'Password:');
    const wrong = await client.command(b64('not the password'));
    assert.equal(wrong.code, 535);
    assert.equal((await client.command('AUTH LOGIN')).code, 334);
    assert.equal((await client.command(b64(LOGIN))).code, 334);
    assert.equal((await client.command(b64(PASSWORD))).code, 235);
    await client.quit();

    const transport = createTransport({
      host: '127.0.0.1',
      port: node.submissionPort,
      secure: false,
      requireTLS: true,
      tls: { ca: [node.certificate!.cert], servername: TEST_HOSTNAME },
      auth: { user: LOGIN, pass: PASSWORD },
      authMethod: 'LOGIN',
    });
    const info = await transport.sendMail({ from: LOGIN, to: 'login@remote.example', subject: 'via AUTH LOGIN', text: 'hi', messageId: '<sub-login@mox.example>' });
    transport.close();
    assert.match(info.response, /^250 2\.0\.0 /);
    assert.ok(queueRows(node).some((r) => r.RecipientAddress === 'login@remote.example'), 'queued');
  });

  it('refuses a MAIL FROM or From header that is not the account\'s, and unknown users in own domains', async () => {
    const client = await loggedIn(node);
    const mail = await client.command('MAIL FROM:<other@other.example>');
    assert.equal(mail.code, 550);
    assert.match(mail.text, /^5\.7\.1 must match authenticated user/);
    assert.equal((await client.command(`MAIL FROM:<${LOGIN}>`)).code, 250);
    const unknown = await client.command('RCPT TO:<nobody@mox.example>');
    assert.deepEqual([unknown.code, unknown.text.slice(0, 5)], [550, '5.1.1']);
    assert.equal((await client.command('RCPT TO:<someone@remote.example>')).code, 250);
    const data = await client.data(plainMessage({ from: 'other@other.example', to: 'someone@remote.example' }));
    assert.equal(data.code, 550);
    assert.match(data.text, /^5\.7\.1 message from address must belong to authenticated user/);
    await client.quit();
  });

  it('10.42: X-Mox-Extra headers become Extra with MIME-canonical keys, stay in the message, and a duplicate key is 554 5.6.0', async () => {
    const client = await loggedIn(node);
    const headers = ['X-Mox-Extra-Test: testvalue', 'X-Mox-Extra-a: 123', 'X-Mox-Extra-☺: ☹', 'X-Mox-Extra-x-cANONICAL-z: ok'];
    const message = plainMessage({ from: LOGIN, to: 'extra@remote.example', headers, messageId: '<extra-1@mox.example>' });
    const t = await client.transaction(LOGIN, ['extra@remote.example'], message);
    assert.equal(t.data?.code, 250, t.data?.text);
    const row = queueRows(node).find((r) => r.RecipientAddress === 'extra@remote.example')!;
    assert.deepEqual(row.Extra, { Test: 'testvalue', A: '123', '☺': '☹', 'X-Canonical-Z': 'ok' });
    const content = (await node.runtime.content.get(row.ContentSha256)).toString('utf8');
    for (const h of headers) assert.ok(content.includes(h), `the message keeps ${h}`);

    const twice = plainMessage({ from: LOGIN, to: 'extra@remote.example', headers: ['X-Mox-Extra-Test: 1', 'x-mox-extra-test: 2'] });
    const dup = await client.transaction(LOGIN, ['extra@remote.example'], twice);
    assert.equal(dup.data?.code, 554);
    assert.match(dup.data!.text, /^5\.6\.0 duplicate x-mox-extra- key: "Test"/);
    await client.quit();
  });

  it('applies the Extra limits of DESIGN section 5 to X-Mox-Extra headers', async () => {
    const client = await loggedIn(node);
    const big = plainMessage({ from: LOGIN, to: 'extra@remote.example', headers: [`X-Mox-Extra-Big: ${'x'.repeat(1025)}`] });
    const t = await client.transaction(LOGIN, ['extra@remote.example'], big);
    assert.equal(t.data?.code, 554);
    assert.match(t.data!.text, /^5\.6\.0 x-mox-extra- headers exceed the limits: .*1 KiB/);
    await client.quit();
  });

  it('10.43: a chosen fromid is accepted once, refused when used again (554 5.1.7) or with two recipients (554 5.5.3)', async () => {
    const client = await loggedIn(node, FROMID_LOGIN);
    const first = await client.transaction('mjl+unique@mox.example', ['a@remote.example'], plainMessage({ from: LOGIN, to: 'a@remote.example' }));
    assert.equal(first.data?.code, 250, first.data?.text);
    const row = queueRows(node).find((r) => r.FromID === 'unique')!;
    assert.equal(row.SenderAddress, 'mjl+unique@mox.example');

    const again = await client.transaction('mjl+unique@mox.example', ['a@remote.example'], plainMessage({ from: LOGIN, to: 'a@remote.example' }));
    assert.equal(again.data?.code, 554);
    assert.match(again.data!.text, /^5\.1\.7 bad fromid in smtp mail from address/);

    const two = await client.transaction('mjl+unique2@mox.example', ['a@remote.example', 'b@remote.example'], plainMessage({ from: LOGIN, to: 'a@remote.example' }));
    assert.equal(two.data?.code, 554);
    assert.match(two.data!.text, /^5\.5\.3 cannot send to multiple recipients with chosen fromid/);
    await client.quit();
  });

  it('makes a fromid per recipient for a fromid login without a chosen one', async () => {
    const client = await loggedIn(node, FROMID_LOGIN);
    const t = await client.transaction(LOGIN, ['p@remote.example', 'q@remote.example'], plainMessage({ from: LOGIN, to: 'p@remote.example' }));
    assert.equal(t.data?.code, 250, t.data?.text);
    const rows = queueRows(node).filter((r) => r.RecipientAddress === 'p@remote.example' || r.RecipientAddress === 'q@remote.example');
    assert.equal(rows.length, 2);
    for (const r of rows) {
      assert.match(r.FromID, /^[A-Za-z0-9_-]{22}$/);
      assert.equal(r.SenderAddress, `mjl+${r.FromID}@mox.example`);
    }
    assert.notEqual(rows[0].FromID, rows[1].FromID);
    await client.quit();
  });

  it('counts submissions toward the account\'s sending limits', async () => {
    await addAddress(node, 'other', 'limited@other.example');
    await saveLimits(node, 'other', 1, 200);
    const client = await RawSmtpClient.connect(node.submissionPort);
    await client.ehlo();
    await client.starttls(node.certificate!.cert, TEST_HOSTNAME);
    await client.ehlo();
    assert.equal((await client.authPlain('other@other.example', PASSWORD)).code, 235);
    const t = await client.transaction('other@other.example', ['x@remote.example', 'y@remote.example'], plainMessage({ from: 'other@other.example', to: 'x@remote.example' }));
    assert.equal(t.data?.code, 451);
    assert.match(t.data!.text, /^4\.7\.1 max number of messages over past 24h reached: at most 1/);
    await client.quit();
  });
});

describe('SMTP submission logins share the failed-login limiter', () => {
  let node: InboundNode;
  before(async () => {
    node = await startInboundNode({ requireTLS: false });
    await setupAccount(node, { domain: 'mox.example', account: 'mjl', address: LOGIN });
  });
  after(async () => node.stop());

  it('allows AUTH without TLS when requireTLS is false, and answers 454 4.7.0 after ten failures, for the webapi too', async () => {
    const client = await RawSmtpClient.connect(node.submissionPort);
    await client.ehlo();
    for (let i = 0; i < 10; i++) assert.equal((await client.authPlain(LOGIN, `wrong-${i}`)).code, 535, `attempt ${i + 1}`);
    const limited = await client.authPlain(LOGIN, PASSWORD);
    assert.equal(limited.code, 454);
    assert.match(limited.text, /^4\.7\.0 too many failed logins/);
    await client.quit().catch(() => undefined);
    assert.equal(node.get(LoginRateLimiter).canAdd('127.0.0.1', node.clock.now()), false, 'the limiter the webapi uses counts them');
  });
});
