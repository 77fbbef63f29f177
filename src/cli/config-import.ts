// `postwire config import FILE [--dry-run] [--prune] [--dir DIR | --config FILE]`: makes the dynamic
// configuration match the file. The whole file is checked first; with problems nothing changes and every
// problem is listed with its path.
import { readFileSync } from 'node:fs';
import { importConfig } from '../config/transfer/import-config';
import { readConfigDocument } from '../config/transfer/read-config-document';
import { openConfigApp } from './config-app';
import { CliError, resolveDataBootstrap, type DataOptions } from './data-options';

export interface ConfigImportOptions extends DataOptions {
  dryRun?: boolean;
  prune?: boolean;
}

export async function configImport(file: string, options: ConfigImportOptions, out: NodeJS.WritableStream): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`${file}: cannot read the file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const read = readConfigDocument(text);
  if (!read.ok) throw problemsError(file, read.problems);
  const resolved = resolveDataBootstrap(options);
  // A data directory without a bootstrap file is a localserve directory, where webhooks may target this
  // machine; otherwise the bootstrap file decides, as it does for the API.
  const bootstrap = resolved.file === null ? { ...resolved, webhooks: { ...resolved.webhooks, allowPrivateTargets: true } } : resolved;
  const app = await openConfigApp(bootstrap);
  try {
    const outcome = await importConfig(read.document, app.view, app.commands, {
      prune: options.prune ?? false,
      allowPrivateTargets: bootstrap.webhooks?.allowPrivateTargets ?? false,
      dryRun: options.dryRun,
      onStep: (step) => out.write(`${step.description}\n`),
    });
    if (!outcome.ok) throw problemsError(file, outcome.problems);
    if (options.dryRun) {
      for (const step of outcome.steps) out.write(`would: ${step.description}\n`);
      out.write(outcome.steps.length === 0 ? 'nothing to change\n' : `${outcome.steps.length} change${outcome.steps.length === 1 ? '' : 's'} (dry run: nothing applied)\n`);
      return;
    }
    if (outcome.failure) {
      throw new CliError(
        `${file}: ${outcome.failure.step.description}: ${outcome.failure.error.message}\n` +
          `applied ${outcome.applied} of ${outcome.steps.length} changes; fix the problem and import again (only what still differs is applied)`,
      );
    }
    out.write(outcome.steps.length === 0 ? 'nothing to change\n' : `${outcome.applied} change${outcome.applied === 1 ? '' : 's'} applied\n`);
  } finally {
    await app.close();
  }
}

function problemsError(file: string, problems: string[]): CliError {
  return new CliError(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}, nothing was changed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}
