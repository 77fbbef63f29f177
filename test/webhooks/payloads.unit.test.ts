// The webhook payloads (reference 2.3, 2.4 and 10.21-10.32), checked field by field and against the
// spec's own schemas (openapi/webapi.yaml `webhooks:`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileValidators, formatValidationErrors } from '../../src/api/spec';
import type { MailboxMessageAddedData } from '../../src/mailbox/mailbox-events';
import { parseMessage } from '../../src/mime';
import type { MessageSummary, MsgResult } from '../../src/queue/message-events';
import {
  canonicalIncoming,
  canonicalOutgoing,
  enhancedCode,
  incomingPayload,
  isAutomated,
  outgoingHookFields,
  outgoingPayload,
  payloadJson,
  sortedMap,
  type Outgoing,
  type OutgoingFact,
} from '../../src/webhooks/payloads';

const validators = compileValidators();
const NOW = '2025-01-01T10:00:00.123Z';

function valid(kind: 'outgoing' | 'incoming', payload: unknown): void {
  const validate = validators.webhooks[kind];
  assert.ok(validate(JSON.parse(JSON.stringify(payload))), formatValidationErrors(validate.errors, payload));
}

const message: MessageSummary = {
  QueueMsgID: 12,
  SenderAccount: 'retired',
  FromID: 'k3Xb8Qz1AAAAAAAAAAAAAA',
  MessageID: '<a@host>',
  Subject: 's',
  Extra: { a: '123' },
  RecipientAddress: 'rcpt@remote.example',
  SenderAddress: 'mjl@mox.example',
  Content: { Sha256: '0'.repeat(64), Size: 10 },
  MsgPrefix: '',
  Queued: '2025-01-01T09:00:00.000Z',
  Attempts: 1,
};
const res = (Code: number, Secode: string, Error: string, Success = false): MsgResult => ({ Start: NOW, Duration: 1, Success, Code, Secode, Error });
const fact = (type: string, data: Record<string, unknown>): OutgoingFact => ({ type, data: { Message: message, ...data }, metadata: { now: NOW } }) as unknown as OutgoingFact;
const dsn = (Event: string, DSN: boolean, result: MsgResult, Suppressing = false) =>
  fact('DsnReceived', { QueueMsgID: 12, Event, DSN, Result: result, Suppressing, SuppressionReason: '', MailboxMsgID: 3, IncomingMessageID: '<dsn@remote.example>' });

