// The strict, mox-compatible DSN view for the webhook path (reference 2.3 and 5).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readStrictDsn, webhookSmtpCodes } from '../../src/dsn';
import { parseMessage } from '../../src/mime';

function report(deliveryStatus: string[], options: { type?: string; parts?: number } = {}): Buffer {
  const type = options.type ?? 'message/delivery-status';
  const lines = [
    'From: MAILER-DAEMON@mx.example',
    'Content-Type: multipart/report; report-type=delivery-status; boundary=r',
    '',
    '--r',
    'Content-Type: text/plain',
    '',
    'Delivery failed.',
    '--r',
    `Content-Type: ${type}`,
    '',
    ...deliveryStatus,
    '--r--',
  ];
  return Buffer.from(lines.join('\r\n'));
}

const valid = ['Reporting-MTA: dns; mx.example', '', 'Final-Recipient: rfc822; a@dest.example', 'Action: failed', 'Status: 5.1.1', 'Diagnostic-Code: smtp; 550 5.1.1 no such user', ''];

describe('readStrictDsn', () => {
  it('reads a proper RFC 3464 report', () => {
    const result = readStrictDsn(parseMessage(report(valid)));
    assert.deepEqual(result, {
      isDsn: true,
      ok: true,
      dsn: {
        ReportingMTA: 'mx.example',
        SMTPUTF8: false,
        Recipients: [{ FinalRecipient: 'a@dest.example', OriginalRecipient: '', Action: 'failed', Status: '5.1.1', DiagnosticCode: '550 5.1.1 no such user', RemoteMTA: '' }],
      },
    });
  });

  it('accepts utf-8 addresses only in a global report (RFC 6533)', () => {
    const fields = ['Reporting-MTA: dns; mx.example', '', 'Final-Recipient: utf-8; \u00fcser@dest.example', 'Action: failed', 'Status: 5.1.1'];
    const global = readStrictDsn(parseMessage(report(fields, { type: 'message/global-delivery-status' })));
    assert.ok(global.isDsn && global.ok);
    assert.equal(global.dsn.Recipients[0].FinalRecipient, '\u00fcser@dest.example');
    assert.deepEqual(readStrictDsn(parseMessage(report(fields))), { isDsn: true, ok: false, error: 'final-recipient: utf-8 address type for non-utf-8 dsn' });
  });

  const notDsn: Array<[string, Buffer, RegExp]> = [
    ['plain text', Buffer.from('Subject: x\r\n\r\nhello'), /not multipart\/report/],
    ['second part of another type', report(valid, { type: 'text/plain' }), /second part is "text\/plain"/],
    ['a one-part report', Buffer.from('Content-Type: multipart/report; boundary=r\r\n\r\n--r\r\n\r\nx\r\n--r--'), /1 parts/],
  ];
  for (const [name, input, reason] of notDsn) {
    it(`is not a DSN: ${name}`, () => {
      const result = readStrictDsn(parseMessage(input));
      assert.equal(result.isDsn, false);
      assert.match((result as { reason: string }).reason, reason);
    });
  }

  const invalid: Array<[string, string[], string]> = [
    ['missing Reporting-MTA', ['Arrival-Date: Thu, 29 Apr 2010 23:34:45 +0900', '', ...valid.slice(2)], 'missing required field "Reporting-MTA"'],
    ['Reporting-MTA not of type dns', ['Reporting-MTA: dsn; mx.example', '', ...valid.slice(2)], 'reporting-mta "dsn; mx.example": type must be dns'],
    ['a repeated field', [...valid.slice(0, 5), 'Status: 5.1.2'], 'per-recipient fields: multiple values for "status"'],
    ['missing Action', [...valid.slice(0, 3), 'Status: 5.1.1'], 'missing required recipient field "action"'],
    ['an unknown Action', [...valid.slice(0, 3), 'Action: bounced', 'Status: 5.1.1'], 'unrecognized action "bounced"'],
    ['a non-smtp Diagnostic-Code', [...valid.slice(0, 5), 'Diagnostic-Code: X-Postfix; host not found'], 'unknown diagnostic-type "X-Postfix", expected smtp'],
    ['an address without domain', ['Reporting-MTA: dns; mx.example', '', 'Final-Recipient: rfc822; @mx.example', 'Action: failed', 'Status: 5.1.2'], 'final-recipient: invalid email address'],
  ];
  for (const [name, fields, error] of invalid) {
    it(`is an invalid DSN: ${name}`, () => assert.deepEqual(readStrictDsn(parseMessage(report(fields))), { isDsn: true, ok: false, error }));
  }
});

describe('webhookSmtpCodes', () => {
  const cases: Array<[string, string, { SMTPCode: number; SMTPEnhancedCode: string }]> = [
    ['550 5.1.1 no such user', '5.1.1', { SMTPCode: 550, SMTPEnhancedCode: '5.1.1' }],
    ['554 5.0.0 ok', '2.0.0', { SMTPCode: 554, SMTPEnhancedCode: '5.0.0' }],
    ['451 temporary', '4.4.1', { SMTPCode: 451, SMTPEnhancedCode: '' }],
    // The first word must be exactly three digits.
    ['550-5.1.1 The email account does not exist', '5.1.1', { SMTPCode: 500, SMTPEnhancedCode: '5.1.1' }],
    ['', '4.4.7', { SMTPCode: 400, SMTPEnhancedCode: '4.4.7' }],
    ['', '2.0.0', { SMTPCode: 0, SMTPEnhancedCode: '' }],
    ['650 5.9.9 odd', '5.9.9', { SMTPCode: 650, SMTPEnhancedCode: '6.9.9' }],
  ];
  for (const [diagnostic, status, want] of cases) {
    it(`${JSON.stringify(diagnostic)} / ${status}`, () => assert.deepEqual(webhookSmtpCodes({ DiagnosticCode: diagnostic, Status: status }), want));
  }
});
