// GET /<api>/docs: the whole spec as one reference page, rendered here from the OpenAPI document (no
// viewer script, nothing fetched from elsewhere): the introduction, each method with its request and
// response fields and examples, the webhooks Postwire sends, and every named schema.
import type { ApiOperation, ApiSpecs, JsonSchema, NamedExample, OpenApiDocument, WebhookSpec } from '../../spec';
import type { ApiName } from '../../api-method';
import { escapeHtml, inline, markdown, prettyJson, type Page } from './html';
import { byTag } from './index-page';
import { refName, schemaAnchor, schemaHtml, typeHtml } from './schema-html';

export function docsPage(api: ApiName, specs: ApiSpecs): Page {
  const doc = specs.documents[api];
  const operations = specs.operations.filter((op) => op.api === api);
  const webhooks = api === 'webapi' ? specs.webhooks : [];
  const groups = byTag(doc, operations);
  const schemas = Object.entries(doc.components.schemas);
  const contents = `<ul>
${groups.map(([tag, ops]) => `<li>${escapeHtml(tag)}: ${ops.map((op) => `<a href="#method-${escapeHtml(op.method)}">${escapeHtml(op.method)}</a>`).join(', ')}</li>`).join('\n')}
${webhooks.length > 0 ? `<li><a href="#webhooks">Webhooks</a>: ${webhooks.map((w) => `<a href="#webhook-${escapeHtml(w.name)}">${escapeHtml(w.name)}</a>`).join(', ')}</li>` : ''}
<li><a href="#schemas">Schemas</a> (${schemas.length})</li>
</ul>`;
  const body = `<h1>${escapeHtml(doc.info.title)} <span class="muted">version ${escapeHtml(doc.info.version)}</span></h1>
<p><a href="v0/">Methods with forms to try them</a> · <a href="openapi.yaml">openapi.yaml</a> (OpenAPI ${escapeHtml(doc.openapi)})</p>
${markdown(doc.info.description ?? '')}
<h2 id="contents">Contents</h2>
${contents}
<h2 id="methods">Methods</h2>
${groups.map(([tag, ops]) => `<h2>${escapeHtml(tag)}</h2>\n${ops.map((op) => methodSection(doc, op)).join('\n')}`).join('\n')}
${webhooks.length > 0 ? `<h2 id="webhooks">Webhooks</h2>\n${webhooks.map((w) => webhookSection(doc, w)).join('\n')}` : ''}
<h2 id="schemas">Schemas</h2>
${schemas.map(([name, schema]) => `<section id="${schemaAnchor(escapeHtml(name))}"><h3>${escapeHtml(name)}</h3>\n${schemaHtml(schema)}</section>`).join('\n')}
`;
  return { title: `${doc.info.title} reference`, body };
}

function methodSection(doc: OpenApiDocument, op: ApiOperation): string {
  const bytes = op.responseContentType !== 'application/json';
  return `<section class="method" id="method-${escapeHtml(op.method)}">
<h3>${escapeHtml(op.method)}</h3>
<p><code>POST ${escapeHtml(op.path)}</code> · <a href="v0/${escapeHtml(op.method)}">try it</a></p>
<p><strong>${inline(op.summary)}</strong></p>
${markdown(op.description)}
<h4>Request</h4>
${bodySchema(doc, op.requestSchema)}
${examples(op.requestExamples, 'request')}
<h4>Response</h4>
${bytes ? `<p>The bytes themselves, <code>${escapeHtml(op.responseContentType)}</code>.</p>` : bodySchema(doc, op.responseSchema)}
${examples(op.responseExamples, 'response')}
</section>`;
}

function webhookSection(doc: OpenApiDocument, hook: WebhookSpec): string {
  return `<section class="method" id="webhook-${escapeHtml(hook.name)}">
<h3>${escapeHtml(hook.name)}</h3>
<p><strong>${inline(hook.summary)}</strong></p>
${markdown(hook.description)}
<h4>Payload</h4>
${bodySchema(doc, hook.schema)}
${examples(hook.examples, 'payload')}
</section>`;
}

/** A request or response body: the named schema's link and its fields. */
function bodySchema(doc: OpenApiDocument, schema: JsonSchema): string {
  const name = refName(schema);
  if (!name) return schemaHtml(schema);
  return `<p class="muted">${typeHtml(schema)}</p>\n${schemaHtml(doc.components.schemas[name])}`;
}

function examples(list: NamedExample[], what: string): string {
  return list
    .map((e) => {
      const shown = typeof e.value === 'string' ? e.value : prettyJson(e.value);
      return `<details><summary>Example ${what}: ${escapeHtml(e.summary ?? e.name)}</summary><pre>${escapeHtml(shown)}</pre></details>`;
    })
    .join('\n');
}
