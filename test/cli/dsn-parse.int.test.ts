// `postwire dsn parse FILE...` on real files in a temporary directory: one JSON line per file in order, an
// unreadable file gives an Error line and exit code 1 while the others are still parsed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { dsnParseCommand } from '../../src/cli/dsn-parse';

const bounce = [
  'From: MAILER-DAEMON@mx.example',
  'To: a@sender.example',
  'Subject: Undelivered Mail Returned to Sender',
  '',
  'This is the mail system at host mx.example.',
  '',
  '<b@dest.example>: host mx.dest.example said: 550 5.1.1 <b@dest.example>: Recipient',
  '    address rejected: User unknown (in reply to RCPT TO command)',
  '',
].join('\n');

async function run(files: string[]): Promise<{ code: number; lines: Array<Record<string, unknown>> }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const code = await dsnParseCommand(files, out);
  const text = Buffer.concat(chunks).toString('utf8');
  assert.ok(text.endsWith('\n'));
  return { code, lines: text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('postwire dsn parse', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'postwire-dsn-parse-'));
    writeFileSync(join(dir, 'bounce.eml'), bounce);
    writeFileSync(join(dir, 'plain.eml'), 'From: someone@example.org\nSubject: hi\n\nhello\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one line per file with the path as given', async () => {
    const files = [join(dir, 'bounce.eml'), join(dir, 'plain.eml')];
    const { code, lines } = await run(files);
    assert.equal(code, 0);
    assert.deepEqual(lines, [
      {
        File: files[0],
        Bounce: true,
        Recipients: [{
          Address: 'b@dest.example',
          Action: 'failed',
          Status: '5.1.1',
          SMTPCode: 550,
          Diagnostic: 'host mx.dest.example said: 550 5.1.1 <b@dest.example>: Recipient address rejected: User unknown (in reply to RCPT TO command)',
          Permanent: true,
        }],
      },
      { File: files[1], Bounce: false, Recipients: [] },
    ]);
  });

  it('reports an unreadable file, exits 1 and still parses the rest', async () => {
    const missing = join(dir, 'missing.eml');
    const { code, lines } = await run([missing, dir, join(dir, 'bounce.eml')]);
    assert.equal(code, 1);
    assert.deepEqual(lines[0], { File: missing, Error: `reading ${missing}: no such file` });
    assert.deepEqual(lines[1], { File: dir, Error: `reading ${dir}: is a directory` });
    assert.equal(lines[2].Bounce, true);
  });

  it('prints nothing for no files', async () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (c: Buffer) => (written += c.toString()));
    assert.equal(await dsnParseCommand([], out), 0);
    assert.equal(written, '');
  });
});
