// Malformed messages and DSNs over SMTP: truncated multiparts, wrong boundaries, huge headers, bad
// encodings, deep nesting, broken delivery-status parts. Each is either stored as received (and, to a
// fromid address, recorded as a DsnReceived) or refused with a clear reply; the server keeps serving.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { messageEvents } from '../support/delivery-node';
import { inject, sendAndDeliver, SENDER, startDsnFixture, type DsnFixture, type SentMessage } from './support/dsn-fixture';
import { mailboxMessages } from './support/mailbox-rows';
import { dsnMessage, plainMessage } from './support/messages';

const head = (contentType: string, extra = '') => `From: <x@remote.example>\r\nTo: <mjl@mox.example>\r\nSubject: malformed\r\nMIME-Version: 1.0\r\n${extra}Content-Type: ${contentType}\r\n\r\n`;

function nested(depth: number): string {
  let body = 'innermost\r\n';
  for (let i = depth; i > 0; i--) body = `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n${body}--b${i}--\r\n`;
  return head('multipart/mixed; boundary="b1"') + body;
}

const validDsn = dsnMessage({ from: 'postmaster@remote.example', to: 'x', blocks: [{ finalRecipient: 'rcpt@remote.example', action: 'failed', diagnostic: '550 5.1.1 no such user' }] });

const CASES: [string, string | Buffer][] = [
  ['a multipart cut off in a part', `${head('multipart/mixed; boundary="cut"')}--cut\r\nContent-Type: text/plain\r\n\r\nhalf a sent`],
  ['boundaries that do not match the header', `${head('multipart/alternative; boundary="aaa"')}--bbb\r\nContent-Type: text/plain\r\n\r\none\r\n--bbb--\r\n`],
  ['20,000 header fields', `From: <x@remote.example>\r\n${Array.from({ length: 20_000 }, (_, i) => `X-Filler-${i}: value ${i}`).join('\r\n')}\r\n\r\nbody\r\n`],
  ['a 1 MB unfolded header line', `From: <x@remote.example>\r\nX-Long: ${'y'.repeat(1024 * 1024)}\r\nSubject: long\r\n\r\nbody\r\n`],
  ['invalid base64 and quoted-printable, an unknown charset', `${head('multipart/mixed; boundary="e"')}--e\r\nContent-Type: text/plain; charset=x-no-such-charset\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64$$$\r\n--e\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=\r\n=4\r\n--e--\r\n`],
  ['raw 8-bit and NUL bytes in header and body', Buffer.concat([Buffer.from('From: <x@remote.example>\r\nSubject: '), Buffer.from([0xff, 0xfe, 0x00, 0x81]), Buffer.from('\r\n\r\nbody '), Buffer.from([0x00, 0xc3, 0x28, 0xa0]), Buffer.from('\r\n')])],
  ['multiparts nested 500 deep', nested(500)],
  ['a DSN cut off in the delivery-status part', validDsn.slice(0, validDsn.indexOf('Action:') + 10)],
  ['a DSN whose parts use another boundary', validDsn.replaceAll('--dsn-boundary-1', '--other-boundary')],
  ['a DSN with a base64 garbage delivery-status', `${head('multipart/report; report-type=delivery-status; boundary="r"')}--r\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--r\r\nContent-Type: message/delivery-status\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from([...Array(3000)].map((_, i) => (i * 7919) % 256)).toString('base64')}\r\n--r--\r\n`],
  ['a DSN with 5,000 recipient blocks', dsnMessage({ from: 'postmaster@remote.example', to: 'x', blocks: Array.from({ length: 5_000 }, (_, i) => ({ finalRecipient: `r${i}@remote.example`, action: 'failed', diagnostic: '550 5.1.1 no' })) })],
];

describe('malformed messages over SMTP', () => {
  let f: DsnFixture;
  let sent: SentMessage;
  before(async () => {
    f = await startDsnFixture({ webhooks: false });
    sent = await sendAndDeliver(f, 'rcpt@remote.example');
  });
  after(async () => f.stop());

  for (const [name, message] of CASES) {
    it(`stores ${name}, and records it as a reply when it goes to a fromid address`, async () => {
      const before = mailboxMessages(f.node, SENDER.account).length;
      const plain = await inject(f, SENDER.address, message, 'x@remote.example');
      assert.equal(plain.code, 250, `to the account: ${plain.code} ${plain.text}`);
      const dsnsBefore = (await messageEvents(f.node, sent.queueMsgId)).filter((e) => e.type === 'DsnReceived').length;
      const reply = await inject(f, sent.replyAddress, message);
      assert.equal(reply.code, 250, `to the fromid address: ${reply.code} ${reply.text}`);
      const dsns = (await messageEvents(f.node, sent.queueMsgId)).filter((e) => e.type === 'DsnReceived');
      assert.equal(dsns.length, dsnsBefore + 1, 'one DsnReceived');
      const event = (dsns.at(-1)!.data as { Event: string }).Event;
      assert.ok(['failed', 'unrecognized'].includes(event), `event ${event}`);
      assert.equal(mailboxMessages(f.node, SENDER.account).length, before + 2, 'both stored');
    });
  }

  it('refuses a message without a header section with 554 5.6.0', async () => {
    for (const message of ['just some text\r\nwithout a header\r\n', '\r\nbody after an empty line\r\n']) {
      const reply = await inject(f, SENDER.address, message, 'x@remote.example');
      assert.equal(reply.code, 554, reply.text);
      assert.match(reply.text, /^5\.6\.0 message has no header section/);
    }
  });

  it('keeps serving after all of it', async () => {
    const reply = await inject(f, SENDER.address, plainMessage({ from: 'x@remote.example', to: SENDER.address }), 'x@remote.example');
    assert.equal(reply.code, 250, reply.text);
  });
});
