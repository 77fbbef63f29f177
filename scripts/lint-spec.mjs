#!/usr/bin/env node
// Lints the OpenAPI documents with Redocly CLI and the rules in redocly.yaml. Fails (exit 1) on any
// problem, warnings included: Redocly itself exits 0 on warnings, so the JSON report is counted here.
//
//   node scripts/lint-spec.mjs              lint openapi/webapi.yaml and openapi/adminapi.yaml
//   node scripts/lint-spec.mjs FILE...      lint other files (tests)
//
// Works offline: telemetry and the update check are turned off.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const files = process.argv.slice(2);
const targets = files.length > 0 ? files : [join(root, 'openapi/webapi.yaml'), join(root, 'openapi/adminapi.yaml')];

const result = spawnSync(
  process.execPath,
  [join(root, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', ...targets, '--config', join(root, 'redocly.yaml'), '--format', 'json', '--max-problems', '1000'],
  {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  },
);

// One pretty-printed JSON report per file, concatenated ("...\n}{\n..."): only a top-level object closes
// with "}" at the start of a line (nested ones are indented, and JSON strings hold no raw newlines).
let reports;
try {
  reports = result.stdout.trim().split(/\n\}\s*\{\n/).map((part, i, all) =>
    JSON.parse((i > 0 ? '{\n' : '') + part + (i < all.length - 1 ? '\n}' : '')),
  );
} catch {
  // Redocly could not produce a report (unreadable file, bad config): show what it said.
  process.stderr.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  process.stderr.write(`lint-spec: redocly did not produce a report (exit ${result.status})\n`);
  process.exit(1);
}

const problems = reports.flatMap((r) => r.problems);
const errors = reports.reduce((n, r) => n + r.totals.errors, 0);
const warnings = reports.reduce((n, r) => n + r.totals.warnings, 0);
for (const problem of problems) {
  const where = problem.location?.[0];
  const position = where?.start ? `${where.start.line}:${where.start.col}` : where?.pointer ?? '';
  process.stdout.write(`${where?.source?.ref ?? '?'}:${position} ${problem.severity} ${problem.ruleId}: ${problem.message}\n`);
}
if (reports.length !== targets.length) {
  process.stderr.write(result.stderr ?? '');
  process.stdout.write(`lint-spec: expected ${targets.length} report(s), got ${reports.length}\n`);
  process.exit(1);
}
if (errors + warnings > 0 || result.status !== 0) {
  process.stdout.write(`lint-spec: ${errors} error(s), ${warnings} warning(s)\n`);
  process.exit(1);
}
process.stdout.write(`lint-spec: ${targets.length} file(s), no problems\n`);
