// Reads an export file: YAML syntax, then the document's shape, each problem with its path in the file.
import Ajv2020 from 'ajv/dist/2020';
import { parseDocument } from 'yaml';
import { schemaProblems } from '../schema-problems';
import { configDocumentSchema, type ConfigDocument } from './config-document';

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(configDocumentSchema);

export type ReadResult = { ok: true; document: ConfigDocument } | { ok: false; problems: string[] };

export function readConfigDocument(text: string): ReadResult {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false, problems: doc.errors.map((e) => `YAML syntax: ${e.message.split('\n')[0]}`) };
  const value = (doc.toJS() ?? {}) as unknown;
  if (!validate(value)) return { ok: false, problems: schemaProblems(validate.errors) };
  const document = value as Partial<ConfigDocument>;
  const read: ConfigDocument = { domains: document.domains ?? {}, accounts: document.accounts ?? {} };
  // `holdRules:` with nothing after it lists no rules; no `holdRules` at all leaves them as they are.
  if (document.holdRules !== undefined) read.holdRules = document.holdRules ?? [];
  return { ok: true, document: read };
}
