// Direct delivery against real SMTP servers on 127.0.0.1, found through a DNS table: MX order and
// fallbacks, replies at MAIL, RCPT and DATA, dropped and slow connections, STARTTLS, REQUIRETLS,
// 8BITMIME/SMTPUTF8, and connection reuse.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { ConnectionPool } from '../../src/delivery/connection-pool';
import { DirectTransport, type DirectTransportOptions } from '../../src/delivery/direct-transport';
import type { DeliveryRequest } from '../../src/delivery/transport';
import { dnsTable, type DnsEntries } from '../support/dns-table';
import { RudePeer, sleep, SmtpPeer } from '../support/smtp-peer';
import { selfSignedCertificate } from '../support/test-certificate';

const BODY = Buffer.from('From: <app@sender.example>\r\nTo: <rcpt@dest.example>\r\nSubject: hello\r\n\r\nHello there.\r\n.leading dot\r\n');

function request(to: string[], over: Partial<DeliveryRequest> = {}): DeliveryRequest {
  return {
    mailFrom: 'app@sender.example',
    recipientDomain: 'dest.example',
    recipients: to.map((address, i) => ({ queueMsgId: i + 1, address })),
    message: () => Readable.from([Buffer.from('X-Prefix: 1\r\n'), BODY]),
    size: BODY.length + 13,
    has8bit: false,
    smtputf8: false,
    requireTLS: null,
    signal: new AbortController().signal,
    ...over,
  };
}

const toMx = (port: number, entries: DnsEntries = {}): DnsEntries => ({
  mx: { 'dest.example': [{ exchange: 'mx1.dest.example', priority: 10 }], ...entries.mx },
  a: { 'mx1.dest.example': ['127.0.0.1'], ...entries.a },
  ...entries,
});

function transport(port: number, entries: DnsEntries, over: Partial<DirectTransportOptions> = {}) {
  const pool = new ConnectionPool(2_000);
  return new DirectTransport({ ehloName: 'out.postwire.test', resolver: dnsTable(entries), pool, port, timeouts: { connectTimeoutMs: 2_000, greetingTimeoutMs: 2_000, socketTimeoutMs: 3_000 }, ...over });
}

