// Reads a bounce, standard or not, into its recipients and what became of each. Sources, strongest first:
// an Amazon SES JSON notice, RFC 3464 report fields (message/delivery-status parts, or the same fields in a
// text body), the notification text (see text-recipients.ts), the X-Failed-Recipients field. Report fields
// decide the recipient list and actions; the text adds what the report leaves out (the SMTP command, the
// remote reply). Pure and synchronous; never throws on bad input.
import { bodyText, collectProblems, parseMessage } from '../mime';
import { addressKey } from './address';
import { readSesNotification } from './amazon-ses';
import { gatherEvidence } from './bounce-evidence';
import { namedCandidates, reportCandidates, textCandidates, type Candidate } from './candidates';
import { deliveryStatusTexts, notificationParts, notificationText } from './notification-text';
import { providerHints } from './provider-rules';
import { cleanDiagnostic, recipientOutcome, type RecipientOutcome } from './recipient-outcome';
import { readDeliveryReport } from './report-fields';
import { returnedMessageRecipients } from './returned-message';
import { scanNotificationText } from './text-recipients';
import type { BounceReport } from './types';

export type AnalyzedRecipient = RecipientOutcome;

export interface BounceAnalysis {
  Bounce: boolean;
  Recipients: AnalyzedRecipient[];
  Kind: 'bounce' | 'delivery-report' | 'auto-reply' | 'feedback-report' | 'not-bounce';
  /** What was wrong with the message and how it was read anyway. */
  Problems: string[];
}

// Bounds on the work one bounce may cause. Real notices are a few kilobytes with a handful of recipients.
const MAX_NOTIFICATION_CHARS = 512 * 1024;
const MAX_LINE_CHARS = 8 * 1024;
const MAX_RECIPIENTS = 1000;

/** The text with every line cut to MAX_LINE_CHARS and the whole to MAX_NOTIFICATION_CHARS. */
function bounded(text: string): string {
  const capped = text.length > MAX_NOTIFICATION_CHARS ? text.slice(0, MAX_NOTIFICATION_CHARS) : text;
  const lines = capped.split('\n');
  return lines.some((line) => line.length > MAX_LINE_CHARS) ? lines.map((line) => line.slice(0, MAX_LINE_CHARS)).join('\n') : capped;
}

function outcome(recipients: RecipientOutcome[], problems: string[]): BounceAnalysis {
  const bounce = recipients.some((r) => r.Action === 'failed' || r.Action === 'delayed');
  const kind = bounce ? 'bounce' : recipients.length > 0 ? 'delivery-report' : 'not-bounce';
  return { Bounce: bounce, Recipients: recipients, Kind: kind, Problems: problems };
}

function analyze(input: Buffer | Uint8Array): BounceAnalysis {
  const root = parseMessage(input);
  const problems = collectProblems(root);
  const none = (kind: BounceAnalysis['Kind']): BounceAnalysis => ({ Bounce: false, Recipients: [], Kind: kind, Problems: problems });
  const notification = bounded(notificationText(root));
  const evidence = gatherEvidence(root, notification);
  if (evidence.feedbackReport) return none('feedback-report');

  const ses = readSesNotification(notificationParts(root).map((p) => bodyText(p)).join('\n').slice(0, 4 * MAX_NOTIFICATION_CHARS));
  if (ses?.kind === 'complaint') return none('feedback-report');
  if (ses && ses.recipients.length > 0) {
    const recipients = ses.recipients.slice(0, MAX_RECIPIENTS).map((r) =>
      recipientOutcome({
        address: r.address, action: r.action, fieldStatus: r.status, reportDiagnostic: r.diagnostic, diagnosticType: 'smtp',
        text: null, source: 'ses', replyCode: r.replyCode,
      }, { text: '', command: '', hints: { verizon: false, googleGroups: false } }, ses.recipients.length === 1),
    );
    return outcome(recipients, problems);
  }

  // RFC 3464 report fields: the report parts, else the same fields written into the text.
  let reports = deliveryStatusTexts(root).flatMap((text) => readDeliveryReport(bounded(text)).recipients);
  if (reports.length === 0 && (evidence.looksLikeBounce || root.effectiveType === 'multipart/report')) {
    reports = readDeliveryReport(notification, { freeText: true }).recipients;
  }
  reports = reports.slice(0, MAX_RECIPIENTS);
  const scan = evidence.looksLikeBounce || reports.length > 0 ? scanNotificationText(notification, evidence.ownAddresses) : { entries: [], general: '', command: '' as const };

  let candidates: Candidate[];
  if (reports.length > 0) candidates = reportCandidates(reports, scan.entries, scan.general, evidence);
  else if (scan.entries.length > 0) candidates = textCandidates(scan.entries, evidence);
  else if (evidence.failedRecipientsField.length > 0) {
    candidates = namedCandidates(evidence.failedRecipientsField, 'header', evidence, cleanDiagnostic(scan.general || notification));
  } else {
    // A notice that names nobody: the returned message's only recipient is the one it is about.
    const returned = evidence.looksLikeBounce ? returnedMessageRecipients(root) : [];
    if (returned.length !== 1) return none(evidence.autoReply ? 'auto-reply' : 'not-bounce');
    candidates = namedCandidates(returned, 'returned', evidence, cleanDiagnostic(scan.general || notification));
  }
  if (evidence.autoReply && reports.length === 0) return none('auto-reply');

  const seen = new Set<string>();
  const unique = candidates.filter((c) => {
    const key = `${addressKey(c.address)} ${c.action}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length > MAX_RECIPIENTS) problems.push(`more than ${MAX_RECIPIENTS} recipients (the rest not read)`);
  const kept = unique.slice(0, MAX_RECIPIENTS);
  const general = { text: scan.general, command: scan.command, hints: providerHints(root, notification) };
  return outcome(kept.map((c) => recipientOutcome(c, general, kept.length === 1)), problems);
}

/** The full analysis: recipients with their reason and source, the kind of message, and its problems. */
export function analyzeBounce(input: Buffer | Uint8Array): BounceAnalysis {
  try {
    return analyze(input);
  } catch (error) {
    // A defect in the reader must not take the caller down: the message is reported as unreadable.
    return { Bounce: false, Recipients: [], Kind: 'not-bounce', Problems: [`could not read the message: ${(error as Error).message}`] };
  }
}

/** The `postwire dsn parse` view of a message: whether it is a bounce, and each recipient's outcome. */
export function parseBounce(input: Buffer | Uint8Array): BounceReport {
  const analysis = analyzeBounce(input);
  return {
    Bounce: analysis.Bounce,
    Recipients: analysis.Recipients.map(({ Address, Action, Status, SMTPCode, Diagnostic, Permanent }) => ({
      Address, Action, Status, SMTPCode, Diagnostic, Permanent,
    })),
  };
}
