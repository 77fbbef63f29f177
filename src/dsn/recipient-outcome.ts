// What became of one recipient: its diagnostic, SMTP reply code, status, reason and whether the address is
// bad for good. The report's fields come first; the text supplies what they lack.
import type { Candidate } from './candidates';
import { providerReason, type ProviderHints } from './provider-rules';
import { classifyReason, isHardBounce } from './reasons/classify';
import { derivedStatus } from './reasons/derived-status';
import { DEFERRED, GAVE_UP } from './reasons/expired';
import type { Reason } from './reasons/phrase-table';
import { commandIn } from './smtp-command';
import { bestStatusIn, preferStatus, replyCodeIn, statusClass } from './status-codes';
import { quotesCode } from './text-recipients';
import type { BounceRecipient, SmtpCommand } from './types';

export interface RecipientOutcome extends BounceRecipient {
  /** The bounce reason (userunknown, mailboxfull, ...: the vocabulary of the Sisimai classifier), which decides Permanent. */
  Reason: Reason;
  /** Where the recipient was found. */
  Source: Candidate['source'];
  /** Whether the bounce quotes the Status (a report field or the text) or it was made up from the reason. */
  StatusQuoted: boolean;
}

const MAX_DIAGNOSTIC = 2000;

/** The class of a status made up from the reason: the reply's class, else what the action and wording say. */
function madeUpClass(action: Candidate['action'], replyCode: number | null, ownText: string): '2' | '4' | '5' {
  if (action === 'delivered' || action === 'relayed' || action === 'expanded') return '2';
  const replyClass = replyCode === null ? '' : statusClass(String(replyCode));
  if (replyClass === '4' || replyClass === '5') return replyClass;
  return action === 'delayed' || DEFERRED.test(ownText) ? '4' : '5';
}

export function cleanDiagnostic(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > MAX_DIAGNOSTIC ? `${t.slice(0, MAX_DIAGNOSTIC)}...` : t;
}

/**
 * @param general explanations in the notification that concern every recipient, the SMTP command its
 *   session transcript shows refused, and what the provider's notice says as a whole
 * @param single whether this is the bounce's only recipient (then the general text is surely about it)
 */
export function recipientOutcome(c: Candidate, general: { text: string; command: SmtpCommand; hints: ProviderHints }, single: boolean): RecipientOutcome {
  const blocks = (c.text?.blocks ?? []).map((b) => b.replace(/^[\s.,;:]+/, '')).filter((b) => b !== '');
  const own = blocks.join(' ');
  const useGeneral = general.text !== '' && (own === '' || (single && !quotesCode(own)));
  const textDiagnostic = [own, useGeneral ? general.text : ''].filter((t) => t !== '').join(' ');
  const classifyText = [c.reportDiagnostic, textDiagnostic].filter((t) => t !== '').join(' ');

  // Shown: the report's Diagnostic-Code, else the text blocks that quote the remote reply, else all of it.
  const quoting = blocks.filter((b) => quotesCode(b));
  const shownText = quoting.length > 0 ? quoting.join(' ') : textDiagnostic;
  const informativeReport = /[A-Za-z]{2}/.test(c.reportDiagnostic) || quotesCode(c.reportDiagnostic);
  const diagnostic = cleanDiagnostic(informativeReport ? c.reportDiagnostic : shownText || c.reportDiagnostic);

  // An SMTP reply code only from an SMTP diagnostic or the text; "X-Unix; 71" is an exit status.
  const reportIsSmtp = c.diagnosticType === '' || c.diagnosticType === 'smtp';
  const replyCode =
    c.replyCode !== undefined
      ? c.replyCode
      : (reportIsSmtp ? replyCodeIn(c.reportDiagnostic) : null) ?? replyCodeIn(own) ?? (useGeneral ? replyCodeIn(general.text) : null);
  const command: SmtpCommand = c.text?.command || commandIn(classifyText) || (single ? general.command : '');
  const found = bestStatusIn(reportIsSmtp ? `${c.reportDiagnostic} ${textDiagnostic}` : textDiagnostic, replyCode);
  let status = preferStatus(c.fieldStatus, found, replyCode);

  const reason = classifyReason({
    text: classifyText,
    status,
    replyCode,
    command,
    action: c.action,
    diagnosticType: c.diagnosticType,
    explicit: providerReason(general.hints, c.address, classifyText),
    localVerdict: c.text?.verdict,
  });
  // The message's lifetime ran out: the sending MTA has given up, which X.4.7 in class 4 does not say.
  const statusQuoted = status !== '';
  if ((status === '' || /^[45]\.4\.7$/.test(status)) && GAVE_UP.test(classifyText)) status = '5.4.7';
  if (status === '') status = derivedStatus(reason, madeUpClass(c.action, replyCode, `${c.reportDiagnostic} ${own}`));
  return {
    Address: c.address,
    Action: c.action,
    Status: status,
    SMTPCode: replyCode,
    Diagnostic: diagnostic,
    Permanent: c.action === 'failed' && isHardBounce(reason, status, replyCode),
    Reason: reason,
    Source: c.source,
    StatusQuoted: statusQuoted,
  };
}
