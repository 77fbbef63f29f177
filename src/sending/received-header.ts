// The trace header a submission gets (RFC 5321 §4.4): `Received: from <host> by <host> id <id> [for
// <rcpt>]; <date>`. Shared by Send and SMTP submission. The submitter's IP address is left out, as mox
// does: exposing it is rarely wanted.
import type { ParsedDomain } from '../config/addresses';
import { rfc5322Date, type ZonedTime } from './time-text';

/** Builds header text folded like mox's message.HeaderWriter: at 78 characters, with CRLF TAB. */
export class FoldingHeaderWriter {
  private text = '';
  private lineLength = 0;
  private started = false;

  add(separator: string, ...parts: string[]): this {
    for (const part of parts) {
      if (this.started && this.lineLength > 1 && this.lineLength + separator.length + part.length > 78) {
        this.text += '\r\n\t';
        this.lineLength = 1;
      } else if (this.started && separator !== '') {
        this.text += separator;
        this.lineLength += separator.length;
      }
      this.text += part;
      this.lineLength += part.length;
      this.started = true;
    }
    return this;
  }

  /** The header, CRLF-terminated. */
  toString(): string {
    return `${this.text}\r\n`;
  }
}

/**
 * A host name in a trace header: the Unicode form only with SMTPUTF8 (RFC 6531 §3.7.3). mox adds the
 * Unicode form as a comment otherwise; that would put UTF-8 into a message that is not sent with
 * SMTPUTF8 (RFC 6532 §3), so it is left out.
 */
export function traceHostText(host: ParsedDomain, smtputf8: boolean): string {
  return smtputf8 ? host.unicode : host.ascii;
}

export interface ReceivedFields {
  /** This host: written as both the `from` and the `by` host, as the submission arrived over HTTP. */
  host: ParsedDomain;
  smtputf8: boolean;
  /** Identifies the submission in logs. */
  id: string;
  /** Optional clauses between `id` and `for`, e.g. `with ESMTPSA` or a TLS comment. */
  extra?: string[];
  /** Only with exactly one recipient, so that several recipients share identical bytes (mox). */
  forRecipient?: string;
  date: ZonedTime;
}

export function receivedHeader(fields: ReceivedFields): string {
  const parts = ['Received:', 'from', traceHostText(fields.host, fields.smtputf8), 'by', traceHostText(fields.host, fields.smtputf8), 'id', fields.id];
  parts.push(...(fields.extra ?? []));
  if (fields.forRecipient !== undefined) parts.push('for', `<${fields.forRecipient}>`);
  // RFC 5321 §4.4: the stamp ends in ";" and the date-time.
  parts[parts.length - 1] += ';';
  return new FoldingHeaderWriter().add(' ', ...parts, rfc5322Date(fields.date)).toString();
}
