// The real bounces of BOUNCE_CORPUS (its README: expected.json describes each file) that the end-to-end
// test sends back to a fromid address: one of each kind the webhooks tell apart, picked by what
// expected.json says rather than by file name, so the choice follows the corpus.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusRecipient {
  address: string;
  action: string;
  status: string;
  status_in_message: boolean;
  smtp_code: number | null;
  smtp_code_in_message: boolean;
  permanent: boolean;
}

export interface CorpusFile {
  file: string;
  mta: string;
  kind: string;
  recipients: CorpusRecipient[];
}

export interface ChosenBounce {
  /** What the pick stands for, for the test name. */
  role: string;
  entry: CorpusFile;
  path: string;
}

/** A hard bounce quoting 550 with an x.1.1 status, a delay notice, and an auto-reply (not a bounce). */
export function chooseBounces(corpus: string): ChosenBounce[] {
  const manifest = join(corpus, 'expected.json');
  if (!existsSync(manifest)) throw new Error(`BOUNCE_CORPUS=${corpus} has no expected.json`);
  const entries = JSON.parse(readFileSync(manifest, 'utf8')) as CorpusFile[];
  const picks: [string, (e: CorpusFile) => boolean][] = [
    [
      'a hard bounce (550, x.1.1)',
      (e) => e.kind === 'bounce' && e.recipients.length === 1 && e.recipients[0].action === 'failed' && e.recipients[0].smtp_code === 550 && e.recipients[0].smtp_code_in_message && e.recipients[0].status_in_message && /^5\.1\.1$/.test(e.recipients[0].status),
    ],
    ['a delay notice', (e) => e.kind === 'delay' && e.recipients.length === 1 && e.recipients[0].status_in_message],
    ['an auto-reply', (e) => e.kind === 'auto-reply'],
  ];
  return picks.map(([role, match]) => {
    const entry = entries.find(match);
    if (!entry) throw new Error(`BOUNCE_CORPUS has no ${role}`);
    return { role, entry, path: join(corpus, entry.file) };
  });
}
