// Composes the message Send queues, in mox's layout (webapisrv Send):
//
//   multipart/mixed               only with attached files
//     multipart/related           only with inline files
//       multipart/alternative     only with both Text and HTML, or with alternative files
//         text/plain              if Text
//         text/html               if HTML
//         alternative files
//       inline files
//     attached files
//
// Headers, in order: From, Reply-To, To, Cc (never Bcc), Subject, Date, Message-ID, References,
// In-Reply-To, MIME-Version, the caller's headers, User-Agent, then the content headers.
//
// nodemailer's MailComposer cannot build this tree (it nests multipart/related inside
// multipart/alternative, around the HTML only), so the tree is built from the MimeNodes MailComposer
// itself is made of. Inputs are checked before they get here (send-checks.ts); this only writes.
import { ComposedPart } from './composed-part';
import type { ComposeFile } from './message-files';
import { addressText, type SmtpAddress } from './smtp-address';
import { textBody } from './text-part';

export interface MailAddress {
  name: string;
  address: SmtpAddress;
}

export interface ComposeInput {
  /** Addresses with non-ASCII localparts: the message travels with SMTPUTF8 and its headers are UTF-8. */
  smtputf8: boolean;
  from: MailAddress;
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /** RFC 5322 date-time text. */
  date: string;
  /** With `<>`. */
  messageID: string;
  references: string[];
  /** The caller's extra headers, in order, written as given. */
  headers: [string, string][];
  /** Added after the caller's headers unless null. */
  userAgent: string | null;
  text: string;
  html: string;
  alternativeFiles: ComposeFile[];
  inlineFiles: ComposeFile[];
  attachedFiles: ComposeFile[];
}

function addressHeader(list: MailAddress[], smtputf8: boolean) {
  return list.map((a) => ({ name: a.name, address: addressText(a.address, smtputf8) }));
}

function writeHeaders(root: ComposedPart, input: ComposeInput): void {
  root.setHeader('From', addressHeader([input.from], input.smtputf8));
  if (input.replyTo.length > 0) root.setHeader('Reply-To', addressHeader(input.replyTo, input.smtputf8));
  if (input.to.length > 0) root.setHeader('To', addressHeader(input.to, input.smtputf8));
  if (input.cc.length > 0) root.setHeader('Cc', addressHeader(input.cc, input.smtputf8));
  if (input.subject !== '') {
    // RFC 6532 §3.2: with SMTPUTF8 the subject is UTF-8 as it is; else RFC 2047 encoded words.
    root.setHeader('Subject', input.smtputf8 ? { prepared: true, foldLines: true, value: input.subject } : input.subject);
  }
  root.setHeader('Date', input.date);
  root.setHeader('Message-ID', input.messageID);
  if (input.references.length > 0) {
    root.setHeader('References', input.references);
    // RFC 5322 §3.6.4: In-Reply-To names the message replied to, the last of the thread.
    root.setHeader('In-Reply-To', { prepared: true, value: input.references[input.references.length - 1] });
  }
  root.setHeader('MIME-Version', '1.0');
  for (const [name, value] of input.headers) root.addHeader(name, { prepared: true, value });
  if (input.userAgent !== null) root.addHeader('User-Agent', { prepared: true, value: input.userAgent });
}

function addFile(parent: ComposedPart, file: ComposeFile): void {
  const part = parent.child(file.contentType || false, 'base64');
  // MimeNode re-encodes the parameter as needed (RFC 2231 for non-ASCII names).
  part.setHeader('Content-Disposition', `${file.disposition}; filename="${file.filename.replace(/[\\"]/g, (c) => `\\${c}`)}"`);
  if (file.contentID !== '') part.setHeader('Content-ID', file.contentID);
  part.setContent(file.data);
}

/** The composed message, CRLF line endings. */
export async function composeMessage(input: ComposeInput): Promise<Buffer> {
  const hasAlternative = (input.text !== '' && input.html !== '') || input.alternativeFiles.length > 0;
  const containers: string[] = [];
  if (input.attachedFiles.length > 0) containers.push('mixed');
  if (input.inlineFiles.length > 0) containers.push('related');
  if (hasAlternative) containers.push('alternative');

  const eightBit = input.smtputf8;
  const texts = [
    ...(input.text !== '' ? [textBody('plain', input.text, eightBit)] : []),
    ...(input.html !== '' ? [textBody('html', input.html, eightBit)] : []),
  ];

  let root: ComposedPart;
  const nodes: Record<string, ComposedPart> = {};
  if (containers.length === 0) {
    // A single text part is the message itself.
    const only = texts[0];
    root = new ComposedPart(only.contentType, {}, only.transferEncoding);
    root.setContent(only.body);
  } else {
    root = new ComposedPart(`multipart/${containers[0]}`, {}, null);
    nodes[containers[0]] = root;
    let current = root;
    for (const subtype of containers.slice(1)) {
      current = current.child(`multipart/${subtype}`, null);
      nodes[subtype] = current;
    }
    for (const t of texts) current.child(t.contentType, t.transferEncoding).setContent(t.body);
    for (const f of input.alternativeFiles) addFile(nodes.alternative, f);
    for (const f of input.inlineFiles) addFile(nodes.related, f);
    for (const f of input.attachedFiles) addFile(nodes.mixed, f);
  }
  writeHeaders(root, input);
  return root.bytes();
}
