// GET /<api>/v0/: every method of the spec, grouped by tag, each linking to its page (mox's docs index).
import type { ApiName } from '../../api-method';
import type { ApiOperation, OpenApiDocument } from '../../spec';
import { escapeHtml, markdown, type Page } from './html';

export function indexPage(api: ApiName, doc: OpenApiDocument, operations: ApiOperation[]): Page {
  const intro = (doc.info.description ?? '').split(/\n\s*\n/)[0];
  const groups = byTag(doc, operations)
    .map(
      ([tag, ops]) =>
        `<h3>${escapeHtml(tag)}</h3>\n<ul class="methods">\n${ops
          .map((op) => `<li><a href="${escapeHtml(op.method)}">${escapeHtml(op.method)}</a> <span class="muted">${escapeHtml(op.summary)}</span></li>`)
          .join('\n')}\n</ul>`,
    )
    .join('\n');
  const body = `<h1>${escapeHtml(doc.info.title)}</h1>
${markdown(intro)}
<p><a href="../docs">Reference</a> (every method, field and error) · <a href="../openapi.yaml">openapi.yaml</a></p>
<h2>Methods</h2>
<p>Follow a link for an example request and response, and a form that calls the method. Calls need HTTP
basic authentication: ${api === 'webapi' ? 'an e-mail address of the account and its password' : 'user <code>admin</code> and the admin password'}.</p>
${groups}
`;
  return { title: doc.info.title, body };
}

/** Operations grouped by their first tag, in the order the document lists its tags. */
export function byTag(doc: OpenApiDocument, operations: ApiOperation[]): [string, ApiOperation[]][] {
  const order = ((doc.tags as { name: string }[] | undefined) ?? []).map((t) => t.name);
  const groups = new Map<string, ApiOperation[]>(order.map((name) => [name, []]));
  for (const op of operations) {
    const tag = op.tags[0] ?? 'Other';
    if (!groups.has(tag)) groups.set(tag, []);
    groups.get(tag)!.push(op);
  }
  return [...groups].filter(([, ops]) => ops.length > 0);
}
