// Decides a recipient's bounce reason from what the bounce says about it. The order matters and follows the
// specificity of the evidence: reasons whose wording is unambiguous come first, "user unknown" wording
// counts only where it can mean a missing mailbox (a status that says so, a rejection at RCPT TO, or a
// verdict of the reporting MTA itself), and the same wording after DATA is a filter's refusal.
import type { DsnAction, SmtpCommand } from '../types';
import { authFailure } from './auth-failure';
import { badReputation } from './bad-reputation';
import { blocked } from './blocked';
import { contentError } from './content-error';
import { exceedLimit } from './exceed-limit';
import { expired } from './expired';
import { failedStarttls } from './failed-starttls';
import { filtered } from './filtered';
import { hasMoved } from './has-moved';
import { hostUnknown } from './host-unknown';
import { mailboxFull } from './mailbox-full';
import { mailerError } from './mailer-error';
import { messageTooBig } from './message-too-big';
import { networkError } from './network-error';
import { noRelaying } from './no-relaying';
import { notAccept } from './not-accept';
import { notCompliantRfc } from './not-compliant-rfc';
import { matchesTable, normalizeForMatching, type PhraseTable, type Reason } from './phrase-table';
import { policyViolation } from './policy-violation';
import { reasonOfProviderCode } from './provider-codes';
import { rejected } from './rejected';
import { requirePtr } from './require-ptr';
import { securityError } from './security-error';
import { spamDetected } from './spam-detected';
import { speeding } from './speeding';
import { reasonOfStatus } from './status-reasons';
import { suppressed } from './suppressed';
import { suspend } from './suspend';
import { syntaxError } from './syntax-error';
import { systemError } from './system-error';
import { systemFull } from './system-full';
import { tooManyConn } from './too-many-conn';
import { localDirectory, userUnknown } from './user-unknown';
import { virusDetected } from './virus-detected';

export interface ReasonFacts {
  /** Everything the bounce says about this recipient: diagnostic code and the matching human-readable text. */
  text: string;
  /** The chosen enhanced status code, "" when none. */
  status: string;
  replyCode: number | null;
  command: SmtpCommand;
  action: DsnAction;
  /** Diagnostic-Code type in lower case ("smtp", "x-postfix", "x-unix"), "" when unknown. */
  diagnosticType: string;
  /** A reason a format reader already knows for certain. */
  explicit?: Reason;
  /** The reporting MTA gave its own verdict on the recipient ("Unknown user: a@b"). */
  localVerdict?: boolean;
}

// Commands sent before DATA: a refusal there cannot come from reading the message.
const BEFORE_DATA = new Set<SmtpCommand>(['CONN', 'HELO', 'EHLO', 'STARTTLS', 'AUTH', 'MAIL', 'RCPT']);

const has = (table: PhraseTable, text: string): boolean => matchesTable(table, text);

type Probe = (f: ReasonFacts, text: string, byStatus: Reason | '') => boolean;

