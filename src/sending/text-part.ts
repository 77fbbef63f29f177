// How mox writes a text body (message.Composer.TextPart): a final newline is added when missing, every
// "\n" becomes CRLF, the charset is us-ascii or utf-8, and the transfer encoding is quoted-printable only
// when a line is too long or a bare CR is left (RFC 2045 §6.7, RFC 5322 §2.1.1), else 8bit for UTF-8 or
// an 8-bit message and 7bit otherwise.

export interface TextBody {
  body: Buffer;
  contentType: string;
  transferEncoding: 'quoted-printable' | '8bit' | '7bit';
}

const isAscii = (s: string) => !/[^\x00-\x7f]/.test(s);

/** Lines (between CRLFs) longer than 76 octets, or a CR or LF on its own, need quoted-printable. */
export function needsQuotedPrintable(crlfText: string): boolean {
  return crlfText.split('\r\n').some((line) => Buffer.byteLength(line) > 76 || line.includes('\r') || line.includes('\n'));
}

/** `subtype` is `plain` or `html`; `eightBit` says whether the message already needs 8-bit transport. */
export function textBody(subtype: 'plain' | 'html', text: string, eightBit: boolean): TextBody {
  const withNewline = text.endsWith('\n') ? text : `${text}\n`;
  const crlf = withNewline.replaceAll('\n', '\r\n');
  const charset = isAscii(crlf) ? 'us-ascii' : 'utf-8';
  const transferEncoding = needsQuotedPrintable(crlf) ? 'quoted-printable' : eightBit || charset === 'utf-8' ? '8bit' : '7bit';
  return { body: Buffer.from(crlf, 'utf8'), contentType: `text/${subtype}; charset=${charset}`, transferEncoding };
}
