// Routing under /webapi/ and /adminapi/ over real HTTP, as mox's server test checks it (reference 10.1),
// plus the pages, the served specs, X-Request-ID and listeners with an API switched off.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadSpecs } from '../../../src/api/spec';
import type { TestNode } from '../../support/test-node';
import { basic, startApiTestNode } from './support/api-test-node';
import { ADMIN_PASSWORD } from './support/test-authenticator';

const specs = loadSpecs();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let node: TestNode;
before(async () => {
  node = await startApiTestNode();
});
after(() => node.stop());

const request = (path: string, init: RequestInit = {}) => fetch(`${node.url}${path}`, { redirect: 'manual', ...init });

for (const api of ['webapi', 'adminapi'] as const) {
  const method = api === 'webapi' ? 'Send' : 'HoldRuleList';
  const cases: [string, { method: string; path: string; status: number; type?: RegExp; location?: string }][] = [
    ['GET / redirects to v0/', { method: 'GET', path: `/${api}/`, status: 303, location: `/${api}/v0/` }],
    ['GET without the slash redirects too', { method: 'GET', path: `/${api}`, status: 303, location: `/${api}/v0/` }],
    ['POST / is not allowed', { method: 'POST', path: `/${api}/`, status: 405 }],
    ['GET v0/ is the index', { method: 'GET', path: `/${api}/v0/`, status: 200, type: /^text\/html; charset=utf-8$/ }],
    ['POST v0/ is the index too', { method: 'POST', path: `/${api}/v0/`, status: 200, type: /^text\/html/ }],
    ['another path is not found', { method: 'GET', path: `/${api}/other/`, status: 404, type: /^text\/plain/ }],
    ['v0 without the slash is not found', { method: 'GET', path: `/${api}/v0`, status: 404 }],
    ['a method page', { method: 'GET', path: `/${api}/v0/${method}`, status: 200, type: /^text\/html/ }],
    ['a method page with a query', { method: 'GET', path: `/${api}/v0/${method}?x=1`, status: 200, type: /^text\/html/ }],
    ['an unknown method', { method: 'GET', path: `/${api}/v0/Bogus`, status: 404, type: /^text\/plain/ }],
    ['a method name in another case', { method: 'GET', path: `/${api}/v0/${method.toLowerCase()}`, status: 404 }],
    ['below a method', { method: 'GET', path: `/${api}/v0/${method}/x`, status: 404 }],
    ['PUT on a method', { method: 'PUT', path: `/${api}/v0/${method}`, status: 405 }],
    ['DELETE on a method', { method: 'DELETE', path: `/${api}/v0/${method}`, status: 405 }],
    ['POST on a method without credentials', { method: 'POST', path: `/${api}/v0/${method}`, status: 401 }],
    ['POST to an unknown method, even without credentials', { method: 'POST', path: `/${api}/v0/Bogus`, status: 404 }],
    ['the spec', { method: 'GET', path: `/${api}/openapi.yaml`, status: 200, type: /^application\/yaml/ }],
    ['POST to the spec', { method: 'POST', path: `/${api}/openapi.yaml`, status: 405 }],
    ['the reference page', { method: 'GET', path: `/${api}/docs`, status: 200, type: /^text\/html/ }],
  ];
  for (const [name, want] of cases) {
    test(`${api}: ${name}: ${want.method} ${want.path} -> ${want.status}`, async () => {
      const res = await request(want.path, { method: want.method });
      await res.arrayBuffer();
      assert.equal(res.status, want.status);
      if (want.type) assert.match(res.headers.get('content-type') ?? '', want.type);
      if (want.location) assert.equal(res.headers.get('location'), want.location);
      assert.match(res.headers.get('x-request-id') ?? '', UUID);
    });
  }
}

test('mox: GET /webapi/v0/MessageRawGet is a page too', async () => {
  const res = await request('/webapi/v0/MessageRawGet');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /data-bytes="true"/, 'the form posts directly for bytes');
  assert.doesNotMatch(html, /id="response"/);
});

test('405 answers name the allowed methods (RFC 9110 §15.5.6)', async () => {
  assert.equal((await request('/webapi/', { method: 'POST' })).headers.get('allow'), 'GET');
  assert.equal((await request('/webapi/v0/Send', { method: 'PATCH' })).headers.get('allow'), 'GET, POST');
});

test('an unknown method is named in the 404', async () => {
  const res = await request('/webapi/v0/Sned', { method: 'POST' });
  assert.equal(await res.text(), '404 - unknown method "Sned"; /webapi/v0/ lists the methods\n');
});

