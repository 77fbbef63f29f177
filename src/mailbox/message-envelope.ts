// MessageGet's `Message`: the parsed header fields and the readable text of a stored message, as mox's
// webapisrv MessageGet fills webapi.Message (reference 1.12).
import { domainToUnicode } from 'node:url';
import {
  decodedHeader,
  headerAll,
  headerFirst,
  parseAddressList,
  formatRfc3339InZone,
  parseDateWithZone,
  parseMessageId,
  readableParts,
  referencesForMessageGet,
  type MimePart,
  type NameAddress,
} from '../mime';

export interface WebapiMessage {
  From: NameAddress[];
  To: NameAddress[];
  CC: NameAddress[];
  BCC: NameAddress[];
  ReplyTo: NameAddress[];
  MessageID: string;
  References: string[];
  Date: string | null;
  Subject: string;
  Text: string;
  HTML: string;
}

/** The address with its domain lower-cased and in Unicode (mox formats addresses with Unicode domains). */
export function withUnicodeDomain(address: NameAddress): NameAddress {
  const at = address.Address.lastIndexOf('@');
  if (at < 0) return { Name: address.Name, Address: address.Address };
  const domain = address.Address.slice(at + 1).toLowerCase();
  // An address literal ("[192.0.2.1]") or a domain IDNA cannot read stays as written.
  const unicode = domain.startsWith('[') ? '' : domainToUnicode(domain);
  return { Name: address.Name, Address: `${address.Address.slice(0, at)}@${unicode === '' ? domain : unicode}` };
}

function addresses(root: MimePart, field: string): NameAddress[] {
  const value = headerFirst(root.headers, field)?.value;
  return value ? parseAddressList(value).map(withUnicodeDomain) : [];
}

/** RFC 3339 as Go writes a time: whole seconds without a fraction, UTC as "Z". */
export function goTime(date: Date): string {
  const ms = date.getUTCMilliseconds();
  const iso = date.toISOString();
  return ms === 0 ? iso.replace(/\.000Z$/, 'Z') : iso;
}

export function messageOf(root: MimePart, maxTextBytes?: number): WebapiMessage {
  const readable = readableParts(root, maxTextBytes);
  const date = parseDateWithZone(headerFirst(root.headers, 'date')?.value);
  // In-Reply-To is taken as its whole value, as mox's envelope does (RFC 5322 §3.6.4 allows several ids).
  const inReplyTo = headerFirst(root.headers, 'in-reply-to')?.value ?? '';
  return {
    From: addresses(root, 'from'),
    To: addresses(root, 'to'),
    CC: addresses(root, 'cc'),
    BCC: addresses(root, 'bcc'),
    ReplyTo: addresses(root, 'reply-to'),
    MessageID: parseMessageId(headerFirst(root.headers, 'message-id')?.value),
    References: referencesForMessageGet(
      headerAll(root.headers, 'references').map((f) => f.value),
      inReplyTo,
    ),
    Date: date ? formatRfc3339InZone(date) : null,
    Subject: decodedHeader(root, 'subject'),
    Text: readable.Text,
    HTML: readable.HTML,
  };
}
