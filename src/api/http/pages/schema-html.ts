// Describes a JSON Schema of the spec for people: a type in words ("array of NameAddress", "string or
// null", "map of string to string") and a table of an object's fields. Covers the keywords the spec uses;
// anything else is left to the raw openapi.yaml.
import type { JsonSchema } from '../../spec';
import { escapeHtml, markdown } from './html';

type Schema = Record<string, any>;

const asSchema = (s: JsonSchema | undefined): Schema => (s && typeof s === 'object' ? (s as Schema) : {});

/** The name a `$ref` points to, e.g. `SendRequest`. */
export function refName(schema: JsonSchema | undefined): string | undefined {
  const ref = asSchema(schema).$ref;
  return typeof ref === 'string' && ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : undefined;
}

export const schemaAnchor = (name: string) => `schema-${name}`;

/** The type of a schema in words, as HTML with links to named schemas. */
export function typeHtml(schema: JsonSchema | undefined): string {
  const s = asSchema(schema);
  const name = refName(s);
  if (name) return `<a href="#${schemaAnchor(name)}">${escapeHtml(name)}</a>`;
  if (s.oneOf || s.anyOf) return (s.oneOf ?? s.anyOf).map((x: JsonSchema) => typeHtml(x)).join(' or ');
  if (s.const !== undefined) return `<code>${escapeHtml(JSON.stringify(s.const))}</code>`;
  if (Array.isArray(s.enum)) return `one of ${s.enum.map((v: unknown) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(', ')}`;
  const types: string[] = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length === 0) return 'any value';
  return types.map((t) => oneType(t, s)).join(' or ');
}

function oneType(type: string, s: Schema): string {
  switch (type) {
    case 'array':
      return `array of ${typeHtml(s.items)}`;
    case 'object':
      if (!s.properties && s.additionalProperties && typeof s.additionalProperties === 'object') {
        return `map of string to ${typeHtml(s.additionalProperties)}`;
      }
      return 'object';
    case 'string':
      if (s.title) return `string: ${escapeHtml(s.title)}`;
      if (s.format) return `string (${escapeHtml(s.format)})`;
      if (s.contentEncoding) return `string (${escapeHtml(s.contentEncoding)})`;
      return 'string';
    case 'integer':
    case 'number':
      return type;
    default:
      return escapeHtml(type);
  }
}

/** Limits stated by a schema, in words. */
function limits(s: Schema): string[] {
  const out: string[] = [];
  if (s.minimum !== undefined) out.push(`at least ${s.minimum}`);
  if (s.maximum !== undefined) out.push(`at most ${s.maximum}`);
  if (s.minItems !== undefined) out.push(`at least ${s.minItems} items`);
  if (s.maxItems !== undefined) out.push(`at most ${s.maxItems} items`);
  if (s.pattern && !s.title) out.push(`matches <code>${escapeHtml(s.pattern)}</code>`);
  return out;
}

/** A schema's own description and, for an object with fields, the table of its fields. */
export function schemaHtml(schema: JsonSchema | undefined): string {
  const s = asSchema(schema);
  let html = s.description ? markdown(s.description) : '';
  const props = s.properties as Record<string, JsonSchema> | undefined;
  if (!props || Object.keys(props).length === 0) {
    if (!refName(s)) html += `<p class="muted">Type: ${typeHtml(s)}${limits(s).map((l) => `, ${l}`).join('')}</p>\n`;
    return html;
  }
  const required = new Set<string>(Array.isArray(s.required) ? s.required : []);
  const rows = Object.entries(props).map(([field, sub]) => {
    const fs = asSchema(sub);
    const notes = [required.has(field) ? 'required' : '', ...limits(fs)].filter(Boolean);
    const nested = fs.properties ? schemaHtml({ ...fs, description: undefined }) : '';
    const description = fs.description ? markdown(fs.description) : '';
    return `<tr><td><code>${escapeHtml(field)}</code></td><td>${typeHtml(fs)}${notes.length ? `<br><span class="muted">${notes.join(', ')}</span>` : ''}</td><td>${description}${nested}</td></tr>`;
  });
  return `${html}<div class="scroll"><table><thead><tr><th>Field</th><th>Type</th><th>Description</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>\n`;
}
