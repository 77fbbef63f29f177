// Redocly's recommended rules pass on both OpenAPI documents, and scripts/lint-spec.mjs fails on a
// warning, not only on errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { findSpecDirectory } from '../../src/api/spec';

const specDir = findSpecDirectory();
const root = dirname(specDir);

function lint(...files: string[]) {
  return spawnSync(process.execPath, [join(root, 'scripts/lint-spec.mjs'), ...files], { cwd: root, encoding: 'utf8', timeout: 120_000 });
}

test('openapi/webapi.yaml and openapi/adminapi.yaml lint without problems', () => {
  const result = lint();
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /2 file\(s\), no problems/);
});

test('an example that does not match its schema fails the lint, with file, line and rule', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'postwire-lint-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const original = readFileSync(join(specDir, 'webapi.yaml'), 'utf8');
  const broken = original.replace('                    Present: true\n', '                    Present: "yes"\n');
  assert.notEqual(broken, original, 'the SuppressionPresent example was not found');
  const file = join(dir, 'webapi.yaml');
  writeFileSync(file, broken);

  const result = lint(file);
  assert.equal(result.status, 1, result.stdout);
  assert.match(result.stdout, /webapi\.yaml:\d+:\d+ warn no-invalid-media-type-examples: .*Present/);
  assert.match(result.stdout, /0 error\(s\), 1 warning\(s\)/);
});
