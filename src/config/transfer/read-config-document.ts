// Reads an export file: YAML syntax, then the document's shape, each problem with its path in the file.
import Ajv2020 from 'ajv/dist/2020';
import { parseDocument } from 'yaml';
import { configDocumentSchema, type ConfigDocument } from './config-document';

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(configDocumentSchema);

export type ReadResult = { ok: true; document: ConfigDocument } | { ok: false; problems: string[] };

/** `domains["example.org"].dkimKeys[0]`: field paths as a JavaScript expression, names with dots quoted. */
export function fieldPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out || '(top level)';
}

export function readConfigDocument(text: string): ReadResult {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false, problems: doc.errors.map((e) => `YAML syntax: ${e.message.split('\n')[0]}`) };
  const value = (doc.toJS() ?? {}) as unknown;
  if (!validate(value)) {
    const problems = (validate.errors ?? [])
      // oneOf's own summary repeats what its branches said.
      .filter((e) => e.keyword !== 'oneOf')
      .map((e) => {
        const segments = e.instancePath
          .split('/')
          .slice(1)
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
          .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        const path = fieldPath(segments);
        if (e.keyword === 'additionalProperties') return `${path}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
        if (e.keyword === 'required') return `${path}: missing field "${(e.params as { missingProperty: string }).missingProperty}"`;
        if (e.keyword === 'enum') return `${path}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
        return `${path}: ${e.message}`;
      });
    return { ok: false, problems: [...new Set(problems)] };
  }
  const document = value as Partial<ConfigDocument>;
  return { ok: true, document: { domains: document.domains ?? {}, accounts: document.accounts ?? {} } };
}
