// The real bounce corpus (BOUNCE_CORPUS, e.g. shared/corpus/bounces; see its README): every file in
// expected.json must give the expected Bounce flag and, per recipient in order, the address, action, status
// (only the class when the expected code does not occur in the message), SMTP code (when it occurs in the
// message) and Permanent. The corpus files are read from there, never copied into the repository.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeBounce } from '../../src/dsn';

interface ExpectedRecipient {
  address: string;
  action: string;
  status: string;
  status_in_message: boolean;
  smtp_code: number | null;
  smtp_code_in_message: boolean;
  permanent: boolean;
  reason: string;
}
interface ExpectedFile {
  file: string;
  kind: string;
  is_bounce: boolean;
  recipients: ExpectedRecipient[];
}

// An expected address that the message never contains as a whole address cannot be right; such rows are
// reported apart (apachejames-01 expects 11 zeros where the bounce has 12).
function occursAsAddress(content: Buffer, address: string): boolean {
  const escaped = address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9._%+-])${escaped}(?![A-Za-z0-9-])`, 'i').test(content.toString('latin1'));
}

function mismatches(expected: ExpectedFile, content: Buffer, contradicted: string[]): string[] {
  const got = analyzeBounce(content);
  const out: string[] = [];
  if (got.Bounce !== expected.is_bounce) out.push(`Bounce ${got.Bounce}, want ${expected.is_bounce}`);
  if (got.Recipients.length !== expected.recipients.length) {
    out.push(`${got.Recipients.length} recipients (${got.Recipients.map((r) => r.Address).join(', ')}), want ${expected.recipients.length}`);
  }
  expected.recipients.forEach((want, i) => {
    const r = got.Recipients[i];
    if (!r) return;
    if (r.Address.toLowerCase() !== want.address.toLowerCase()) {
      const note = `#${i} address ${r.Address}, want ${want.address}`;
      if (occursAsAddress(content, want.address)) out.push(note);
      else contradicted.push(`${expected.file} ${note} (the message has no such address)`);
    }
    if (r.Action !== want.action) out.push(`#${i} action ${r.Action}, want ${want.action}`);
    if (want.status_in_message ? r.Status !== want.status : r.Status[0] !== want.status[0]) {
      out.push(`#${i} status ${r.Status}, want ${want.status_in_message ? want.status : `class ${want.status[0]}`}`);
    }
    if (want.smtp_code_in_message && r.SMTPCode !== want.smtp_code) out.push(`#${i} SMTP code ${r.SMTPCode}, want ${want.smtp_code}`);
    if (r.Permanent !== want.permanent) out.push(`#${i} permanent ${r.Permanent} (reason ${r.Reason}), want ${want.permanent} (${want.reason})`);
  });
  return out;
}

const corpus = process.env.BOUNCE_CORPUS;

describe('bounce corpus', () => {
  if (!corpus) {
    it.skip('skipped: BOUNCE_CORPUS is unset', () => {});
    return;
  }
  it('parses every file as expected.json says', (t) => {
    const manifest = join(corpus, 'expected.json');
    assert.ok(existsSync(manifest), `${manifest} does not exist`);
    const expected = JSON.parse(readFileSync(manifest, 'utf8')) as ExpectedFile[];
    const table: string[] = [];
    const contradicted: string[] = [];
    let right = 0;
    for (const file of expected) {
      const before = contradicted.length;
      const problems = mismatches(file, readFileSync(join(corpus, file.file)), contradicted);
      if (problems.length === 0 && contradicted.length === before) right++;
      else if (problems.length > 0) table.push(`  ${file.file.padEnd(28)} ${problems.join('; ')}`);
    }
    t.diagnostic(`${right}/${expected.length} files fully right`);
    for (const note of contradicted) t.diagnostic(`expected value contradicted by the message: ${note}`);
    assert.equal(table.length, 0, `${right}/${expected.length} files fully right; mismatches:\n${table.join('\n')}`);
  });
});
