#!/usr/bin/env node
// Generates the types of the Postwire webapi client from the published spec, as any application would:
//
//   node examples/signup-mailer/generate-client.mjs           writes generated/webapi.d.ts
//   node examples/signup-mailer/generate-client.mjs --check   writes nothing; exits 1 when the file is stale
//
// It is the same as `npx openapi-typescript ../../openapi/webapi.yaml -o generated/webapi.d.ts` run in this
// folder. The types are all the client needs: openapi-fetch makes the calls and checks them against the
// types at compile time. The file is committed, so a fresh checkout compiles without running this first.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const spec = join(here, '../../openapi/webapi.yaml');
const output = join(here, 'generated/webapi.d.ts');
const check = process.argv.includes('--check');

const header =
  '// Generated from ../../openapi/webapi.yaml by generate-client.mjs (openapi-typescript). Do not edit:\n' +
  '// run `node examples/signup-mailer/generate-client.mjs` after the spec changes.\n\n';
let text;
try {
  text = header + astToString(await openapiTS(pathToFileURL(spec), { silent: true }));
} catch (err) {
  process.stderr.write(`generate-client: ${relative(process.cwd(), spec)}: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}

const current = existsSync(output) ? readFileSync(output, 'utf8') : null;
if (check) {
  if (current !== text) {
    process.stderr.write(`generate-client: ${relative(process.cwd(), output)} is stale: run \`node examples/signup-mailer/generate-client.mjs\`\n`);
    process.exit(1);
  }
} else if (current !== text) {
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, text);
  process.stderr.write(`generate-client: wrote ${relative(process.cwd(), output)}\n`);
}
