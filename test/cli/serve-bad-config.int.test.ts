// `postwire serve` refuses a bad bootstrap file before it opens anything: a non-zero exit, and on stderr
// the file's name with every problem and its path; a missing file and a YAML syntax error say so as
// clearly.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../support/cli-process';

describe('postwire serve with a bad bootstrap file', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'postwire-bad-config-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const serveWith = (file: string) => runCli(['serve', '--config', file], { env: { POSTWIRE_CONFIG: '', EVENTSTORE_URL: '' }, timeoutMs: 60_000 });

  it('lists every problem with its path and the file name, and exits non-zero', async () => {
    const file = join(dir, 'postwire.yaml');
    writeFileSync(
      file,
      [
        'hostname: mail.example.org',
        'dataDir: ./data',
        'listenres: {}',
        'listeners:',
        '  public:',
        '    ips: [127.0.0.1]',
        '    smtp: {port: 2525}',
        '    submission: {port: 2525}',
        '    http: {port: 8080, adminapi: true}',
        '',
      ].join('\n'),
    );
    const result = await serveWith(file);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(
      result.stderr,
      [
        `postwire: ${file}: 3 problems:`,
        '  - (top level): unknown field "listenres"',
        '  - listeners.public.submission.port: 127.0.0.1:2525 is also used by listeners.public.smtp',
        '  - listeners.public.http: adminapi/adminPages need adminPasswordHash',
        '',
      ].join('\n'),
    );
    assert.equal(result.stdout, '');
    // Refused before anything was opened or created.
    assert.deepEqual(readdirSync(dir), ['postwire.yaml']);
  });

  it('says a missing file is missing, by name', async () => {
    const file = join(dir, 'nowhere.yaml');
    const result = await serveWith(file);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stderr, `postwire: ${file}: 1 problem:\n  - cannot read the file: there is no such file (ENOENT)\n`);
  });

  it('reports a YAML syntax error with its line, by file name', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'hostname: mail.example.org\nlisteners:\n  public: {ips: [127.0.0.1]\n');
    const result = await serveWith(file);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, new RegExp(`^postwire: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 1 problem:\\n {2}- YAML syntax: .* at line \\d+, column \\d+\\n$`));
    rmSync(file);
  });
});
