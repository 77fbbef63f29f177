// `postwire config import`: check the whole file, plan the changes, then (unless it is a dry run) carry
// them out one command at a time. A failure stops the import; what was applied stays, and running the
// import again applies only what still differs.
import type { CommandBus } from '@nestjs/cqrs';
import type { SqlConfigView } from '../sql-config-view';
import type { ConfigDocument } from './config-document';
import { planHoldRules } from './plan-hold-rules';
import { planImport, type ImportStep } from './plan-import';
import { validateImport, type ImportOptions } from './validate-import';

export type ImportOutcome =
  | { ok: false; problems: string[] }
  | {
      ok: true;
      steps: ImportStep[];
      /** Steps carried out (all of them, unless one failed; none in a dry run). */
      applied: number;
      failure?: { step: ImportStep; error: Error };
    };

export async function importConfig(
  document: ConfigDocument,
  view: SqlConfigView,
  commands: CommandBus,
  options: ImportOptions & { dryRun?: boolean; onStep?: (step: ImportStep) => void },
): Promise<ImportOutcome> {
  const validated = validateImport(document, view, options);
  if (!validated.ok) return validated;
  const steps = [...planImport(validated.domains, validated.accounts, view, options), ...planHoldRules(validated.holdRules, view.holdRules(), options)];
  if (options.dryRun) return { ok: true, steps, applied: 0 };
  let applied = 0;
  for (const step of steps) {
    try {
      await commands.execute(step.command);
    } catch (err) {
      return { ok: true, steps, applied, failure: { step, error: err instanceof Error ? err : new Error(String(err)) } };
    }
    applied++;
    options.onStep?.(step);
  }
  return { ok: true, steps, applied };
}