describe('outgoing payload', () => {
  const cases: [string, { given: OutgoingFact; want: Partial<Outgoing> }][] = [
    ['delivered carries the next hop code (DESIGN 5)', { given: fact('MessageDelivered', { Result: res(250, '0.0', '', true) }), want: { Event: 'delivered', SMTPCode: 250, SMTPEnhancedCode: '2.0.0', Error: '', DSN: false, Suppressing: false } }],
    ['delayed after a temporary failure', { given: fact('DeliveryDelayed', { Result: res(451, '7.1', 'transient: 451 4.7.1 greylisted'), NextAttempt: NOW, DelayDSN: false }), want: { Event: 'delayed', SMTPCode: 451, SMTPEnhancedCode: '4.7.1', Error: 'transient: 451 4.7.1 greylisted' } }],
    ['554 5.1.0 fails without suppressing (10.22)', { given: fact('MessageFailed', { Result: res(554, '1.0', 'permanent: 554 5.1.0 no'), Reason: 'permanent', Suppressing: false, SuppressionReason: '' }), want: { Event: 'failed', SMTPCode: 554, SMTPEnhancedCode: '5.1.0', Suppressing: false } }],
    ['550 5.1.0 fails and suppresses (10.23)', { given: fact('MessageFailed', { Result: res(550, '1.0', 'permanent: 550 5.1.0 no'), Reason: 'permanent', Suppressing: true, SuppressionReason: 'x' }), want: { Event: 'failed', SMTPCode: 550, Suppressing: true } }],
    ['suppressed has code 0 and an error (10.24)', { given: fact('MessageSuppressed', { Result: res(0, '', 'not delivering to recipient address rcpt@remote.example: address is on suppression list, permanent') }), want: { Event: 'suppressed', SMTPCode: 0, SMTPEnhancedCode: '', Suppressing: false } }],
    ['admin fail (10.25)', { given: fact('MessageFailed', { Result: res(0, '', 'delivery canceled by admin'), Reason: 'admin', Suppressing: false, SuppressionReason: '' }), want: { Event: 'failed', SMTPCode: 0, Error: 'delivery canceled by admin' } }],
    ['admin drop (10.25)', { given: fact('MessageCanceled', { Result: res(0, '', 'delivery canceled by admin') }), want: { Event: 'canceled', SMTPCode: 0, Error: 'delivery canceled by admin' } }],
    ['DSN delayed with the diagnostic in Error (10.30, DESIGN 5)', { given: dsn('delayed', true, res(554, '0.0', 'smtp; 554 5.0.0 error')), want: { Event: 'delayed', DSN: true, SMTPCode: 554, SMTPEnhancedCode: '5.0.0', Error: 'smtp; 554 5.0.0 error' } }],
    ['DSN relayed (10.30)', { given: dsn('relayed', true, res(554, '0.0', 'smtp; 554 5.0.0 error')), want: { Event: 'relayed', DSN: true, SMTPCode: 554 } }],
    ['DSN delivered (10.30)', { given: dsn('delivered', true, res(554, '0.0', 'smtp; 554 5.0.0 error')), want: { Event: 'delivered', DSN: true, SMTPCode: 554, SMTPEnhancedCode: '5.0.0' } }],
    ['DSN expanded', { given: dsn('expanded', true, res(250, '0.0', '')), want: { Event: 'expanded', DSN: true } }],
    ['DSN failed suppressing (10.32)', { given: dsn('failed', true, res(554, '0.0', 'smtp; 554 5.0.0 error'), true), want: { Event: 'failed', DSN: true, Suppressing: true } }],
    ['DSN with two recipients is unrecognized, DSN true, no codes (10.29)', { given: dsn('unrecognized', true, res(0, '', '')), want: { Event: 'unrecognized', DSN: true, SMTPCode: 0, SMTPEnhancedCode: '' } }],
    ['a plain reply is unrecognized, DSN false (10.31)', { given: dsn('unrecognized', false, res(0, '', '')), want: { Event: 'unrecognized', DSN: false } }],
  ];
  for (const [name, { given, want }] of cases) {
    it(name, () => {
      const payload = outgoingPayload(given);
      valid('outgoing', payload);
      for (const [field, value] of Object.entries(want)) assert.deepEqual(payload[field as keyof Outgoing], value, field);
      assert.equal(payload.Version, 0);
      assert.equal(payload.QueueMsgID, 12);
      assert.equal(payload.FromID, message.FromID);
      assert.equal(payload.MessageID, '<a@host>');
      assert.equal(payload.Subject, 's');
      assert.equal(payload.WebhookQueued, NOW);
      assert.deepEqual(payload.Extra, { a: '123' });
    });
  }

  it('writes mox\'s fields in mox\'s order, WebhookQueued with fractional seconds', () => {
    const text = payloadJson(outgoingPayload(cases[0][1].given));
    assert.equal(
      text,
      '{"Version":0,"Event":"delivered","DSN":false,"Suppressing":false,"QueueMsgID":12,"FromID":"k3Xb8Qz1AAAAAAAAAAAAAA","MessageID":"<a@host>","Subject":"s","WebhookQueued":"2025-01-01T10:00:00.123Z","SMTPCode":250,"SMTPEnhancedCode":"2.0.0","Error":"","Extra":{"a":"123"}}',
    );
    assert.match(JSON.parse(text).WebhookQueued, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/);
  });

  it('always has an Extra object, with keys sorted as Go sorts map keys', () => {
    const none = outgoingPayload({ ...fact('MessageDelivered', { Result: res(250, '', '', true) }), data: { Message: { ...message, Extra: undefined as never }, Result: res(250, '', '', true) } } as OutgoingFact);
    assert.equal(payloadJson(none).endsWith('"Extra":{}}'), true);
    const many = outgoingPayload({ ...fact('MessageDelivered', {}), data: { Message: { ...message, Extra: { b: '2', '10': 'x', '2': 'y', a: '1' } }, Result: res(250, '', '', true) } } as OutgoingFact);
    assert.equal(payloadJson(many).endsWith('"Extra":{"10":"x","2":"y","a":"1","b":"2"}}'), true);
  });

  it('hooks for DSNs carry the DSN\'s Message-ID, others the sent message\'s (reference 2.8)', () => {
    assert.equal(outgoingHookFields(dsn('failed', true, res(554, '0.0', ''))).MessageID, '<dsn@remote.example>');
    assert.equal(outgoingHookFields(fact('MessageDelivered', { Result: res(250, '', '', true) })).MessageID, '<a@host>');
  });

  it('builds enhanced codes from the code class and the short code', () => {
    assert.equal(enhancedCode(550, '1.1'), '5.1.1');
    assert.equal(enhancedCode(451, ''), '');
    assert.equal(enhancedCode(0, '1.1'), '');
  });

  it('formats a caller\'s payload canonically, indented with tabs for test calls', () => {
    const shuffled = { Extra: {}, Error: '', SMTPEnhancedCode: '', SMTPCode: 0, WebhookQueued: NOW, Subject: '', MessageID: '', FromID: '', QueueMsgID: 1, Suppressing: false, DSN: false, Event: 'delivered', Version: 0 } as Outgoing;
    const text = payloadJson(canonicalOutgoing(shuffled), '\t');
    assert.ok(text.startsWith('{\n\t"Version": 0,\n\t"Event": "delivered",'), text);
    assert.ok(text.endsWith('\t"Extra": {}\n}'), text);
  });
});