describe('direct delivery', () => {
  const peers: { stop(): Promise<void> }[] = [];
  const started = async <T extends { start(): Promise<T>; stop(): Promise<void> }>(p: T) => (peers.push(p), p.start());
  after(async () => {
    for (const p of peers) await p.stop();
  });

  it('delivers with the prefix, the body dot-stuffed, and records the accepting reply', async () => {
    const peer = await started(new SmtpPeer());
    const t = transport(peer.port, toMx(peer.port));
    const outcome = await t.deliver(request(['rcpt@dest.example']));
    await t.close();
    assert.equal(outcome.remoteHost, 'mx1.dest.example');
    assert.deepEqual(outcome.recipients, [{ queueMsgId: 1, error: null, reply: { code: 250, secode: '0.0', lines: ['250 2.0.0 queued'] } }]);
    assert.equal(peer.received.length, 1);
    assert.equal(peer.received[0].from, 'app@sender.example');
    assert.deepEqual(peer.received[0].to, ['rcpt@dest.example']);
    assert.equal(peer.received[0].data.toString(), `X-Prefix: 1\r\n${BODY.toString()}`);
    assert.equal(peer.received[0].secure, true, 'STARTTLS is used when offered');
  });

  it('tries MX hosts in preference order and skips one without addresses', async () => {
    const peer = await started(new SmtpPeer());
    const entries: DnsEntries = {
      mx: { 'dest.example': [{ exchange: 'mx2.dest.example', priority: 20 }, { exchange: 'mx0.dest.example', priority: 5 }] },
      a: { 'mx0.dest.example': 'ENODATA', 'mx2.dest.example': ['127.0.0.1'] },
    };
    const resolver = dnsTable(entries);
    const t = new DirectTransport({ ehloName: 'out.postwire.test', resolver, pool: new ConnectionPool(), port: peer.port });
    const outcome = await t.deliver(request(['rcpt@dest.example']));
    await t.close();
    assert.equal(outcome.remoteHost, 'mx2.dest.example');
    assert.equal(outcome.recipients[0].error, null);
    assert.deepEqual(resolver.lookups.filter((l) => l.startsWith('A ')), ['A mx0.dest.example', 'A mx2.dest.example']);
  });

  it('delivers to the domain itself when it has no MX records (implicit MX)', async () => {
    const peer = await started(new SmtpPeer());
    const t = transport(peer.port, { mx: { 'dest.example': 'ENODATA' }, a: { 'dest.example': ['127.0.0.1'] } });
    const outcome = await t.deliver(request(['rcpt@dest.example']));
    await t.close();
    assert.equal(outcome.remoteHost, 'dest.example');
    assert.equal(outcome.recipients[0].error, null);
  });

  const dnsFailures: [string, { entries: DnsEntries; permanent: boolean; text: RegExp }][] = [
    ['a null MX is permanent (RFC 7505)', { entries: { mx: { 'dest.example': [{ exchange: '', priority: 0 }] } }, permanent: true, text: /does not accept email as indicated with single dot for mx record/ }],
    ['a domain that does not exist is permanent', { entries: { mx: { 'dest.example': 'ENOTFOUND' } }, permanent: true, text: /recipient domain dest.example does not exist/ }],
    ['a DNS server failure is temporary', { entries: { mx: { 'dest.example': 'ESERVFAIL' } }, permanent: false, text: /dns error: mx lookup for dest.example: ESERVFAIL/ }],
  ];
  for (const [name, { entries, permanent, text }] of dnsFailures) {
    it(name, async () => {
      const outcome = await transport(1, entries).deliver(request(['a@dest.example', 'b@dest.example']));
      assert.equal(outcome.recipients.length, 2);
      for (const r of outcome.recipients) {
        assert.equal(r.error?.permanent, permanent);
        assert.equal(r.error?.code, 0, 'DNS failures carry no SMTP code');
        assert.match(r.error!.text, text);
      }
    });
  }

  it('answers per recipient in one transaction', async () => {
    const peer = await started(new SmtpPeer({ rcpt: (to) => (to.startsWith('gone') ? '550 5.1.1 no such user' : to.startsWith('later') ? '452 4.2.2 mailbox full' : undefined) }));
    const t = transport(peer.port, toMx(peer.port));
    const outcome = await t.deliver(request(['ok@dest.example', 'gone@dest.example', 'later@dest.example']));
    await t.close();
    assert.equal(peer.received.length, 1, 'one transaction');
    assert.deepEqual(peer.received[0].to, ['ok@dest.example']);
    const [ok, gone, later] = outcome.recipients;
    assert.equal(ok.error, null);
    assert.deepEqual({ ...gone.error, lines: undefined }, {
      permanent: true,
      code: 550,
      secode: '1.1',
      text: 'delivering message to mx1.dest.example: remote smtp server sent unexpected response status code, permanent: 550 5.1.1 no such user',
      lines: undefined,
    });
    assert.equal(later.error?.permanent, false);
    assert.equal(later.error?.code, 452);
    assert.match(later.error!.text, /, transient: 452 4.2.2 mailbox full$/);
  });

  it('every recipient refused at RCPT: each keeps its own reply', async () => {
    const peer = await started(new SmtpPeer({ rcpt: (to) => (to.startsWith('a') ? '550 5.1.1 unknown a' : '553 5.1.3 bad syntax b') }));
    const outcome = await transport(peer.port, toMx(peer.port)).deliver(request(['a@dest.example', 'b@dest.example']));
    assert.deepEqual(outcome.recipients.map((r) => [r.error?.code, r.error?.secode]), [[550, '1.1'], [553, '1.3']]);
  });

  const whole: [string, { script: ConstructorParameters<typeof SmtpPeer>[0]; code: number; secode: string; permanent: boolean }][] = [
    ['451 at MAIL', { script: { mail: () => '451 4.7.1 greylisted, try again later' }, code: 451, secode: '7.1', permanent: false }],
    ['550 at MAIL', { script: { mail: () => '550 5.7.1 sender rejected' }, code: 550, secode: '7.1', permanent: true }],
    ['554 after DATA', { script: { data: () => '554 5.0.0 content rejected' }, code: 554, secode: '0.0', permanent: true }],
    ['451 after DATA', { script: { data: () => '451 4.3.0 try later' }, code: 451, secode: '3.0', permanent: false }],
  ];
  for (const [name, { script, code, secode, permanent }] of whole) {
    it(`${name} applies to every recipient`, async () => {
      const peer = await started(new SmtpPeer(script));
      const outcome = await transport(peer.port, toMx(peer.port)).deliver(request(['a@dest.example', 'b@dest.example']));
      assert.equal(peer.received.length, 0);
      for (const r of outcome.recipients) {
        assert.equal(r.error?.code, code);
        assert.equal(r.error?.secode, secode);
        assert.equal(r.error?.permanent, permanent);
        assert.match(r.error!.text, new RegExp(`^delivering message to mx1.dest.example: remote smtp server sent unexpected response status code, ${permanent ? 'permanent' : 'transient'}: ${code} `));
      }
    });
  }

  it('a temporary failure at the first MX moves on to the next; a permanent one ends the attempt', async () => {
    // Two servers on one port: 127.0.0.1 for mx1, ::1 for mx2.
    const first = await started(new SmtpPeer({ mail: () => '451 4.3.2 busy' }));
    const second = new SmtpPeer();
    peers.push(second);
    await second.start('::1', first.port);
    const entries: DnsEntries = {
      mx: { 'dest.example': [{ exchange: 'mx1.dest.example', priority: 10 }, { exchange: 'mx2.dest.example', priority: 20 }] },
      a: { 'mx1.dest.example': ['127.0.0.1'], 'mx2.dest.example': 'ENODATA' },
      aaaa: { 'mx1.dest.example': 'ENODATA', 'mx2.dest.example': ['::1'] },
    };
    const moved = await transport(first.port, entries).deliver(request(['a@dest.example']));
    assert.equal(moved.remoteHost, 'mx2.dest.example');
    assert.equal(moved.recipients[0].error, null);
    assert.equal(second.received.length, 1);

    first.setScript({ mail: () => '550 5.7.1 not from you' });
    const ended = await transport(first.port, entries).deliver(request(['a@dest.example']));
    assert.equal(ended.remoteHost, 'mx1.dest.example');
    assert.equal(ended.recipients[0].error?.code, 550);
    assert.equal(second.received.length, 1, 'the second host is not tried after a permanent reply');
  });

  it('when every host fails, the last host tried is reported', async () => {
    const peer = await started(new SmtpPeer());
    const t = transport(peer.port, {
      mx: { 'dest.example': [{ exchange: 'mx1.dest.example', priority: 10 }, { exchange: 'mx2.dest.example', priority: 20 }] },
      a: { 'mx1.dest.example': ['127.0.0.1'], 'mx2.dest.example': ['127.0.0.1'] },
    }, { port: (await started(new RudePeer('close'))).port });
    const outcome = await t.deliver(request(['a@dest.example']));
    assert.equal(outcome.recipients[0].error?.code, 0);
    assert.match(outcome.recipients[0].error!.text, /^delivering message to mx2.dest.example: /, 'the last host tried is reported');
  });

  it('a refused connection is a temporary failure without a code', async () => {
    const rude = await started(new RudePeer('close'));
    await rude.stop();
    const outcome = await transport(rude.port, toMx(rude.port)).deliver(request(['a@dest.example']));
    const e = outcome.recipients[0].error!;
    assert.equal(e.permanent, false);
    assert.equal(e.code, 0);
    assert.match(e.text, /^delivering message to mx1.dest.example: connecting to 127.0.0.1 port \d+: /);
  });

  it('a connection dropped after the greeting is a temporary failure without a code', async () => {
    const rude = await started(new RudePeer('close-after-greeting'));
    const outcome = await transport(rude.port, toMx(rude.port)).deliver(request(['a@dest.example']));
    assert.equal(outcome.recipients[0].error?.permanent, false);
    assert.equal(outcome.recipients[0].error?.code, 0);
    assert.equal(rude.connections, 1);
  });

  it('a server that stays silent times out: temporary, without a code', async () => {
    const rude = await started(new RudePeer('silent'));
    const t0 = Date.now();
    const outcome = await transport(rude.port, toMx(rude.port), { timeouts: { connectTimeoutMs: 1_000, greetingTimeoutMs: 300, socketTimeoutMs: 300 } }).deliver(request(['a@dest.example']));
    assert.ok(Date.now() - t0 < 5_000);
    assert.equal(outcome.recipients[0].error?.code, 0);
    assert.equal(outcome.recipients[0].error?.permanent, false);
  });

  it('a slow answer within the timeout is waited for; beyond it the attempt fails temporarily', async () => {
    const slow = await started(new SmtpPeer({ rcpt: async () => (await sleep(700), undefined) }));
    const patient = await transport(slow.port, toMx(slow.port), { timeouts: { socketTimeoutMs: 3_000 } }).deliver(request(['a@dest.example']));
    assert.equal(patient.recipients[0].error, null);
    const hasty = await transport(slow.port, toMx(slow.port), { timeouts: { socketTimeoutMs: 250 } }).deliver(request(['a@dest.example']));
    assert.equal(hasty.recipients[0].error?.code, 0);
    assert.equal(hasty.recipients[0].error?.permanent, false);
    assert.match(hasty.recipients[0].error!.text, /timeout/i);
  });

  it('falls back to plaintext after a failed TLS handshake (opportunistic TLS)', async () => {
    const peer = await started(new SmtpPeer({ options: { minVersion: 'TLSv1.3' } }));
    const outcome = await transport(peer.port, toMx(peer.port), { tls: { maxVersion: 'TLSv1.2' } }).deliver(request(['a@dest.example']));
    assert.equal(outcome.recipients[0].error, null);
    assert.equal(peer.received[0].secure, false);
    assert.equal(peer.connections, 2, 'a second connection without STARTTLS');
  });

  describe('RequireTLS', () => {
    let cert: ReturnType<typeof selfSignedCertificate>;
    before(() => {
      cert = selfSignedCertificate(['mx1.dest.example']);
    });

    it('true: verified TLS and the REQUIRETLS parameter', async () => {
      const peer = await started(new SmtpPeer({ options: { key: cert.key, cert: cert.cert } }));
      const outcome = await transport(peer.port, toMx(peer.port), { tls: { ca: cert.cert } }).deliver(request(['a@dest.example'], { requireTLS: true }));
      assert.equal(outcome.recipients[0].error, null);
      assert.equal(peer.received[0].secure, true);
      assert.equal(peer.received[0].mailArgs.REQUIRETLS, true);
    });

    it('true: no host offering REQUIRETLS fails permanently with 554 5.7.30', async () => {
      const peer = await started(new SmtpPeer({ options: { key: cert.key, cert: cert.cert, hideREQUIRETLS: true } }));
      const outcome = await transport(peer.port, toMx(peer.port), { tls: { ca: cert.cert } }).deliver(request(['a@dest.example'], { requireTLS: true }));
      assert.deepEqual({ ...outcome.recipients[0].error }, {
        permanent: true,
        code: 554,
        secode: '7.30',
        text: 'destination servers do not support requiretls, permanent',
        lines: [],
      });
      assert.equal(peer.received.length, 0);
    });

    it('true: an unverifiable certificate stops delivery (no plaintext fallback)', async () => {
      const peer = await started(new SmtpPeer());
      const outcome = await transport(peer.port, toMx(peer.port)).deliver(request(['a@dest.example'], { requireTLS: true }));
      assert.equal(outcome.recipients[0].error?.permanent, false);
      assert.equal(peer.received.length, 0);
    });

    it('false (TLS-Required: No): an unverifiable certificate does not matter', async () => {
      const peer = await started(new SmtpPeer());
      const outcome = await transport(peer.port, toMx(peer.port)).deliver(request(['a@dest.example'], { requireTLS: false }));
      assert.equal(outcome.recipients[0].error, null);
      assert.equal(peer.received[0].mailArgs.REQUIRETLS, undefined);
    });
  });

  it('8-bit content needs 8BITMIME (permanent without it); BODY=8BITMIME is sent with it', async () => {
    const without = await started(new SmtpPeer({ options: { hide8BITMIME: true } }));
    const refused = await transport(without.port, toMx(without.port)).deliver(request(['a@dest.example'], { has8bit: true }));
    assert.equal(refused.recipients[0].error?.permanent, true);
    assert.match(refused.recipients[0].error!.text, /does not implement 8bitmime extension, required by message, permanent$/);
    const withIt = await started(new SmtpPeer());
    const ok = await transport(withIt.port, toMx(withIt.port)).deliver(request(['a@dest.example'], { has8bit: true }));
    assert.equal(ok.recipients[0].error, null);
    assert.equal(withIt.received[0].mailArgs.BODY, '8BITMIME');
  });

  it('UTF-8 headers need SMTPUTF8 (temporary without it); the parameter is sent even for ASCII addresses', async () => {
    const without = await started(new SmtpPeer({ options: { hideSMTPUTF8: true } }));
    const refused = await transport(without.port, toMx(without.port)).deliver(request(['a@dest.example'], { smtputf8: true }));
    assert.equal(refused.recipients[0].error?.permanent, false);
    assert.match(refused.recipients[0].error!.text, /does not implement smtputf8 extension, required by message, transient$/);
    const withIt = await started(new SmtpPeer());
    const ok = await transport(withIt.port, toMx(withIt.port)).deliver(request(['a@dest.example'], { smtputf8: true }));
    assert.equal(ok.recipients[0].error, null);
    assert.equal(withIt.received[0].mailArgs.SMTPUTF8, true);
  });

  it('reuses the session for the next transaction to the same host', async () => {
    const peer = await started(new SmtpPeer({ rcpt: (to) => (to.startsWith('gone') ? '550 5.1.1 gone' : undefined) }));
    const t = transport(peer.port, toMx(peer.port));
    await t.deliver(request(['one@dest.example']));
    await t.deliver(request(['gone@dest.example']));
    await t.deliver(request(['two@dest.example']));
    await t.close();
    assert.equal(peer.connections, 1);
    assert.equal([...peer.transactions.values()][0], 3);
    assert.deepEqual(peer.received.map((r) => r.to[0]), ['one@dest.example', 'two@dest.example']);
  });
});
