// Recipients before their outcome is decided: from RFC 3464 report fields, with the text entries about the
// same recipient attached, or from the notification text alone.
import { addressKey, cleanAddress } from './address';
import type { BounceEvidence } from './bounce-evidence';
import { typedValue, type RecipientFields } from './report-fields';
import { statusClass, statusFromField } from './status-codes';
import type { TextEntry } from './text-recipients';
import type { DsnAction } from './types';

export interface Candidate {
  address: string;
  action: DsnAction;
  /** The Status field's code, "" when there is none. */
  fieldStatus: string;
  /** The Diagnostic-Code text after its type. */
  reportDiagnostic: string;
  /** The Diagnostic-Code type in lower case: "smtp", "x-postfix", "x-unix", ... */
  diagnosticType: string;
  text: TextEntry | null;
  source: 'report' | 'text' | 'header' | 'returned' | 'ses';
  /** A reply code already known (Amazon SES); otherwise it is read from the diagnostics. */
  replyCode?: number | null;
}

interface ReportCandidate extends Candidate {
  /** Every address the report gives for this recipient (final, original, actual). */
  alternates: string[];
  /** Whether Final-Recipient holds a usable address ("@host" alone does not). */
  valid: boolean;
}

const ACTIONS: readonly DsnAction[] = ['failed', 'delayed', 'delivered', 'relayed', 'expanded'];

/** RFC 3464 §2.3.3 Action, read leniently; without one, the status class decides. */
export function normalizeAction(value: string | undefined, status: string, fallback: DsnAction): DsnAction {
  const v = (value ?? '').toLowerCase().replace(/\(.*\)/, '').trim();
  const exact = ACTIONS.find((a) => a === v);
  if (exact) return exact;
  if (v.startsWith('fail')) return 'failed';
  if (v.startsWith('delay') || v === 'expired') return 'delayed';
  if (v.startsWith('deliver')) return 'delivered';
  const c = statusClass(status);
  return c === '5' ? 'failed' : c === '4' ? 'delayed' : c === '2' ? 'delivered' : fallback;
}

function reportCandidate(r: RecipientFields, evidence: BounceEvidence): ReportCandidate {
  const status = statusFromField(r.get('status') ?? '');
  const addresses = ['final-recipient', 'original-recipient', 'x-actual-recipient']
    .map((name) => r.get(name))
    .filter((v): v is string => v !== undefined)
    .map((v) => cleanAddress(typedValue(v).value));
  const usable = addresses.filter((a): a is string => a !== null);
  const diagnostic = typedValue(r.get('diagnostic-code') ?? '');
  return {
    address: usable[0] ?? '',
    alternates: usable,
    valid: usable.length > 0 && addresses[0] !== null,
    action: normalizeAction(r.get('action'), status, evidence.delayNotice ? 'delayed' : 'failed'),
    fieldStatus: status,
    reportDiagnostic: diagnostic.value,
    diagnosticType: diagnostic.type,
    text: null,
    source: 'report',
  };
}

/**
 * Report recipients with their text entries: matched by any of their addresses, else by position where the
 * report's own address is unusable (sendmail's "Final-Recipient: RFC822; @host"), or when the report and
 * the text each name exactly one recipient. A lone recipient without text still gets the general text.
 */
export function reportCandidates(reports: RecipientFields[], entries: TextEntry[], general: string, evidence: BounceEvidence): Candidate[] {
  const candidates = reports.map((r) => reportCandidate(r, evidence));
  const used = new Set<TextEntry>();
  for (const c of candidates) {
    const keys = new Set(c.alternates.map(addressKey));
    const entry = entries.find((e) => !used.has(e) && keys.has(addressKey(e.address)));
    if (entry) {
      c.text = entry;
      used.add(entry);
    }
  }
  const left = entries.filter((e) => !used.has(e));
  for (const c of candidates) {
    if (c.text || left.length === 0) continue;
    if (!c.valid || (candidates.length === 1 && left.length === 1)) {
      c.text = left.shift() ?? null;
      if (!c.valid && c.text) c.address = c.text.address;
    }
  }
  if (candidates.length === 1 && !candidates[0].text && general !== '') {
    candidates[0].text = { address: candidates[0].address, blocks: [], command: '' };
  }
  return candidates.filter((c) => c.address !== '');
}

/** Recipients found only in the notification text. */
export function textCandidates(entries: TextEntry[], evidence: BounceEvidence): Candidate[] {
  return entries.map((entry) => ({
    address: entry.address,
    action: evidence.delayNotice ? 'delayed' : 'failed',
    fieldStatus: '',
    reportDiagnostic: '',
    diagnosticType: '',
    text: entry,
    source: 'text',
  }));
}

/**
 * Recipients named only outside the notification text: by X-Failed-Recipients ("header"), or as the To of
 * the returned message ("returned"). The notification is all they have for a diagnostic.
 */
export function namedCandidates(addresses: string[], source: 'header' | 'returned', evidence: BounceEvidence, diagnostic: string): Candidate[] {
  return addresses
    .map((a) => cleanAddress(a))
    .filter((a): a is string => a !== null)
    .map((address) => ({
      address,
      action: evidence.delayNotice ? 'delayed' : 'failed',
      fieldStatus: '',
      reportDiagnostic: '',
      diagnosticType: '',
      text: { address, blocks: [diagnostic], command: '' as const },
      source,
    }));
}
