#!/usr/bin/env node
// Brings a checkout up to date before anything runs: installs packages when package-lock.json changed,
// regenerates the API types when openapi/ changed, and compiles when any TypeScript source is newer than
// the last build (the server with tsconfig.json, the pages' browser code in web/ with build-web.mjs).
// Prints nothing when there is nothing to do, so `npm run --silent cli` stays clean.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const quiet = process.argv.includes('--quiet');
const say = (msg) => { if (!quiet) process.stderr.write(`${msg}\n`); };

function newest(dir, accept) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) t = Math.max(t, newest(p, accept));
    else if (accept(entry.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);
function run(cmd, args) {
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] });
}

// 1. packages
const installed = join(root, 'node_modules/.package-lock.json');
if (!existsSync(installed) || mtime(join(root, 'package-lock.json')) > mtime(installed)) {
  say('postwire: installing packages (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

// 2. types generated from the OpenAPI spec
const specNewest = newest(join(root, 'openapi'), (n) => n.endsWith('.yaml'));
const generated = join(root, 'src/api/generated');
const genStamp = join(generated, '.stamp');
if (specNewest > 0 && specNewest > mtime(genStamp) && existsSync(join(root, 'scripts/generate-api.mjs'))) {
  say('postwire: generating API types from openapi/');
  run(process.execPath, ['scripts/generate-api.mjs']);
  // The example app's client types are generated from the same spec, as an app would do it.
  const example = join(root, 'examples/signup-mailer/generate-client.mjs');
  if (existsSync(example)) run(process.execPath, [example]);
}

// 3. compile
const stamp = join(root, 'dist/.build-stamp');
const srcNewest = Math.max(
  ...['src', 'projections', 'test', 'bench', 'examples'].map((d) => newest(join(root, d), (n) => n.endsWith('.ts') || n.endsWith('.json'))),
  mtime(join(root, 'tsconfig.json')),
);
if (srcNewest > mtime(stamp)) {
  say('postwire: compiling');
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  } catch {
    process.stderr.write('postwire: the TypeScript build failed (errors above)\n');
    process.exit(1);
  }
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
}

// 4. the browser code of the admin and account pages (web/, its own tsconfig: ES modules for browsers)
try {
  execFileSync(process.execPath, [join(root, 'scripts/build-web.mjs'), ...(quiet ? ['--quiet'] : [])], { cwd: root, stdio: 'inherit' });
} catch {
  process.exit(1);
}
