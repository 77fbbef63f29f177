// The message a bounce returns (RFC 3464 §2: the optional third part, message/rfc822 or text/rfc822-headers;
// RFC 6533: message/global, message/global-headers). When a notice names no recipient at all (Google
// Workspace's "** Message not delivered **", truncated reports), the returned message's To is the recipient.
import { headerAll, parseAddressList, parseHeaderSection, DEFAULT_MIME_LIMITS, type MimePart } from '../mime';
import { cleanAddress } from './address';

const HEADER_TYPES = new Set(['text/rfc822-headers', 'message/global-headers']);

function toAddresses(headers: ReturnType<typeof parseHeaderSection>['fields']): string[] {
  return headerAll(headers, 'to')
    .flatMap((f) => parseAddressList(f.value))
    .map((a) => cleanAddress(a.Address))
    .filter((a): a is string => a !== null);
}

/** The To addresses of the returned message, or [] when the bounce returns none. */
export function returnedMessageRecipients(root: MimePart): string[] {
  let found: string[] = [];
  const walk = (part: MimePart): void => {
    if (found.length > 0) return;
    if (part.message && part !== root) found = toAddresses(part.message.headers);
    else if (HEADER_TYPES.has(part.effectiveType)) {
      found = toAddresses(parseHeaderSection(part.source, part.bodyStart, part.bodyEnd, DEFAULT_MIME_LIMITS).fields);
    } else part.parts.forEach(walk);
  };
  walk(root);
  return [...new Set(found)];
}
