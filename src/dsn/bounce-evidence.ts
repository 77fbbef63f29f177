// Whether a message presents itself as a delivery failure notice at all. Reading recipients out of free text
// is only safe in a message that does; an ordinary message or an auto-reply (RFC 3834) that mentions an
// address is not a bounce.
import { headerAll, headerFirst, parseAddress, decodeEncodedWords, type MimePart } from '../mime';
import { AUTO_REPLY_SUBJECT, AUTO_REPLY_TEXT } from './reasons/vacation';

export interface BounceEvidence {
  /** From, subject, X-Failed-Recipients or body wording say this is a delivery report. */
  looksLikeBounce: boolean;
  /** An RFC 3834 auto-reply or an out-of-office notice. */
  autoReply: boolean;
  /** An ARF feedback report (RFC 5965). */
  feedbackReport: boolean;
  /** The notice says delivery is only delayed and still being tried. */
  delayNotice: boolean;
  /** Addresses of X-Failed-Recipients (Exim, Gmail, Mail.ru) and similar fields. */
  failedRecipientsField: string[];
  /** The bounce's own sender (lower case): never a failed recipient found in prose. */
  ownAddresses: Set<string>;
}

const DAEMON_LOCALPART = /^(?:mailer[-_]?daemon|mail[-_]?daemon|postmaster|post_master|mdaemon|mmdf|mail-?delivery|nobody|noreply-dmarc-support|bounces?|mail\.?admin|sysadmin|mailadmin)$/i;
const DAEMON_NAME = /mail delivery (?:system|subsystem|service)|mailer[- ]daemon|postmaster|mail administrator|delivery status|e-mail interconnect|mail system/i;

const BOUNCE_SUBJECT = /undeliver|undelivered|delivery (?:status notification|failure|failed|has failed|notification|problem|report|delayed|delay)|failure notice|returned mail|mail delivery failed|returning message to sender|could not be delivered|non[- ]?deliver|mail system error|returned to sender|nicht zustellbar|unzustellbar|failed delivery|delivery unsuccessful|message delivery has failed|notice: mail delivery status|warning: could not send|delayed mail|still being retried|mail failure|permanent error|delivery has failed|rejected:|mail returned|bounced mail|unable to deliver|error sending your (?:mail|message)/i;

const BODY_ANCHORS = [
  'this is the mail system at host', 'i\'m sorry to have to inform you that your message could not', 'hi. this is the qmail',
  'this message was created automatically by mail delivery software', 'could not be delivered to one or more',
  'following address(es) failed', 'following address failed', 'delivery has failed to these recipients',
  'delivery to the following recipient', 'your message did not reach some or all', 'delivery status notification',
  'transcript of session follows', 'following addresses had permanent fatal errors', 'following addresses had transient',
  'failure reasons', 'could not be delivered', "couldn't be delivered", 'was undeliverable', 'unable to deliver your message',
  'unable to deliver message', 'an error occurred while trying to deliver', 'error delivering your mail',
  'error has occurred while attempting to deliver', 'a message is delayed', "wasn't delivered", 'was not delivered',
  'failed permanently', 'has been delayed', 'message delivery has failed', 'invalid user address', 'error message below',
  'cannot be delivered', 'could not deliver', 'delivery failed', 'unable to deliver', 'returned mail', 'undeliverable',
  'permanent error', 'did not like our rcpt to', 'not be delivered', 'failed to deliver', 'delivery notification',
  'your message cannot be delivered', 'mail delivery failed', 'trouble delivering your message', 'rejected recipient',
  'returned permanent errors',
];

const escape = (phrase: string): string => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ANY_ANCHOR = new RegExp(BODY_ANCHORS.map(escape).join('|'));
const ANY_AUTO_REPLY_TEXT = new RegExp(AUTO_REPLY_TEXT.map(escape).join('|'));

