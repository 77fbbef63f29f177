// What an incoming message to a fromid address says about the sent message it names (reference 2.2,
// 2.3, 5; mox queue/hook.go Incoming), pure: bytes in, the outgoing webhook event and its codes out.
//
// Two readers, strictest first:
// 1. The RFC 3464 view mox uses (readStrictDsn): a multipart/report whose second part is a
//    message/delivery-status. Its recipient block's Action is the event; SMTPCode and the enhanced code
//    come from the Diagnostic-Code, else from Status (webhookSmtpCodes, mox's rule). What that rule
//    leaves empty or only guesses (a bare 500/400 made up from Status) is filled from the real-world
//    reading of the same recipient, so a report whose reply code sits elsewhere still gets it.
// 2. When the message is not such a report, or the report does not parse, the real-world reader
//    (analyzeBounce: Postfix, Exim, Exchange, qmail, SES ... bounces) decides (DESIGN section 5). One
//    exception keeps mox's word: a report whose Action is outside the five RFC 3464 §2.3.3 values is
//    unrecognized, not guessed from its status.
//
// mox requires exactly one recipient block. Here a bounce naming several recipients is tied to the one
// whose address is the sent message's recipient; when none (or more than one) is, it is unrecognized.
// A single recipient is taken as it is, as mox does: the fromid already names the message and its
// recipient, and a forwarded address bounces under its final name.
// DESIGN section 5: the diagnostic goes into Error (mox leaves it empty).
import { analyzeBounce, readStrictDsn, webhookSmtpCodes, type AnalyzedRecipient, type StrictDsnRecipient } from '../../dsn';
import { parseMessage, type MimePart } from '../../mime';
import { sameAddress } from './addresses';

export type DsnEvent = 'delivered' | 'delayed' | 'failed' | 'relayed' | 'expanded' | 'unrecognized';

export interface DsnInterpretation {
  Event: DsnEvent;
  /** True when the event comes from a delivery report; for `unrecognized`, when the message looked like an RFC 3464 report. */
  DSN: boolean;
  /** SMTP reply code, 0 when none is known. */
  Code: number;
  /** Short enhanced code without the class digit ("1.1"), "" when none is known. */
  Secode: string;
  /** The diagnostic, or why the message was not understood. */
  Error: string;
  /** As mox records the result: true for delivered, relayed and expanded. */
  Success: boolean;
  /** Which reader decided. */
  Reader: 'rfc3464' | 'bounce-parser' | 'none';
  /**
   * The enhanced code is not quoted by the bounce but made up from its wording, and the wording does not
   * say the address is bad for good: shown in the webhook, but never a reason to suppress at once.
   */
  SecodeGuessed: boolean;
}

/** RFC 3464 §2: the top part is multipart/report and its second part a (global) delivery-status. */
export function isDeliveryReport(root: MimePart): boolean {
  const report = root.parts[1];
  return (
    root.contentType === 'multipart/report' &&
    report !== undefined &&
    (report.contentType === 'message/delivery-status' || report.contentType === 'message/global-delivery-status')
  );
}

function unrecognized(dsn: boolean, error: string, reader: DsnInterpretation['Reader'] = 'none'): DsnInterpretation {
  return { Event: 'unrecognized', DSN: dsn, Code: 0, Secode: '', Error: error, Success: false, Reader: reader, SecodeGuessed: false };
}

/** The one entry about `recipient`: the only one, else the single one whose address is the recipient's. */
export function tieRecipient<T>(entries: T[], addressesOf: (entry: T) => string[], recipient: string): T | null {
  if (entries.length === 1) return entries[0];
  const matching = entries.filter((e) => addressesOf(e).some((a) => a !== '' && sameAddress(a, recipient)));
  return matching.length === 1 ? matching[0] : null;
}

const succeeded = (action: string) => action === 'delivered' || action === 'relayed' || action === 'expanded';

/** A code made up from a status class (RFC 3463 §3.1: 4.x.y transient, 5.x.y permanent). */
function classCode(status: string): number {
  if (status.startsWith('5.')) return 500;
  if (status.startsWith('4.')) return 400;
  return 0;
}

