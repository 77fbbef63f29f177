// GET /<api>/v0/<Method>: what the method does, an example request and response from the spec, and a
// form that calls it (mox's method page). The request JSON is posted as the form field `request`; for a
// JSON answer a small script shows the response on the page, for bytes (MessageRawGet, MessagePartGet)
// the form simply posts and the browser shows what comes back.
import type { ApiOperation } from '../../spec';
import { escapeHtml, markdown, prettyJson, type Page } from './html';

/** One script for every method page, so the Content-Security-Policy can name it by hash. */
const CALL_SCRIPT = `
const form = document.getElementById('call');
form.addEventListener('submit', async (event) => {
  const request = document.getElementById('request');
  try {
    JSON.parse(request.value);
  } catch (err) {
    event.preventDefault();
    window.alert('The request is not valid JSON: ' + err.message);
    return;
  }
  if (form.dataset.bytes === 'true') return;
  event.preventDefault();
  const status = document.getElementById('status');
  const response = document.getElementById('response');
  const fieldset = form.querySelector('fieldset');
  const body = new FormData();
  body.append('request', request.value);
  fieldset.disabled = true;
  status.textContent = 'Calling...';
  try {
    const answer = await fetch(window.location.pathname, { method: 'POST', body });
    const text = await answer.text();
    status.textContent = 'HTTP ' + answer.status + ' ' + answer.statusText + (answer.headers.get('X-Request-ID') ? ', request ID ' + answer.headers.get('X-Request-ID') : '');
    try {
      response.value = JSON.stringify(JSON.parse(text), null, '\\t');
    } catch (err) {
      response.value = text;
    }
  } catch (err) {
    status.textContent = 'Error: ' + err.message;
  } finally {
    fieldset.disabled = false;
  }
});
`;

export function methodPage(title: string, op: ApiOperation): Page {
  const bytes = op.responseContentType !== 'application/json';
  const request = op.requestExamples[0]?.value ?? {};
  const response = op.responseExamples[0]?.value;
  const shownResponse = bytes
    ? `<p>The method answers with the bytes themselves (<code>${escapeHtml(op.responseContentType)}</code>), shown by the browser.</p>${
        typeof response === 'string' ? `<p>Example:</p><pre>${escapeHtml(response)}</pre>` : ''
      }`
    : `<p id="status" class="muted">Example response:</p>
<textarea id="response" rows="16" readonly>${escapeHtml(response === undefined ? '' : prettyJson(response))}</textarea>`;
  const body = `<h1><a href="./">${escapeHtml(title)}</a> - Method ${escapeHtml(op.method)}</h1>
<p><strong>${escapeHtml(op.summary)}</strong></p>
${markdown(op.description)}
<p><a href="../docs#method-${escapeHtml(op.method)}">Fields and types of the request and response</a></p>
<h2>Call ${escapeHtml(op.method)}</h2>
<form id="call" method="POST" data-bytes="${bytes}">
<fieldset>
<p><label for="request">Request JSON</label></p>
<textarea id="request" name="request" rows="16" required>${escapeHtml(prettyJson(request))}</textarea>
<div><button type="reset">Reset</button><button type="submit">Call</button></div>
</fieldset>
</form>
${shownResponse}
<h2>With curl</h2>
<pre>curl --user "$LOGIN:$PASSWORD" -H 'Content-Type: application/json' \\
  --data-binary ${escapeHtml(shellQuote(JSON.stringify(request)))} \\
  "$BASE_URL${escapeHtml(op.path)}"</pre>
`;
  return { title: `${op.method} - ${title}`, body, scripts: [CALL_SCRIPT] };
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
