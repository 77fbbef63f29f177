// Ajv's findings in the words a person fixing the file needs, each starting with the field's path, so the
// bootstrap file and the configuration export file report their problems alike.
import type { ErrorObject } from 'ajv';
import { fieldPath } from './field-path';

/** A JSON pointer (`/listeners/public/ips/0`) as path segments, array indexes as numbers. */
function segmentsOf(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function schemaProblems(errors: readonly ErrorObject[] | null | undefined): string[] {
  const problems = (errors ?? [])
    // oneOf's own summary repeats what its branches said.
    .filter((e) => e.keyword !== 'oneOf')
    .map((e) => {
      const path = fieldPath(segmentsOf(e.instancePath));
      if (e.keyword === 'additionalProperties') return `${path}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
      if (e.keyword === 'required') return `${path}: missing field "${(e.params as { missingProperty: string }).missingProperty}"`;
      if (e.keyword === 'enum') return `${path}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
      if (e.keyword === 'type') return `${path}: must be ${[(e.params as { type: string | string[] }).type].flat().join(' or ')}`;
      if (e.keyword === 'minProperties') {
        const limit = (e.params as { limit: number }).limit;
        return `${path}: must have at least ${limit} ${limit === 1 ? 'entry' : 'entries'}`;
      }
      return `${path}: ${e.message}`;
    });
  return [...new Set(problems)];
}
