// The incoming webhook payload (mox webhook.Incoming, reference 2.4), built from a message stored in an
// account's mailbox: the header fields and readable text parsed from the stored bytes, the MIME
// structure, and what the SMTP server recorded about the delivery. Pure: bytes and the mailbox fact in,
// payload out.
import type { MailboxMessageAddedData } from '../../mailbox/mailbox-events';
import { messageOf, type WebapiMessage } from '../../mailbox/message-envelope';
import { headerAll, headerFirst, messageIdsIn, parseMessage, structureOf, type MimePart, type NameAddress, type Structure } from '../../mime';
import { sortedMap } from './sorted-map';

export interface IncomingMeta {
  MsgID: number;
  MailFrom: string;
  MailFromValidated: boolean;
  MsgFromValidated: boolean;
  RcptTo: string;
  DKIMVerifiedDomains: string[];
  RemoteIP: string;
  Received: string;
  MailboxName: string;
  Automated: boolean;
}

export interface Incoming {
  Version: 0;
  From: NameAddress[];
  To: NameAddress[];
  CC: NameAddress[];
  BCC: NameAddress[];
  ReplyTo: NameAddress[];
  Subject: string;
  MessageID: string;
  InReplyTo: string;
  References: string[];
  Date: string | null;
  Text: string;
  HTML: string;
  Structure: Structure;
  Meta: IncomingMeta;
}

const LIST_HEADERS = ['list-id', 'list-unsubscribe', 'list-unsubscribe-post', 'precedence'];

/**
 * mox's test for automated mail (reference 2.4): an empty MAIL FROM (a bounce, RFC 5321 §4.5.5), a
 * mailing-list or bulk header (RFC 2369, RFC 8058, RFC 2919, Precedence), Auto-Submitted other than "no"
 * (RFC 3834 §5), or a multipart/report (RFC 6522).
 */
export function isAutomated(root: MimePart, mailFrom: string): boolean {
  if (mailFrom === '') return true;
  if (LIST_HEADERS.some((name) => headerFirst(root.headers, name) !== undefined)) return true;
  const autoSubmitted = headerFirst(root.headers, 'auto-submitted');
  if (autoSubmitted !== undefined && autoSubmitted.value.trim().toLowerCase() !== 'no') return true;
  return root.contentType === 'multipart/report';
}

export function incomingPayload(raw: Buffer, added: MailboxMessageAddedData): Incoming {
  const root = parseMessage(raw);
  const message: WebapiMessage = messageOf(root);
  const meta = added.Meta;
  return canonicalIncoming({
    Version: 0,
    From: message.From,
    To: message.To,
    CC: message.CC,
    BCC: message.BCC,
    ReplyTo: message.ReplyTo,
    Subject: message.Subject,
    MessageID: message.MessageID,
    // The whole header value, as mox's envelope keeps it (RFC 5322 §3.6.4 allows several ids).
    InReplyTo: headerFirst(root.headers, 'in-reply-to')?.value.trim() ?? '',
    // [quirk] Unlike MessageGet, the webhook lists only the <ids> of all References fields (mox).
    References: headerAll(root.headers, 'references').flatMap((f) => messageIdsIn(f.value)),
    Date: message.Date,
    Text: message.Text,
    HTML: message.HTML,
    Structure: structureOf(root),
    Meta: {
      MsgID: added.MsgID,
      MailFrom: meta.MailFrom,
      MailFromValidated: meta.MailFromValidated,
      MsgFromValidated: meta.MsgFromValidated,
      RcptTo: meta.RcptTo,
      DKIMVerifiedDomains: meta.DKIMVerifiedDomains ?? [],
      RemoteIP: meta.RemoteIP,
      Received: added.Received,
      MailboxName: added.Mailbox,
      Automated: isAutomated(root, meta.MailFrom),
    },
  });
}

const nameAddresses = (list: NameAddress[] | null | undefined): NameAddress[] => (list ?? []).map((a) => ({ Name: a.Name, Address: a.Address }));

function canonicalStructure(s: Structure): Structure {
  return {
    ContentType: s.ContentType,
    ContentTypeParams: sortedMap(s.ContentTypeParams ?? {}),
    ContentID: s.ContentID,
    ContentDisposition: s.ContentDisposition,
    Filename: s.Filename,
    DecodedSize: s.DecodedSize,
    Parts: (s.Parts ?? []).map(canonicalStructure),
  };
}

/** The payload with mox's field order and sorted maps; address lists never null. */
export function canonicalIncoming(p: Incoming): Incoming {
  const m = p.Meta;
  return {
    Version: 0,
    From: nameAddresses(p.From),
    To: nameAddresses(p.To),
    CC: nameAddresses(p.CC),
    BCC: nameAddresses(p.BCC),
    ReplyTo: nameAddresses(p.ReplyTo),
    Subject: p.Subject,
    MessageID: p.MessageID,
    InReplyTo: p.InReplyTo,
    References: [...(p.References ?? [])],
    Date: p.Date ?? null,
    Text: p.Text,
    HTML: p.HTML,
    Structure: canonicalStructure(p.Structure),
    Meta: {
      MsgID: m.MsgID,
      MailFrom: m.MailFrom,
      MailFromValidated: m.MailFromValidated,
      MsgFromValidated: m.MsgFromValidated,
      RcptTo: m.RcptTo,
      DKIMVerifiedDomains: [...(m.DKIMVerifiedDomains ?? [])],
      RemoteIP: m.RemoteIP,
      Received: m.Received,
      MailboxName: m.MailboxName,
      Automated: m.Automated,
    },
  };
}
