#!/usr/bin/env node
// Builds the browser side of the admin and account pages (web/) into dist/browser/:
//   - web/**/*.ts compiled by tsc with web/tsconfig.json to ES modules (dist/browser/web/...);
//   - web/**/*.css and *.svg copied beside them;
//   - openapi-fetch's ES module copied to dist/browser/web/vendor/openapi-fetch.mjs, which the pages
//     load through an import map, so nothing comes from another origin at run time.
// Does nothing when the output is newer than every input. scripts/build.mjs runs it; the browser tests
// run it too, so they work after a plain `tsc -p tsconfig.json`.
//
//   node scripts/build-web.mjs [--quiet] [--force]
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const quiet = process.argv.includes('--quiet');
const force = process.argv.includes('--force');
const say = (msg) => { if (!quiet) process.stderr.write(`${msg}\n`); };

const webDir = join(root, 'web');
const outDir = join(root, 'dist/browser');
const stamp = join(outDir, '.build-stamp');
const vendorSource = join(root, 'node_modules/openapi-fetch/dist/index.mjs');

function files(dir, accept) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(p, accept);
    return accept(entry.name) ? [p] : [];
  });
}
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

const inputs = [
  ...files(webDir, (n) => n.endsWith('.ts') || n.endsWith('.css') || n.endsWith('.svg') || n.endsWith('.json')),
  ...files(join(root, 'src/api/generated'), (n) => n.endsWith('.ts')),
  vendorSource,
];
if (!force && Math.max(...inputs.map(mtime)) <= mtime(stamp)) process.exit(0);

if (!existsSync(vendorSource)) {
  process.stderr.write('postwire: node_modules/openapi-fetch is missing; run npm ci\n');
  process.exit(1);
}
say('postwire: compiling the web pages (web/)');
try {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(webDir, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
} catch {
  process.stderr.write('postwire: the web pages failed to compile (errors above)\n');
  process.exit(1);
}
for (const asset of files(webDir, (n) => n.endsWith('.css') || n.endsWith('.svg'))) {
  const target = join(outDir, 'web', relative(webDir, asset));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(asset, target);
}
mkdirSync(join(outDir, 'web/vendor'), { recursive: true });
// Without its source map comment: the map is not served.
writeFileSync(join(outDir, 'web/vendor/openapi-fetch.mjs'), readFileSync(vendorSource, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n'));
writeFileSync(stamp, new Date().toISOString());
