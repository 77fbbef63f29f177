// The committed types in src/api/generated/ are what scripts/generate-api.mjs makes from openapi/, and
// `--check` notices when they are not.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { findSpecDirectory } from '../../src/api/spec';

const root = dirname(findSpecDirectory());
const script = join(root, 'scripts/generate-api.mjs');

function run(...args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
}

test('the committed generated types are up to date with openapi/', () => {
  const result = run('--check');
  assert.equal(result.status, 0, result.stderr);
});

test('--check names the stale file and exits 1', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'postwire-generate-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));

  const generated = run('--out', dir);
  assert.equal(generated.status, 0, generated.stderr);
  assert.ok(existsSync(join(dir, '.stamp')), 'no .stamp written');
  const webapi = readFileSync(join(dir, 'webapi.ts'), 'utf8');
  assert.match(webapi, /^\/\/ Generated from openapi\/webapi\.yaml by scripts\/generate-api\.mjs .*Do not edit/);
  assert.match(webapi, /"\/webapi\/v0\/Send": \{/);
  assert.match(readFileSync(join(dir, 'adminapi.ts'), 'utf8'), /"\/adminapi\/v0\/QueueDrop": \{/);
  assert.equal(run('--check', '--out', dir).status, 0);

  writeFileSync(join(dir, 'adminapi.ts'), `${readFileSync(join(dir, 'adminapi.ts'), 'utf8')}\n// edited by hand\n`);
  const stale = run('--check', '--out', dir);
  assert.equal(stale.status, 1);
  assert.match(stale.stderr, /adminapi\.ts is stale/);
  assert.doesNotMatch(stale.stderr, /webapi\.ts is stale/);
});

test('--check reports a missing file as stale', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'postwire-generate-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const result = run('--check', '--out', dir);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /webapi\.ts is stale/);
  assert.match(result.stderr, /adminapi\.ts is stale/);
  assert.equal(existsSync(join(dir, '.stamp')), false, '--check must write nothing');
});