const REPLY_SUBJECT = /^\s*(?:re|fwd?|aw|wg|tr|sv|vs|rv|antw|doorst)\s*(?:\[\d+\])?\s*:/i;

const DELAY_SUBJECT = /delay|warning: could not send|still being retried|delivery status notification \(delay\)|temporary failure|not yet been delivered/i;
const DELAY_TEXT = /this is a warning (?:message )?only|will (?:continue to )?(?:retry|be retried|keep trying)|has been delayed|is delayed for|delivery attempts will continue|temporary failure report|not yet been delivered|still (?:trying|being retried)|transient non-fatal errors|you do not need to resend|will be retried until|delays in delivering your message/i;

function addressesOf(part: MimePart, name: string): string[] {
  return headerAll(part.headers, name).flatMap((f) =>
    f.value.split(/[,\s]+/).map((a) => a.replace(/^<|>$/g, '').trim()).filter((a) => a.includes('@')),
  );
}

export function gatherEvidence(root: MimePart, notification: string): BounceEvidence {
  const subject = decodeEncodedWords(headerFirst(root.headers, 'subject')?.value ?? '');
  const from = parseAddress(headerFirst(root.headers, 'from')?.value ?? '');
  const fromLocal = from?.Address.split('@')[0] ?? '';
  const autoSubmitted = (headerFirst(root.headers, 'auto-submitted')?.value ?? '').toLowerCase();
  const reportType = (root.contentTypeParams['report-type'] ?? '').toLowerCase();
  const body = notification.toLowerCase();

  const failedRecipientsField = [
    ...addressesOf(root, 'x-failed-recipients'),
    ...addressesOf(root, 'x-mailer-daemon-recipients'),
  ];
  const fromDaemon = DAEMON_LOCALPART.test(fromLocal) || DAEMON_NAME.test(from?.Name ?? '') || fromLocal === '';
  const bounceSubject = BOUNCE_SUBJECT.test(subject);
  const bodyAnchor = ANY_ANCHOR.test(body);
  const deliveryReport = root.effectiveType === 'multipart/report' && reportType.includes('delivery-status');

  const feedbackReport = reportType.includes('feedback-report') || hasPartType(root, 'message/feedback-report');
  const autoReplyFields =
    headerFirst(root.headers, 'x-autoreply') !== undefined ||
    headerFirst(root.headers, 'x-autorespond') !== undefined ||
    /auto[_-]reply/i.test(headerFirst(root.headers, 'precedence')?.value ?? '') ||
    autoSubmitted.startsWith('auto-replied');
  const autoReplyWording = AUTO_REPLY_SUBJECT.test(subject) || ANY_AUTO_REPLY_TEXT.test(body.slice(0, 2000));
  // A person answering or forwarding a bounce ("Re: Undelivered Mail ...") quotes its wording, but what
  // they sent is not a delivery report: mail software neither writes Re:/Fwd: subjects nor signs as a person.
  const personReplying = REPLY_SUBJECT.test(subject) && !fromDaemon && !autoSubmitted.startsWith('auto-generated');
  const looksLikeBounce =
    deliveryReport || failedRecipientsField.length > 0 || (!personReplying && (bounceSubject || (fromDaemon && bodyAnchor) || (bodyAnchor && !autoReplyWording)));
  const autoReply = !deliveryReport && !bounceSubject && failedRecipientsField.length === 0 && !fromDaemon && (autoReplyFields || autoReplyWording);

  const ownAddresses = new Set<string>();
  if (from && from.Address !== '') ownAddresses.add(from.Address.toLowerCase());

  return {
    looksLikeBounce: looksLikeBounce && !feedbackReport,
    autoReply,
    feedbackReport,
    delayNotice: DELAY_SUBJECT.test(subject) || DELAY_TEXT.test(notification),
    failedRecipientsField,
    ownAddresses,
  };
}

function hasPartType(part: MimePart, type: string): boolean {
  return part.effectiveType === type || part.parts.some((p) => hasPartType(p, type));
}