for (const api of ['webapi', 'adminapi'] as const) {
  test(`${api}: the index lists every method of the spec, linked to its page`, async () => {
    const html = await (await request(`/${api}/v0/`)).text();
    const methods = specs.operations.filter((op) => op.api === api).map((op) => op.method);
    assert.ok(methods.length > 10);
    for (const method of methods) assert.ok(html.includes(`<a href="${method}">${method}</a>`), `${method} missing`);
    assert.ok(html.includes('href="../docs"') && html.includes('href="../openapi.yaml"'));
  });

  test(`${api}: the spec is served as it is on disk`, async () => {
    const res = await request(`/${api}/openapi.yaml`);
    const { readFileSync } = await import('node:fs');
    assert.equal(await res.text(), readFileSync(`${specs.directory}/${api}.yaml`, 'utf8'));
  });

  test(`${api}: the reference page has every method, every schema and no remote resources`, async () => {
    const res = await request(`/${api}/docs`);
    const html = await res.text();
    for (const op of specs.operations.filter((o) => o.api === api)) assert.ok(html.includes(`id="method-${op.method}"`), op.method);
    for (const name of Object.keys(specs.documents[api].components.schemas)) assert.ok(html.includes(`id="schema-${name}"`), name);
    assert.doesNotMatch(html, /<script|src="http|href="http[^"]*\.(css|js)"/);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'; style-src 'sha256-[^']+'; script-src 'none'/);
  });
}

test('webapi: the reference page renders the descriptions and the webhooks', async () => {
  const html = await (await request('/webapi/docs')).text();
  assert.ok(html.includes('id="webhook-outgoing"') && html.includes('id="webhook-incoming"'));
  assert.ok(html.includes('<code>POST /webapi/v0/Send</code>'));
  // Markdown in descriptions: lists and code.
  assert.match(html, /<li><code>protocol<\/code>: /);
  // A field table links a named schema.
  assert.match(html, /<a href="#schema-NameAddress">NameAddress<\/a>/);
});

test('a method page shows the spec example request and response and a form posting field "request"', async () => {
  const res = await request('/webapi/v0/SuppressionPresent');
  const html = await res.text();
  const op = specs.operations.find((o) => o.api === 'webapi' && o.method === 'SuppressionPresent')!;
  assert.ok(html.includes('<form id="call" method="POST" data-bytes="false">'));
  assert.ok(html.includes('<textarea id="request" name="request"'));
  assert.ok(html.includes(JSON.stringify(op.requestExamples[0].value, null, '\t').replace(/"/g, '&quot;')), 'example request');
  assert.ok(html.includes(JSON.stringify(op.responseExamples[0].value, null, '\t').replace(/"/g, '&quot;')), 'example response');
  assert.ok(html.includes(op.summary));
  // Its one inline script is allowed by hash, nothing else.
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256').update(script).digest('base64');
  assert.ok(res.headers.get('content-security-policy')!.includes(`script-src 'sha256-${hash}'`));
});

test('pages need no credentials, and a wrong login does not matter to them', async () => {
  const res = await request('/adminapi/v0/QueueList', { headers: { authorization: basic('admin', 'wrong') } });
  assert.equal(res.status, 200);
});

test('every answer has its own X-Request-ID', async () => {
  const ids = new Set<string>();
  for (let i = 0; i < 3; i++) ids.add((await request('/webapi/v0/')).headers.get('x-request-id')!);
  const call = await request('/adminapi/v0/HoldRuleList', { method: 'POST', headers: { authorization: basic('admin', ADMIN_PASSWORD), 'content-type': 'application/json' }, body: '{}' });
  assert.equal(call.status, 200);
  ids.add(call.headers.get('x-request-id')!);
  assert.equal(ids.size, 4);
});

describe('a listener with the APIs switched off', () => {
  let off: TestNode;
  before(async () => {
    off = await startApiTestNode({ listen: { webapi: false, adminapi: true } });
  });
  after(() => off.stop());

  const paths = ['/webapi', '/webapi/', '/webapi/v0/', '/webapi/v0/Send', '/webapi/openapi.yaml', '/webapi/docs', '/webapi/other'];
  for (const path of paths) {
    test(`answers 404 for ${path}`, async () => {
      for (const method of ['GET', 'POST']) {
        const res = await fetch(`${off.url}${path}`, { method, redirect: 'manual', headers: { authorization: basic('mjl@mox.example', 'test1234') } });
        assert.equal(res.status, 404, `${method} ${path}`);
      }
    });
  }

  test('while the other API still answers', async () => {
    assert.equal((await fetch(`${off.url}/adminapi/v0/`)).status, 200);
  });
});
