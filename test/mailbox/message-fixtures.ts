// Messages and callers for the mailbox tests. The main message is composed with nodemailer's MailComposer
// like mox's webapi test message (reference 10.7): text and HTML alternatives, an attached PDF; a second
// one nests the alternative inside multipart/related as mox's composer does, so its HTML is at [0,0,1].
import MailComposer from 'nodemailer/lib/mail-composer';
import MimeNode from 'nodemailer/lib/mime-node';
import type { Caller } from '../../src/api/api-method';
import type { ReceivedMeta } from '../../src/mailbox/mailbox-service';

export const TEXT = 'Hello,\n\nthis is a test message.\n';
/** Without a trailing line end; composed with one, as mox's composer appends it. */
export const HTML = '<p>Hello, <b>this</b> is a test message.</p>';
export const PDF = Buffer.from('%PDF-');
export const DATE = new Date('2024-03-14T10:02:17Z');

export const composedMessage = {
  from: { name: 'Mjl', address: 'mjl@mox.example' },
  to: [{ name: '', address: 'mjl+to@mox.example' }, { name: 'Smiley Domain', address: 'other@xn--74h.localhost' }],
  cc: [{ name: 'Cc Person', address: 'cc@mox.example' }],
  replyTo: { name: 'Replies', address: 'replies@mox.example' },
  subject: 'test message ☺',
  messageId: '<testmsg-1@mox.example>',
  inReplyTo: '<parent@mox.example>',
  references: ['<root@mox.example>', '<middle@mox.example>'],
  date: DATE,
  text: TEXT,
  html: `${HTML}\n`,
  attachments: [{ filename: 'test.pdf', content: PDF, contentType: 'application/pdf' }],
};

/** The webapi Message that MessageGet gives for composedMessage. */
export const expectedMessage = {
  From: [{ Name: 'Mjl', Address: 'mjl@mox.example' }],
  To: [
    { Name: '', Address: 'mjl+to@mox.example' },
    { Name: 'Smiley Domain', Address: 'other@☺.localhost' },
  ],
  CC: [{ Name: 'Cc Person', Address: 'cc@mox.example' }],
  BCC: [],
  ReplyTo: [{ Name: 'Replies', Address: 'replies@mox.example' }],
  MessageID: '<testmsg-1@mox.example>',
  // In-Reply-To first when References does not list it.
  References: ['<parent@mox.example>', '<root@mox.example>', '<middle@mox.example>'],
  Date: '2024-03-14T10:02:17Z',
  Subject: 'test message ☺',
  Text: TEXT,
  HTML: `${HTML}\n`,
};

export function composeMessage(overrides: Record<string, unknown> = {}): Promise<Buffer> {
  return new MailComposer({ ...composedMessage, ...overrides }).compile().build();
}

/** multipart/mixed [multipart/related [multipart/alternative [text, html], inline image], pdf]. */
export function composeNestedMessage(): Promise<Buffer> {
  const root = new MimeNode('multipart/mixed');
  root.setHeader({ From: 'mjl@mox.example', To: 'mjl@mox.example', Subject: 'nested', 'Message-ID': '<nested@mox.example>', Date: DATE.toUTCString() });
  const related = root.createChild('multipart/related');
  const alternative = related.createChild('multipart/alternative');
  alternative.createChild('text/plain; charset=utf-8').setContent(TEXT);
  alternative.createChild('text/html; charset=utf-8').setContent(`${HTML}\n`);
  related
    .createChild('image/png')
    .setHeader({ 'Content-ID': '<logo>', 'Content-Disposition': 'inline; filename=logo.png' })
    .setContent(Buffer.from('89504e470d0a1a0a', 'hex'));
  root.createChild('application/pdf').setHeader('Content-Disposition', 'attachment; filename=test.pdf').setContent(PDF);
  return root.build();
}

export const sentMeta: ReceivedMeta = {
  MailFrom: '',
  MailFromValidated: false,
  RcptTo: '',
  MsgFrom: '',
  MsgFromValidated: false,
  DKIMVerifiedDomains: [],
  RemoteIP: '',
  DSN: false,
};

export const receivedMeta: ReceivedMeta = {
  MailFrom: 'sender@remote.example',
  MailFromValidated: true,
  RcptTo: 'mjl@mox.example',
  MsgFrom: 'sender@remote.example',
  MsgFromValidated: true,
  DKIMVerifiedDomains: ['remote.example'],
  RemoteIP: '192.0.2.25',
  DSN: false,
};

export function accountCaller(account: string): Caller {
  return {
    kind: 'account',
    account,
    loginAddress: `${account}@mox.example`,
    request: { remoteIP: '127.0.0.1', userAgent: 'postwire-test', headers: {}, correlationId: `test-${account}` },
  };
}
