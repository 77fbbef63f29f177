// The human-readable notification of a bounce: its text parts outside any returned message, decoded, with
// the copy of the original message that many MTAs append cut off (a returned message's addresses are not
// the failed recipients).
import { bodyText, decodeBytes, decodedBody, type MimePart } from '../mime';

// Lines that introduce the returned message or its header, as MTAs write them.
const ORIGINAL_MESSAGE_MARKERS: readonly RegExp[] = [
  /^\s*-*\s*(?:original message|returned message|unsent message|undelivered message)(?: follows)?\s*-*\s*$/i,
  /^\s*-+\s*this is a copy of the message/i,
  /^\s*-+\s*(?:below this line|below the next line) is a copy of the (?:message|mail header)/i,
  /^\s*-+\s*enclosed (?:is|are) (?:a )?cop(?:y|ies) of the message/i,
  /^\s*-+\s*the header of the original message is following/i,
  /^\s*-+\s*original mail info/i,
  /^\s*-+\s*mensaje original adjunto/i,
  /^\s*-+\s*original message header/i,
  /^\s*original message headers?:?\s*$/i,
  /^\s*en-t[eê]tes de message d'origine\s*:?\s*$/i,
  /^\s*intestazioni originali del messaggio\s*:?\s*$/i,
  /^\s*ursprungshuvuden\s*:?\s*$/i,
  /^\s*original message follows\.?\s*$/i,
  /^\s*message headers follow\.?\s*$/i,
  /^\s*included is a copy of the message header/i,
  /^\s*below is a copy of the original message/i,
  /^\s*(?:the )?original message (?:was|is) (?:attached|included)/i,
  /^\s*-+\s*(?:original|returned) message -+\s*$/i,
  /^\s*-{3,} ?(?:message header follows|headers of the original message)/i,
];

const ANY_MARKER = new RegExp(ORIGINAL_MESSAGE_MARKERS.map((m) => `(?:${m.source})`).join('|'), 'i');

// Three or more consecutive lines that are fields of an RFC 5322 header start a returned message.
const HEADER_FIELD = /^(?:return-path|received|from|to|cc|subject|date|message-id|mime-version|content-type|reply-to|sender|dkim-signature|delivered-to|x-mailer|in-reply-to|references):/i;
const STRONG_FIELD = /^(?:return-path|received|message-id|dkim-signature|mime-version):/i;

export function cutOriginalMessage(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (ANY_MARKER.test(line)) return lines.slice(0, i).join('\n');
    if (HEADER_FIELD.test(line)) {
      let fields = 0;
      let strong = false;
      for (let j = i; j < Math.min(lines.length, i + 12); j++) {
        if (HEADER_FIELD.test(lines[j])) {
          fields++;
          strong ||= STRONG_FIELD.test(lines[j]);
        } else if (!/^[ \t]/.test(lines[j]) && !/^[A-Za-z][A-Za-z0-9-]*:/.test(lines[j])) {
          break;
        }
      }
      if (fields >= 3 && strong) return lines.slice(0, i).join('\n');
    }
  }
  return text;
}

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n) < 0x110000 ? Number(n) : 0xfffd))
    .replace(/&amp;/g, '&');
}

const DSN_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);

function partText(part: MimePart): string {
  const text = part.contentType === 'text/html' ? htmlToText(bodyText(part)) : bodyText(part);
  return text.replace(/\r\n?/g, '\n');
}

/** Text parts of the notification, outside returned messages, in order. */
export function notificationParts(root: MimePart): MimePart[] {
  const out: MimePart[] = [];
  const walk = (part: MimePart): void => {
    const type = part.effectiveType;
    if (type.startsWith('multipart/')) {
      if (part.parts.length === 0) {
        out.push(part); // a multipart whose delimiters could not be found: its body is all there is
        return;
      }
      if (type === 'multipart/alternative') {
        const plain = part.parts.find((p) => p.effectiveType === 'text/plain');
        if (plain) return walk(plain);
      }
      part.parts.forEach(walk);
      return;
    }
    if (type === 'text/plain' || type === 'text/html') out.push(part);
  };
  walk(root);
  return out;
}

/** The notification as text, the returned original cut off. */
export function notificationText(root: MimePart): string {
  return notificationParts(root)
    .map((part) => cutOriginalMessage(partText(part)))
    .join('\n\n');
}

/** Bodies of message/delivery-status and message/global-delivery-status parts outside returned messages. */
export function deliveryStatusTexts(root: MimePart): string[] {
  const out: string[] = [];
  const walk = (part: MimePart): void => {
    if (DSN_TYPES.has(part.effectiveType)) out.push(decodeBytes(decodedBody(part), 'utf-8').text.replace(/\r\n?/g, '\n'));
    part.parts.forEach(walk);
  };
  walk(root);
  return out;
}