// First pass, in order. Each probe weighs the status code's own reason against the wording.
const FIRST: ReadonlyArray<readonly [Reason, Probe]> = [
  ['mailboxfull', (_f, t, s) => s === 'mailboxfull' || has(mailboxFull, t)],
  ['mesgtoobig', (_f, t, s) => s === 'mesgtoobig' || has(messageTooBig, t)],
  ['exceedlimit', (_f, t, s) => s === 'exceedlimit' || has(exceedLimit, t)],
  ['suspend', (_f, t, s) => s === 'suspend' || has(suspend, t)],
  ['hasmoved', (_f, t, s) => s === 'hasmoved' || has(hasMoved, t)],
  ['norelaying', (_f, t) => has(noRelaying, t)],
  ['authfailure', (_f, t, s) => s === 'authfailure' || has(authFailure, t)],
  ['userunknown', (f, t, s) => {
    if (s === 'userunknown') {
      // X.1.1 with wording of another, more precise reason is that reason.
      return ![noRelaying, blocked, mailboxFull, hasMoved, rejected, notAccept].some((table) => has(table, t));
    }
    if (!has(userUnknown, t)) return false;
    // Refused at RCPT TO, or the reporting MTA's own finding: its verdict label or its directory lookup, with
    // no remote reply quoted at all. Bare "user unknown" wording without either context may be a filter's.
    if (f.command === 'RCPT') return true;
    return (f.localVerdict === true || has(localDirectory, t)) && f.replyCode === null && f.command === '' && s === '';
  }],
  ['filtered', (f, t, s) => {
    if (s === 'filtered') return has(userUnknown, t) || has(filtered, t);
    if (BEFORE_DATA.has(f.command)) return false;
    return has(filtered, t) || has(userUnknown, t);
  }],
  ['requireptr', (_f, t, s) => s === 'requireptr' || has(requirePtr, t)],
  ['notcompliantrfc', (_f, t) => has(notCompliantRfc, t)],
  ['badreputation', (_f, t) => has(badReputation, t)],
  ['contenterror', (_f, t, s) => s === 'contenterror' || has(contentError, t)],
  ['rejected', (f, t, s) => {
    if (s === 'rejected') return true;
    if (f.command === 'MAIL') return has(rejected, t);
    if (f.command === 'DATA' && s !== 'userunknown') return has(rejected, t);
    return (s === '' || s === 'securityerror' || s === 'systemerror') && has(rejected, t);
  }],
  ['hostunknown', (_f, t, s) => (s === 'hostunknown' ? !has(networkError, t) : has(hostUnknown, t))],
  ['spamdetected', (_f, t, s) => s === 'spamdetected' || has(spamDetected, t)],
  ['speeding', (_f, t) => has(speeding, t)],
  ['toomanyconn', (_f, t, s) => s === 'toomanyconn' || has(tooManyConn, t)],
  ['blocked', (_f, t, s) => s === 'blocked' || has(blocked, t)],
];

// Second pass, by wording alone, when the status code names no reason or only a vague one.
const SECOND: readonly PhraseTable[] = [
  mailboxFull, authFailure, badReputation, speeding, spamDetected, virusDetected, policyViolation, noRelaying,
  systemError, networkError, suspend, contentError, systemFull, notAccept, expired, failedStarttls, securityError,
  suppressed, mailerError,
];
const VAGUE = new Set<Reason | ''>(['', 'systemerror', 'securityerror', 'expired', 'networkerror', 'hostunknown', 'userunknown']);

export function classifyReason(facts: ReasonFacts): Reason {
  if (facts.explicit) return facts.explicit;
  if (facts.status.startsWith('2.') || facts.action === 'delivered' || facts.action === 'relayed' || facts.action === 'expanded') {
    return 'delivered';
  }
  const text = normalizeForMatching(facts.text);
  const provider = reasonOfProviderCode(text);
  if (provider !== '') return provider;
  const byStatus = reasonOfStatus(facts.status);
  // A local delivery program's exit (sendmail "X-Unix; 75"): the status says more than the text, if anything.
  if (facts.diagnosticType.startsWith('x-unix')) {
    const specific = byStatus === 'userunknown' || (byStatus !== '' && !VAGUE.has(byStatus));
    return specific ? byStatus : 'mailererror';
  }
  for (const [reason, probe] of FIRST) if (probe(facts, text, byStatus)) return reason;

  if (VAGUE.has(byStatus)) {
    if (facts.replyCode === 521 || facts.replyCode === 556) return 'notaccept'; // RFC 7504
    for (const table of SECOND) if (has(table, text)) return table.reason;
  }
  if (byStatus !== '') return byStatus;
  if (/^[45]\.6\./.test(facts.status)) return 'contenterror';
  if (/^[45]\.7\./.test(facts.status)) return 'securityerror';
  if (has(syntaxError, text) || (facts.replyCode !== null && facts.replyCode >= 500 && facts.replyCode <= 504)) return 'syntaxerror';
  if (facts.action === 'delayed') return 'expired';
  if (facts.command === 'EHLO' || facts.command === 'HELO') return 'blocked';
  return 'undefined';
}

/**
 * Whether mail to the address should stop: it does not exist, its domain does not exist, it has moved, or
 * its domain refuses all mail permanently. Everything else (full mailbox, blocks, policy) may pass later.
 */
export function isHardBounce(reason: Reason, status: string, replyCode: number | null): boolean {
  if (reason === 'userunknown' || reason === 'hostunknown' || reason === 'hasmoved') return true;
  if (reason !== 'notaccept') return false;
  return !(status.startsWith('4') || (replyCode !== null && replyCode >= 400 && replyCode < 500));
}
