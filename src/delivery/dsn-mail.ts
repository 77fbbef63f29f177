// The DSN mails Postwire writes into the sender's Inbox (mox queue/dsn.go deliverDSN): a multipart/report
// (RFC 6522) with a readable explanation, a message/delivery-status part (RFC 3464) and the original
// message's header section (text/rfc822-headers). With SMTPUTF8 messages the status and header parts
// use the RFC 6533 types (message/global-delivery-status, message/global-headers), so UTF-8 addresses
// and headers are carried as they are.
import { randomBytes } from 'node:crypto';

export interface DsnMailInput {
  /** Our host name: postmaster@<hostname> sends, and it is the Reporting-MTA. */
  hostname: string;
  /** Where the DSN goes: the original sender. */
  to: string;
  recipient: string;
  /** failed: a final failure; delayed: still being retried. */
  action: 'failed' | 'delayed';
  /** Short enhanced code ("1.1"), "" when unknown. */
  secode: string;
  /** The last attempt's error text (mox's). */
  error: string;
  /** The remote's reply lines, when the failure was a reply. */
  smtpLines: string[];
  remoteHost: string;
  /** The original message. */
  messageID: string;
  arrival: Date;
  lastAttempt: Date;
  /** delayed: when the last retry is planned, and the planned retries from now. */
  willRetryUntil?: Date;
  nextAttemptsIn?: number[];
  /** The original header section (CRLF line ends, without the blank line); "" when not available. */
  originalHeaders: string;
  smtputf8: boolean;
  now: Date;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 §3.3 date-time, in UTC. */
export function rfc5322Date(d: Date): string {
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** "2 hours", "45 minutes": a retry interval as the sender reads it. */
export function humanDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 90) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  return `${hours} hours`;
}

function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function dsnText(input: DsnMailInput): string {
  const lines =
    input.action === 'failed'
      ? ['', 'Delivery has failed permanently for your email to:', '', `\t${input.recipient}`, '', 'No further deliveries will be attempted.']
      : [
          '',
          'Delivery of your email has been delayed to:',
          '',
          `\t${input.recipient}`,
          '',
          `Next attempts to deliver: in ${listOf((input.nextAttemptsIn ?? []).map(humanDuration))}.`,
          'If these attempts all fail, you will receive a notice.',
        ];
  lines.push('', 'Error during the last delivery attempt:', '', `\t${input.error}`);
  if (input.smtpLines.length > 0) lines.push('', 'Full SMTP response:', '', ...input.smtpLines.map((l) => `\t${l}`));
  return lines.join('\r\n') + '\r\n';
}

/** RFC 3464 §2.2 per-message and §2.3 per-recipient fields. */
export function deliveryStatus(input: DsnMailInput): string {
  const status = `${input.action === 'failed' ? '5' : '4'}.${input.secode || '0.0'}`;
  const addressType = input.smtputf8 ? 'utf-8' : 'rfc822';
  const fields = [`Reporting-MTA: dns; ${input.hostname}`, `Arrival-Date: ${rfc5322Date(input.arrival)}`, ''];
  fields.push(`Final-Recipient: ${addressType}; ${input.recipient}`, `Action: ${input.action}`, `Status: ${status}`);
  if (input.remoteHost) fields.push(`Remote-MTA: dns; ${input.remoteHost}`);
  // RFC 3464 §2.3.6: the remote's reply, multi-line replies joined.
  if (input.smtpLines.length > 0) fields.push(`Diagnostic-Code: smtp; ${input.smtpLines.join(' ')}`);
  fields.push(`Last-Attempt-Date: ${rfc5322Date(input.lastAttempt)}`);
  if (input.willRetryUntil) fields.push(`Will-Retry-Until: ${rfc5322Date(input.willRetryUntil)}`);
  return fields.join('\r\n') + '\r\n';
}

const nonAscii = (s: string) => /[^\x00-\x7f]/.test(s);

/** The whole message, with mox's Return-Path and Delivered-To lines in front. */
export function composeDsnMail(input: DsnMailInput): Buffer {
  const boundary = `dsn-${randomBytes(12).toString('hex')}`;
  const from = `postmaster@${input.hostname}`;
  const subject = input.action === 'failed' ? 'mail delivery failed' : 'mail delivery delayed';
  const text = dsnText(input);
  const headers = [
    `Return-Path: <${from}>`,
    `Delivered-To: ${input.to}`,
    `From: <${from}>`,
    `To: <${input.to}>`,
    `Subject: ${subject}`,
    `Message-ID: <${randomBytes(16).toString('base64url')}@${input.hostname}>`,
    ...(input.messageID ? [`References: ${input.messageID}`] : []),
    `Date: ${rfc5322Date(input.now)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type="delivery-status"; boundary="${boundary}"`,
    '',
    'This is a MIME-formatted message.',
  ];
  const parts = [
    [`Content-Type: text/plain; charset=utf-8`, `Content-Transfer-Encoding: ${nonAscii(text) ? '8bit' : '7bit'}`, '', text].join('\r\n'),
    [`Content-Type: ${input.smtputf8 ? 'message/global-delivery-status' : 'message/delivery-status'}`, '', deliveryStatus(input)].join('\r\n'),
  ];
  if (input.originalHeaders) {
    parts.push([`Content-Type: ${input.smtputf8 ? 'message/global-headers' : 'text/rfc822-headers'}`, '', input.originalHeaders.replace(/(\r\n)*$/, '') + '\r\n'].join('\r\n'));
  }
  const body = parts.map((p) => `--${boundary}\r\n${p}`).join('\r\n') + `\r\n--${boundary}--\r\n`;
  return Buffer.from(headers.join('\r\n') + '\r\n' + body);
}
