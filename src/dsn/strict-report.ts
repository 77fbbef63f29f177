// The strict view used on mox's webhook path (reference 2.3, 5: queue/hook.go Incoming with dsn.Decode): a
// message is a DSN only when its top part is multipart/report with at least two parts and the second is
// message/delivery-status or message/global-delivery-status (RFC 3464 §2, RFC 6533 §3). Its fields are then
// held to mox's rules: Reporting-MTA of type dns is required, no field may repeat, every recipient needs
// Final-Recipient, Action and Status, Action is one of the five RFC 3464 values, addresses are rfc822 (or
// utf-8 in a global report) and a Diagnostic-Code must be of type smtp. Two leniencies: date fields are not
// checked against mox's single date layout, and trailing empty lines after the last recipient are allowed.
import { decodeBytes, decodedBody, parseDate, type MimePart } from '../mime';
import type { DsnAction } from './types';

export interface StrictDsnRecipient {
  FinalRecipient: string;
  OriginalRecipient: string;
  Action: DsnAction;
  Status: string;
  /** The Diagnostic-Code text after "smtp;", "" when absent. */
  DiagnosticCode: string;
  RemoteMTA: string;
}

export interface StrictDsn {
  ReportingMTA: string;
  /** Whether the report is a message/global-delivery-status (UTF-8 allowed). */
  SMTPUTF8: boolean;
  Recipients: StrictDsnRecipient[];
}

export type StrictDsnResult =
  | { isDsn: false; reason: string }
  | { isDsn: true; ok: true; dsn: StrictDsn }
  | { isDsn: true; ok: false; error: string };

const ACTIONS: readonly DsnAction[] = ['failed', 'delayed', 'delivered', 'relayed', 'expanded'];

function removeComments(s: string): string {
  let depth = 0;
  let out = '';
  for (const c of s) {
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

type Block = Map<string, string[]>;

/** Header-like blocks separated by empty lines (RFC 3464 §2.1), with continuation lines joined. */
function readBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let lastName = '';
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      if (current) blocks.push(current);
      current = null;
      continue;
    }
    if ((line[0] === ' ' || line[0] === '\t') && current && lastName !== '') {
      const values = current.get(lastName)!;
      values[values.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    current ??= new Map();
    if (colon <= 0) {
      current.set(`\u0000${line}`, ['']); // mox's header reader refuses such a line; kept to fail below
      lastName = '';
      continue;
    }
    lastName = line.slice(0, colon).trim().toLowerCase();
    const values = current.get(lastName) ?? [];
    values.push(line.slice(colon + 1).trim());
    current.set(lastName, values);
  }
  if (current) blocks.push(current);
  return blocks;
}

function single(block: Block, name: string): string | undefined {
  return block.get(name)?.[0];
}

function checkBlock(block: Block): string | null {
  for (const [name, values] of block) {
    if (name.startsWith('\u0000')) return `malformed line ${JSON.stringify(name.slice(1, 60))}`;
    if (values.length !== 1) return `multiple values for ${JSON.stringify(name)}`;
  }
  return null;
}

function parseTypedAddress(value: string, utf8: boolean): { address: string } | { error: string } {
  const text = removeComments(value);
  const semicolon = text.indexOf(';');
  if (semicolon < 0) return { error: 'missing semicolon that splits address type and address' };
  const type = text.slice(0, semicolon).trim().toLowerCase();
  if (type === 'utf-8') {
    if (!utf8) return { error: 'utf-8 address type for non-utf-8 dsn' };
  } else if (type !== 'rfc822') {
    return { error: `unrecognized address type ${JSON.stringify(type)}, expected rfc822` };
  }
  const address = text.slice(semicolon + 1).trim();
  if (!utf8 && /[^\x00-\x7f]/.test(address)) return { error: 'non-ascii without utf-8 enabled' };
  const at = address.indexOf('@');
  if (at <= 0 || at === address.length - 1) return { error: 'invalid email address' };
  // RFC 6533 §3: utf-8 addresses may carry "\x{HEX}" escapes.
  const local = address.slice(0, at).replace(/\\x\{([0-9a-fA-F]{1,6})\}/g, (_m, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)));
  return { address: `${local}@${address.slice(at + 1).toLowerCase()}` };
}