/** The short enhanced code of a status when its class agrees with the reply code's (RFC 3463 §2). */
function shortOf(status: string, code: number): string {
  const m = /^([245])\.(\d{1,3}\.\d{1,3})$/.exec(status.trim());
  if (!m || code === 0 || String(code)[0] !== m[1]) return '';
  return m[2];
}

function fromReport(recipient: StrictDsnRecipient, reading: AnalyzedRecipient | null): DsnInterpretation {
  const { SMTPCode, SMTPEnhancedCode } = webhookSmtpCodes(recipient);
  let code = SMTPCode;
  let secode = SMTPEnhancedCode === '' ? '' : SMTPEnhancedCode.slice(2);
  const fromDiagnostic = /^\d{3} \S/.test(recipient.DiagnosticCode);
  let guessed = false;
  if (!fromDiagnostic && reading) {
    // mox's rule found no reply code in the Diagnostic-Code and made one up from Status (or has none):
    // the real-world reading, which weighs Status against every code the bounce quotes, is more precise.
    const read = fromReading(reading);
    if (read.Code !== 0) [code, secode, guessed] = [read.Code, read.Secode, read.SecodeGuessed];
  } else if (secode === '' && reading) {
    secode = shortOf(reading.Status, code);
    guessed = secode !== '' && !reading.StatusQuoted && !reading.Permanent;
  }
  return {
    Event: recipient.Action,
    DSN: true,
    Code: code,
    Secode: secode,
    Error: recipient.DiagnosticCode || reading?.Diagnostic || '',
    Success: succeeded(recipient.Action),
    Reader: 'rfc3464',
    SecodeGuessed: guessed,
  };
}

function fromReading(reading: AnalyzedRecipient): DsnInterpretation {
  const code = reading.SMTPCode ?? classCode(reading.Status);
  const secode = shortOf(reading.Status, code);
  return {
    Event: reading.Action,
    DSN: true,
    Code: code,
    Secode: secode,
    Error: reading.Diagnostic,
    Success: succeeded(reading.Action),
    Reader: 'bounce-parser',
    // A status the bounce does not quote is made up from its wording; "blocked" or "rejected" in prose is
    // more often about the sending server than the recipient, so only "bad for good" may suppress at once.
    SecodeGuessed: secode !== '' && !reading.StatusQuoted && !reading.Permanent,
  };
}

/**
 * @param raw the incoming message as received
 * @param recipient the sent message's recipient address (what the bounce should be about)
 */
export function interpretDsn(raw: Buffer, recipient: string): DsnInterpretation {
  const root = parseMessage(raw);
  const strict = readStrictDsn(root);
  const analysis = analyzeBounce(raw);
  const readingOf = (addresses: string[]) => analysis.Recipients.find((r) => addresses.some((a) => a !== '' && sameAddress(a, r.Address))) ?? null;

  if (strict.isDsn && strict.ok) {
    const recipients = strict.dsn.Recipients;
    const tied = tieRecipient(recipients, (r) => [r.FinalRecipient, r.OriginalRecipient], recipient);
    if (!tied) {
      return unrecognized(true, `incoming dsn has ${recipients.length} recipients, none of them (or more than one) the message's recipient ${recipient}`, 'rfc3464');
    }
    const reading = readingOf([tied.FinalRecipient, tied.OriginalRecipient]) ?? (analysis.Recipients.length === 1 ? analysis.Recipients[0] : null);
    return fromReport(tied, reading);
  }
  // RFC 3464 §2.3.3 lists the only actions; a report that names another one is not guessed at.
  if (strict.isDsn && /^unrecognized action/.test(strict.error)) return unrecognized(true, `parsing incoming dsn: ${strict.error}`, 'rfc3464');

  const tied = tieRecipient(analysis.Recipients, (r) => [r.Address], recipient);
  if (tied) return fromReading(tied);
  if (analysis.Recipients.length > 1) {
    return unrecognized(strict.isDsn, `bounce names ${analysis.Recipients.length} recipients, none of them (or more than one) the message's recipient ${recipient}`, 'bounce-parser');
  }
  if (strict.isDsn) return unrecognized(true, `parsing incoming dsn: ${strict.error}`);
  return unrecognized(false, `incoming message not a dsn (${analysis.Kind})`);
}