const added = (over: Partial<MailboxMessageAddedData> = {}): MailboxMessageAddedData => ({
  MsgID: 7,
  Mailbox: 'Inbox',
  Content: { Sha256: '0'.repeat(64), Size: 1 },
  Flags: [],
  Keywords: [],
  Received: '2025-01-01T10:00:00.000Z',
  Meta: { MailFrom: 'remote@remote.example', MailFromValidated: true, RcptTo: 'mjl@mox.example', MsgFrom: 'mjl@mox.example', MsgFromValidated: true, DKIMVerifiedDomains: ['remote.example'], RemoteIP: '192.0.2.1', DSN: false },
  IdempotencyKey: null,
  Source: 'smtp',
  ...over,
});

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'));

describe('incoming payload', () => {
  it('a plain message as mox\'s test has it (10.27)', () => {
    const raw = crlf(['From: <mjl@mox.example>', 'To: <mjl@mox.example>', 'Subject: test', 'Message-Id: <m1@mox.example>', '', 'test email', '']);
    const payload = incomingPayload(raw, added());
    valid('incoming', payload);
    assert.deepEqual(payload.From, [{ Name: '', Address: 'mjl@mox.example' }]);
    assert.deepEqual(payload.To, [{ Name: '', Address: 'mjl@mox.example' }]);
    for (const empty of [payload.CC, payload.BCC, payload.ReplyTo, payload.References]) assert.deepEqual(empty, []);
    assert.equal(payload.Text, 'test email\n');
    assert.equal(payload.HTML, '');
    assert.equal(payload.Date, null);
    assert.equal(payload.MessageID, '<m1@mox.example>');
    assert.deepEqual(payload.Meta, {
      MsgID: 7,
      MailFrom: 'remote@remote.example',
      MailFromValidated: true,
      MsgFromValidated: true,
      RcptTo: 'mjl@mox.example',
      DKIMVerifiedDomains: ['remote.example'],
      RemoteIP: '192.0.2.1',
      Received: '2025-01-01T10:00:00.000Z',
      MailboxName: 'Inbox',
      Automated: false,
    });
  });

  it('a multipart message: text, HTML, structure, references from every References field', () => {
    const raw = crlf([
      'From: "Billing" <billing@supplier.example>',
      'To: orders@example.org, "Two" <two@xn--74h.example>',
      'Reply-To: noreply@supplier.example',
      'Subject: =?utf-8?q?Statement_=E2=98=BA?=',
      'Date: Fri, 14 Mar 2025 11:02:17 +0100',
      'In-Reply-To: <parent@example.org>',
      'References: <root@example.org> <mid@example.org>',
      'References: <parent@example.org>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary=b1',
      '',
      '--b1',
      'Content-Type: multipart/alternative; boundary=b2',
      '',
      '--b2',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'Your statement.',
      '',
      '--b2',
      'Content-Type: text/html; charset=us-ascii',
      '',
      '<p>Your statement.</p>',
      '',
      '--b2--',
      '--b1',
      'Content-Type: application/pdf; name="s.pdf"',
      'Content-Disposition: attachment; filename="statement.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      'JVBERi0=',
      '--b1--',
      '',
    ]);
    const payload = incomingPayload(raw, added());
    valid('incoming', payload);
    assert.deepEqual(payload.To, [{ Name: '', Address: 'orders@example.org' }, { Name: 'Two', Address: 'two@☺.example' }]);
    assert.deepEqual(payload.ReplyTo, [{ Name: '', Address: 'noreply@supplier.example' }]);
    assert.equal(payload.Subject, 'Statement ☺');
    assert.equal(payload.Date, '2025-03-14T11:02:17+01:00', 'in the zone the message gave, as Go keeps it');
    assert.equal(payload.InReplyTo, '<parent@example.org>');
    assert.deepEqual(payload.References, ['<root@example.org>', '<mid@example.org>', '<parent@example.org>']);
    assert.equal(payload.Text, 'Your statement.\n');
    assert.equal(payload.HTML, '<p>Your statement.</p>\n');
    assert.equal(payload.Structure.ContentType, 'multipart/mixed');
    assert.deepEqual(payload.Structure.ContentTypeParams, { boundary: 'b1' });
    assert.deepEqual(payload.Structure.Parts.map((p) => p.ContentType), ['multipart/alternative', 'application/pdf']);
    assert.equal(payload.Structure.Parts[1].Filename, 'statement.pdf');
    assert.equal(payload.Structure.Parts[1].ContentDisposition, 'attachment');
    assert.equal(payload.Structure.Parts[1].DecodedSize, 5);
  });

  const automated: [string, { headers: string[]; mailFrom: string; want: boolean }][] = [
    ['an ordinary message', { headers: [], mailFrom: 'a@b.example', want: false }],
    ['an empty MAIL FROM', { headers: [], mailFrom: '', want: true }],
    ['List-Id', { headers: ['List-Id: <list.example>'], mailFrom: 'a@b.example', want: true }],
    ['List-Unsubscribe', { headers: ['List-Unsubscribe: <mailto:u@b.example>'], mailFrom: 'a@b.example', want: true }],
    ['List-Unsubscribe-Post', { headers: ['List-Unsubscribe-Post: List-Unsubscribe=One-Click'], mailFrom: 'a@b.example', want: true }],
    ['Precedence', { headers: ['Precedence: bulk'], mailFrom: 'a@b.example', want: true }],
    ['Auto-Submitted: auto-replied', { headers: ['Auto-Submitted: auto-replied'], mailFrom: 'a@b.example', want: true }],
    ['Auto-Submitted: no', { headers: ['Auto-Submitted: No'], mailFrom: 'a@b.example', want: false }],
    ['multipart/report', { headers: ['Content-Type: multipart/report; report-type=delivery-status; boundary=x'], mailFrom: 'a@b.example', want: true }],
  ];
  for (const [name, { headers, mailFrom, want }] of automated) {
    it(`Automated: ${name} -> ${want}`, () => {
      const root = parseMessage(crlf(['From: a@b.example', ...headers, '', 'body', '']));
      assert.equal(isAutomated(root, mailFrom), want);
    });
  }

  it('canonical form keeps address lists arrays and sorts ContentTypeParams', () => {
    const payload = incomingPayload(crlf(['Content-Type: text/plain; z=1; charset=utf-8', '', 'x']), added());
    const again = canonicalIncoming(JSON.parse(payloadJson(payload)));
    assert.match(payloadJson(again), /"ContentTypeParams":\{"charset":"utf-8","z":"1"\}/);
    assert.deepEqual(again.From, []);
    assert.deepEqual(sortedMap({ b: '1', a: '2' }), { b: '1', a: '2' }, 'the map itself keeps its entries');
  });
});
