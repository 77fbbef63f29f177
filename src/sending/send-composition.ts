// Step 9 of Send (reference 1.7): the header and file inputs checked in the order mox writes them (the
// subject, the Message-ID, the references, the caller's headers, then the files), the message composed,
// and its size held against the maximum message size.
import { randomBytes } from 'node:crypto';
import { ApiError, userError } from '../api/api-error';
import type { UploadedFile } from '../api/api-method';
import type { WebapiRequest } from '../api/api-types';
import type { ParsedDomain } from '../config/addresses';
import { composeMessage, type ComposeInput, type MailAddress } from './compose-message';
import { checkNoControlCharacters } from './control-characters';
import { composeFiles } from './message-files';
import { parseZonedTime, rfc5322Date, utc } from './time-text';
import { hasUserAgent, userAgent } from './user-agent';

export interface CompositionContext {
  smtputf8: boolean;
  from: MailAddress;
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  /** This host, for generated Message-IDs. */
  hostname: ParsedDomain;
  now: Date;
  maxMessageSize: number;
}

export interface Composed {
  message: Buffer;
  /** The final Message-ID, with `<>`. */
  messageID: string;
}

// RFC 5322 §3.6.8: a field name is printable ASCII without the colon.
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;

/** mox's MessageIDGen: 16 random bytes, base64url, at this host (Unicode only with SMTPUTF8). */
function newMessageID(host: ParsedDomain, smtputf8: boolean): string {
  return `<${randomBytes(16).toString('base64url')}@${smtputf8 ? host.unicode : host.ascii}>`;
}

function checkHeaders(headers: [string, string][]): void {
  headers.forEach(([name, value], i) => {
    checkNoControlCharacters(name, `Headers[${i}] name`);
    checkNoControlCharacters(value, `Headers[${i}] value "${name}"`);
    // mox writes any name; one with a space or colon would end up as a broken header line.
    if (!FIELD_NAME.test(name)) throw userError(`Headers[${i}]: "${name}" is not a header field name (printable ASCII without spaces and ":")`);
  });
}

export async function composeSendMessage(request: WebapiRequest<'Send'>, files: UploadedFile[], c: CompositionContext): Promise<Composed> {
  const subject = request.Subject ?? '';
  checkNoControlCharacters(subject, 'Subject');
  let date = utc(c.now);
  if (request.Date) {
    const given = parseZonedTime(request.Date);
    if (!given) throw userError(`Date "${request.Date}" is not an RFC 3339 date-time`);
    date = given;
  }
  let messageID = request.MessageID ?? '';
  if (messageID === '') messageID = newMessageID(c.hostname, c.smtputf8);
  else if (!messageID.startsWith('<') || !messageID.endsWith('>')) {
    throw new ApiError('malformedMessageID', `missing <> in message-id ${JSON.stringify(messageID)}`);
  }
  checkNoControlCharacters(messageID, 'MessageID');
  // mox checks references for control characters only: callers pass on what they received.
  const references = request.References ?? [];
  references.forEach((ref, i) => checkNoControlCharacters(ref, `References[${i}]`));
  const headers = request.Headers ?? [];
  checkHeaders(headers);

  const input: ComposeInput = {
    smtputf8: c.smtputf8,
    from: c.from,
    replyTo: c.replyTo,
    to: c.to,
    cc: c.cc,
    subject,
    date: rfc5322Date(date),
    messageID,
    references,
    headers,
    userAgent: hasUserAgent(headers) ? null : userAgent(),
    text: request.Text ?? '',
    html: request.HTML ?? '',
    alternativeFiles: composeFiles('alternative', request.AlternativeFiles, files),
    inlineFiles: composeFiles('inline', request.InlineFiles, files),
    attachedFiles: composeFiles('attached', request.AttachedFiles, files),
  };
  const message = await composeMessage(input);
  if (message.length > c.maxMessageSize) {
    throw new ApiError('messageTooLarge', `message too large: the composed message is ${message.length} bytes, the maximum is ${c.maxMessageSize}`);
  }
  return { message, messageID };
}
