// What submission reads from a submitted message's header (RFC 6409 §8, mox smtpserver submit): the one
// From address, which must be the authenticated account's (RFC 6409 §4.1: the server may check the
// sender identity); the Message-ID and Date, added when missing (RFC 6409 §8.2, §8.3); the Subject as
// written (reference 2.3 [quirk]: raw, not RFC 2047 decoded); `TLS-Required: No` (RFC 8689 §5).
import { randomBytes } from 'node:crypto';
import type { ParsedDomain } from '../../config/addresses';
import type { ConfigView, DomainConfig } from '../../config/config-view';
import { parseAddressList } from '../../mime';
import { parseSmtpAddress, type SmtpAddress } from '../../sending/smtp-address';
import { rfc5322Date, utc } from '../../sending/time-text';
import { fieldAll, fieldFirst, type SubmittedHeader } from '../header-fields';
import { refuse, REPLIES } from '../reply-codes';

export interface SubmittedHeaders {
  from: SmtpAddress;
  fromDomain: DomainConfig;
  /** With <>: the message's own, or a new one added to the prefix. */
  messageID: string;
  /** Header lines to put in front of the message (Message-Id, Date when missing), CRLF-terminated. */
  added: string;
  subject: string;
  /** RFC 8689 §5: every TLS-Required field says "No". */
  tlsRequiredNo: boolean;
}

/** RFC 6409 §8 and RFC 5322 §2.1: header fields, an empty line, the body (which may be empty). */
export function hasHeaderAndBody(header: SubmittedHeader): boolean {
  return header.fields.length > 0 && header.hasBody;
}

export function readSubmittedHeaders(header: SubmittedHeader, config: ConfigView, account: string, host: ParsedDomain, now: Date): SubmittedHeaders {
  const fromFields = fieldAll(header, 'from');
  const fromList = fromFields.length === 1 ? parseAddressList(fromFields[0].value) : [];
  if (fromList.length !== 1) throw refuse(REPLIES.badFromHeader, `the message needs exactly one From address, it has ${fromFields.length === 1 ? fromList.length : `${fromFields.length} From fields`}`);
  const parsed = parseSmtpAddress(fromList[0].Address);
  if (!parsed.ok) throw refuse(REPLIES.badFromHeader, `From address ${fromList[0].Address}: ${parsed.error}`);
  const fromDomain = config.domain(parsed.address.domain.ascii);
  const owner = fromDomain && !fromDomain.Disabled ? config.lookupAddress(`${parsed.address.localpart}@${parsed.address.domain.unicode}`) : null;
  if (!fromDomain || !owner || owner.account.Name !== account) throw refuse(REPLIES.fromNotAllowed, fromList[0].Address);

  let added = '';
  let messageID = fieldFirst(header, 'message-id')?.value.trim() ?? '';
  if (messageID === '') {
    messageID = `<${randomBytes(16).toString('base64url')}@${host.ascii}>`;
    added += `Message-Id: ${messageID}\r\n`;
  }
  if (!fieldFirst(header, 'date')) added += `Date: ${rfc5322Date(utc(now))}\r\n`;
  const tlsRequired = fieldAll(header, 'tls-required');
  return {
    from: parsed.address,
    fromDomain,
    messageID,
    added,
    subject: fieldFirst(header, 'subject')?.value ?? '',
    tlsRequiredNo: tlsRequired.length > 0 && tlsRequired.every((f) => f.value.trim().toLowerCase() === 'no'),
  };
}
