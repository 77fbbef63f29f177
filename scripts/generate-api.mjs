#!/usr/bin/env node
// Generates the TypeScript types of the HTTP APIs from their OpenAPI documents:
//   openapi/webapi.yaml   -> src/api/generated/webapi.ts
//   openapi/adminapi.yaml -> src/api/generated/adminapi.ts
// and touches src/api/generated/.stamp, which scripts/build.mjs compares with the specs' times.
//
//   node scripts/generate-api.mjs            write the files
//   node scripts/generate-api.mjs --check    write nothing; exit 1 naming each file that is stale
//   --out DIR                                 use DIR instead of src/api/generated (tests)
//
// The generated files are committed and never edited by hand; CI runs --check.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const check = args.includes('--check');
const outIndex = args.indexOf('--out');
if (outIndex >= 0 && !args[outIndex + 1]) {
  process.stderr.write('generate-api: --out needs a directory\n');
  process.exit(2);
}
const outDir = outIndex >= 0 ? args[outIndex + 1] : join(root, 'src/api/generated');

const apis = [
  { spec: 'openapi/webapi.yaml', output: 'webapi.ts' },
  { spec: 'openapi/adminapi.yaml', output: 'adminapi.ts' },
];

// arrayLength turns mox's [2]string header pairs (minItems = maxItems = 2) into [string, string];
// rootTypes exports every schema by name (`import type { SendRequest } from './generated/webapi'`).
const options = { arrayLength: true, rootTypes: true, rootTypesNoSchemaPrefix: true, silent: true };

async function generate(spec) {
  const ast = await openapiTS(pathToFileURL(join(root, spec)), options);
  const header =
    `// Generated from ${spec} by scripts/generate-api.mjs (openapi-typescript). Do not edit:\n` +
    `// change the spec and run \`node scripts/generate-api.mjs\`.\n\n`;
  return header + astToString(ast);
}

const stale = [];
for (const api of apis) {
  const file = join(outDir, api.output);
  let text;
  try {
    text = await generate(api.spec);
  } catch (err) {
    process.stderr.write(`generate-api: ${api.spec}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  }
  const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (check) {
    if (current !== text) stale.push(relative(process.cwd(), file) || file);
  } else if (current !== text) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(file, text);
  }
}

if (check) {
  if (stale.length > 0) {
    for (const file of stale) {
      process.stderr.write(`generate-api: ${file} is stale: run \`node scripts/generate-api.mjs\` and commit the result\n`);
    }
    process.exit(1);
  }
} else {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, '.stamp'), `${new Date().toISOString()}\n`);
}