export function readStrictDsn(root: MimePart): StrictDsnResult {
  if (root.contentType !== 'multipart/report') return { isDsn: false, reason: `content-type is ${JSON.stringify(root.contentType || '/')}, not multipart/report` };
  if (root.parts.length < 2) return { isDsn: false, reason: `multipart/report has ${root.parts.length} parts, at least 2 required` };
  const report = root.parts[1];
  if (report.contentType !== 'message/delivery-status' && report.contentType !== 'message/global-delivery-status') {
    return { isDsn: false, reason: `second part is ${JSON.stringify(report.contentType || '/')}, not message/delivery-status` };
  }
  const utf8 = report.contentType === 'message/global-delivery-status';
  const fail = (error: string): StrictDsnResult => ({ isDsn: true, ok: false, error });
  const blocks = readBlocks(decodeBytes(decodedBody(report), 'utf-8').text);
  if (blocks.length === 0) return fail('missing required field "Reporting-MTA"');

  const perMessage = blocks[0];
  const messageProblem = checkBlock(perMessage);
  if (messageProblem) return fail(`per-message fields: ${messageProblem}`);
  const reportingMta = single(perMessage, 'reporting-mta');
  if (reportingMta === undefined) return fail('missing required field "Reporting-MTA"');
  const mta = removeComments(reportingMta).split(';');
  if (mta.length < 2 || mta[0].trim().toLowerCase() !== 'dns') return fail(`reporting-mta ${JSON.stringify(reportingMta)}: type must be dns`);
  const arrival = single(perMessage, 'arrival-date');
  if (arrival !== undefined && parseDate(removeComments(arrival)) === null) return fail(`arrival-date ${JSON.stringify(arrival)} is not a date`);

  const recipients: StrictDsnRecipient[] = [];
  if (blocks.length < 2) return fail('missing per-recipient fields');
  for (const block of blocks.slice(1)) {
    const problem = checkBlock(block);
    if (problem) return fail(`per-recipient fields: ${problem}`);
    for (const required of ['final-recipient', 'action', 'status']) {
      if (single(block, required) === undefined) return fail(`missing required recipient field ${JSON.stringify(required)}`);
    }
    const final = parseTypedAddress(single(block, 'final-recipient')!, utf8);
    if ('error' in final) return fail(`final-recipient: ${final.error}`);
    let original = '';
    const originalField = single(block, 'original-recipient');
    if (originalField !== undefined) {
      const parsed = parseTypedAddress(originalField, utf8);
      if ('error' in parsed) return fail(`original-recipient: ${parsed.error}`);
      original = parsed.address;
    }
    const action = single(block, 'action')!.toLowerCase() as DsnAction;
    if (!ACTIONS.includes(action)) return fail(`unrecognized action ${JSON.stringify(single(block, 'action'))}`);
    let diagnostic = '';
    const diagnosticField = single(block, 'diagnostic-code');
    if (diagnosticField !== undefined) {
      const semicolon = diagnosticField.indexOf(';');
      const type = (semicolon < 0 ? diagnosticField : diagnosticField.slice(0, semicolon)).trim();
      if (type.toLowerCase() !== 'smtp') return fail(`unknown diagnostic-type ${JSON.stringify(type)}, expected smtp`);
      if (semicolon < 0) return fail('missing semicolon to separate diagnostic-type from code');
      diagnostic = diagnosticField.slice(semicolon + 1).trim();
    }
    const lastAttempt = single(block, 'last-attempt-date');
    if (lastAttempt !== undefined && parseDate(removeComments(lastAttempt)) === null) return fail(`last-attempt-date ${JSON.stringify(lastAttempt)} is not a date`);
    recipients.push({
      FinalRecipient: final.address,
      OriginalRecipient: original,
      Action: action,
      Status: single(block, 'status')!,
      DiagnosticCode: diagnostic,
      RemoteMTA: single(block, 'remote-mta') ?? '',
    });
  }
  return { isDsn: true, ok: true, dsn: { ReportingMTA: mta.slice(1).join(';').trim(), SMTPUTF8: utf8, Recipients: recipients } };
}

/**
 * SMTPCode and SMTPEnhancedCode of a DSN-sourced webhook (reference 2.3): from the Diagnostic-Code when its
 * first word is a three-digit code and a second word follows (that word gives the enhanced code when it
 * starts with "4." or "5."), else from the Status: 5.x.y gives 500, 4.x.y gives 400. [quirk] Codes of 600 and
 * above pass, as in mox.
 */
export function webhookSmtpCodes(recipient: Pick<StrictDsnRecipient, 'DiagnosticCode' | 'Status'>): { SMTPCode: number; SMTPEnhancedCode: string } {
  let code = 0;
  let short = '';
  const words = recipient.DiagnosticCode.split(' ');
  if (words.length >= 2 && /^\d{3}$/.test(words[0])) {
    code = Number(words[0]);
    if (words[1].startsWith('4.') || words[1].startsWith('5.')) short = words[1].slice(2);
  } else {
    const status = recipient.Status.trim();
    if (status.startsWith('5.') || status.startsWith('4.')) {
      code = status.startsWith('5.') ? 500 : 400;
      short = status.slice(2).split(/\s/)[0];
    }
  }
  return { SMTPCode: code, SMTPEnhancedCode: short === '' || code === 0 ? '' : `${Math.floor(code / 100)}.${short}` };
}
