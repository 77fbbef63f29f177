// Delivery through a configured smarthost (bootstrap `transports`): AUTH, required STARTTLS, implicit
// TLS, and how its failures are recorded.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { TransportConfig } from '../../src/config/bootstrap';
import { ConnectionPool } from '../../src/delivery/connection-pool';
import { SmarthostTransport } from '../../src/delivery/smarthost-transport';
import type { DeliveryRequest } from '../../src/delivery/transport';
import { SmtpPeer } from '../support/smtp-peer';
import { selfSignedCertificate, type TestCertificate } from '../support/test-certificate';

const BODY = Buffer.from('Subject: relayed\r\n\r\nvia the smarthost\r\n');

const request = (to: string[]): DeliveryRequest => ({
  mailFrom: 'app@sender.example',
  recipientDomain: 'dest.example',
  recipients: to.map((address, i) => ({ queueMsgId: i + 1, address })),
  message: () => Readable.from([BODY]),
  size: BODY.length,
  has8bit: false,
  smtputf8: false,
  requireTLS: null,
  signal: new AbortController().signal,
});

const smarthost = (config: TransportConfig, cert?: TestCertificate) =>
  new SmarthostTransport({ name: 'relay', config, ehloName: 'out.postwire.test', pool: new ConnectionPool(), tls: cert ? { ca: cert.cert } : undefined, timeouts: { connectTimeoutMs: 2_000, greetingTimeoutMs: 2_000, socketTimeoutMs: 3_000 } });

describe('smarthost delivery', () => {
  let cert: TestCertificate;
  const peers: SmtpPeer[] = [];
  before(() => {
    cert = selfSignedCertificate(['localhost']);
  });
  after(async () => {
    for (const p of peers) await p.stop();
  });
  const peer = async (script: ConstructorParameters<typeof SmtpPeer>[0]) => {
    const p = new SmtpPeer(script);
    peers.push(p);
    return p.start();
  };

  it('logs in and delivers (security none)', async () => {
    const p = await peer({ auth: { user: 'relay-user', pass: 'relay-pass' }, options: { hideSTARTTLS: true } });
    const t = smarthost({ host: '127.0.0.1', port: p.port, security: 'none', username: 'relay-user', password: 'relay-pass' });
    const outcome = await t.deliver(request(['a@dest.example', 'b@other.example']));
    await t.close();
    assert.equal(outcome.remoteHost, '127.0.0.1');
    assert.deepEqual(outcome.recipients.map((r) => r.error), [null, null]);
    assert.equal(p.received[0].user, 'relay-user');
    assert.deepEqual(p.received[0].to, ['a@dest.example', 'b@other.example']);
  });

  it('a refused login is temporary and carries no code (it never suppresses anyone)', async () => {
    const p = await peer({ auth: { user: 'relay-user', pass: 'relay-pass' }, options: { hideSTARTTLS: true } });
    const outcome = await smarthost({ host: '127.0.0.1', port: p.port, security: 'none', username: 'relay-user', password: 'wrong' }).deliver(request(['a@dest.example']));
    const e = outcome.recipients[0].error!;
    assert.equal(e.permanent, false);
    assert.equal(e.code, 0);
    assert.match(e.text, /^delivering message to 127.0.0.1: authenticating to transport relay: .*535/);
  });

  it('starttls: requires STARTTLS with a verified certificate', async () => {
    const p = await peer({ options: { key: cert.key, cert: cert.cert } });
    const ok = await smarthost({ host: 'localhost', port: p.port, security: 'starttls' }, cert).deliver(request(['a@dest.example']));
    assert.equal(ok.recipients[0].error, null);
    assert.equal(p.received[0].secure, true);

    const plain = await peer({ options: { hideSTARTTLS: true } });
    const refused = await smarthost({ host: 'localhost', port: plain.port, security: 'starttls' }, cert).deliver(request(['a@dest.example']));
    assert.equal(refused.recipients[0].error?.permanent, false);
    assert.equal(refused.recipients[0].error?.code, 0);
    assert.equal(plain.received.length, 0, 'nothing goes out in plaintext');

    const untrusted = await smarthost({ host: 'localhost', port: p.port, security: 'starttls' }).deliver(request(['a@dest.example']));
    assert.equal(untrusted.recipients[0].error?.code, 0);
    assert.equal(p.received.length, 1, 'no delivery over an unverified certificate');
  });

  it('tls: TLS from the first byte', async () => {
    const p = await peer({ options: { secure: true, key: cert.key, cert: cert.cert } });
    const outcome = await smarthost({ host: 'localhost', port: p.port, security: 'tls' }, cert).deliver(request(['a@dest.example']));
    assert.equal(outcome.recipients[0].error, null);
    assert.equal(p.received[0].secure, true);
  });
});
