// What the test buttons send: payloads shaped exactly like real webhooks (webapi.yaml `Outgoing` and
// `Incoming`), marked as tests in their subject, so a receiver can be tried before real mail flows.
import type { Incoming, Outgoing, OutgoingEvent } from '../shared/types.js';

const FAILURES: Partial<Record<OutgoingEvent, [code: number, enhanced: string, error: string]>> = {
  failed: [550, '5.1.1', 'delivering message to mx.example.net: permanent: 550 5.1.1 no such user'],
  delayed: [451, '4.7.1', 'delivering message to mx.example.net: transient: 451 4.7.1 greylisted, try again later'],
  delivered: [250, '2.0.0', ''],
};

export function sampleOutgoing(event: OutgoingEvent, now = new Date()): Outgoing {
  const [code, enhanced, error] = FAILURES[event] ?? [0, '', ''];
  return {
    Version: 0,
    Event: event,
    DSN: false,
    Suppressing: false,
    QueueMsgID: 1,
    FromID: '',
    MessageID: '<webhook-test@postwire.invalid>',
    Subject: 'Test of the outgoing webhook',
    WebhookQueued: now.toISOString(),
    SMTPCode: code,
    SMTPEnhancedCode: enhanced,
    Error: error,
    Extra: { test: 'true' },
  };
}

export function sampleIncoming(to: string, now = new Date()): Incoming {
  const text = 'This is a test of the incoming webhook.\n';
  return {
    Version: 0,
    From: [{ Name: 'Alice', Address: 'alice@example.com' }],
    To: [{ Name: '', Address: to }],
    CC: [],
    BCC: [],
    ReplyTo: [],
    Subject: 'Test of the incoming webhook',
    MessageID: '<incoming-test@example.com>',
    InReplyTo: '',
    References: [],
    Date: now.toISOString(),
    Text: text,
    HTML: '',
    Structure: { ContentType: 'text/plain', ContentTypeParams: { charset: 'utf-8' }, ContentID: '', ContentDisposition: '', Filename: '', DecodedSize: text.length + 1, Parts: [] },
    Meta: {
      MsgID: 1,
      MailFrom: 'alice@example.com',
      MailFromValidated: true,
      MsgFromValidated: true,
      RcptTo: to,
      DKIMVerifiedDomains: ['example.com'],
      RemoteIP: '192.0.2.25',
      Received: now.toISOString(),
      MailboxName: 'Inbox',
      Automated: false,
    },
  };
}
