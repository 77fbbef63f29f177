// Serving the pages over HTTP, without a browser: each set of pages only on the listeners that switch it
// on, mox-style answers for other paths and verbs, the document's Content-Security-Policy matching its
// import map, every module the pages load (followed import by import) served from this origin, caching
// by ETag, and no path that leaves the asset directory.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startTestNode, type TestNode } from '../support/test-node';
import { buildWebPages } from './support/web-node';

/** A GET with the path sent exactly as given (fetch would normalise `..`). */
function rawGet(base: string, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web pages over HTTP', () => {
  let node: TestNode;
  let accountOnly: TestNode;

  before(async () => {
    buildWebPages();
    node = await startTestNode({ listen: true });
    accountOnly = await startTestNode({ listen: { adminPages: false } });
  });
  after(async () => {
    await node?.stop();
    await accountOnly?.stop();
  });

  it('serves each set of pages only where the listener switches it on', async () => {
    assert.equal((await rawGet(accountOnly.url, '/admin/')).status, 404);
    assert.equal((await rawGet(accountOnly.url, '/admin/assets/style.css')).status, 404);
    assert.equal((await rawGet(accountOnly.url, '/account/')).status, 200);
    const noPages = await startTestNode({ listen: { adminPages: false, accountPages: false } });
    try {
      assert.equal((await rawGet(noPages.url, '/account/')).status, 404);
      assert.equal((await rawGet(noPages.url, '/adminapi/v0/')).status, 200, 'the API stays');
    } finally {
      await noPages.stop();
    }
  });

  for (const [set, title] of [
    ['admin', 'Postwire admin'],
    ['account', 'Postwire account'],
  ] as const) {
    it(`/${set}/: redirects, verbs, the document and its policy`, async () => {
      const bare = await rawGet(node.url, `/${set}`);
      assert.equal(bare.status, 303);
      assert.equal(bare.headers.location, `/${set}/`);
      const post = await rawGet(node.url, `/${set}/`, 'POST');
      assert.equal(post.status, 405);
      assert.equal(post.headers.allow, 'GET, HEAD');
      assert.equal((await rawGet(node.url, `/${set}/nothing-here`)).status, 404);
      const head = await rawGet(node.url, `/${set}/`, 'HEAD');
      assert.equal(head.status, 200);
      assert.equal(head.body, '');

      const page = await rawGet(node.url, `/${set}/`);
      assert.equal(page.status, 200);
      assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(page.headers['x-content-type-options'], 'nosniff');
      assert.match(page.body, new RegExp(`<title>${title}</title>`));
      const importMap = /<script type="importmap">(.*?)<\/script>/s.exec(page.body)?.[1] ?? '';
      assert.deepEqual(JSON.parse(importMap), { imports: { 'openapi-fetch': './assets/vendor/openapi-fetch.mjs' } });
      const csp = String(page.headers['content-security-policy']);
      const hash = createHash('sha256').update(importMap).digest('base64');
      assert.ok(csp.includes(`script-src 'self' 'sha256-${hash}'`), csp);
      for (const directive of ["default-src 'none'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"]) assert.ok(csp.includes(directive), `${directive} in ${csp}`);
      assert.doesNotMatch(page.body, /<script>(?!<)/, 'no inline script besides the import map');
    });

    it(`/${set}/: every module the page loads is served from this origin, nothing from elsewhere`, async () => {
      const base = `/${set}/`;
      const seen = new Map<string, string>();
      const queue = [`${base}assets/${set}/main.js`, `${base}assets/style.css`, `${base}assets/icon.svg`];
      while (queue.length > 0) {
        const path = queue.shift()!;
        if (seen.has(path)) continue;
        const file = await rawGet(node.url, path);
        assert.equal(file.status, 200, `${path}: ${file.status}`);
        seen.set(path, file.body);
        if (!path.endsWith('.js') && !path.endsWith('.mjs')) continue;
        assert.equal(file.headers['content-type'], 'text/javascript; charset=utf-8');
        for (const [, specifier] of file.body.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
          const target = specifier === 'openapi-fetch' ? `${base}assets/vendor/openapi-fetch.mjs` : new URL(specifier, `http://x${path}`).pathname;
          assert.ok(specifier === 'openapi-fetch' || specifier.startsWith('.'), `${path} imports ${specifier}`);
          queue.push(target);
        }
      }
      assert.ok(seen.size >= 15, `${seen.size} files`);
      assert.ok(seen.has(`${base}assets/vendor/openapi-fetch.mjs`), 'openapi-fetch is served from here');
      for (const [path, body] of seen) {
        // The only absolute URLs are placeholders in form fields and the SVG namespace.
        const remote = [...body.matchAll(/https?:\/\/[^\s"'`)<]+/g)].map((m) => m[0]).filter((u) => !/^https:\/\/app\.example\.org\/|^http:\/\/www\.w3\.org\/2000\/svg$/.test(u));
        assert.deepEqual(remote, [], `${path} refers to another origin`);
        assert.doesNotMatch(body, /sourceMappingURL/, `${path} points at a source map that is not served`);
      }
    });
  }

  it('answers a repeated asset request with 304 when its ETag matches', async () => {
    const first = await rawGet(node.url, '/admin/assets/style.css');
    assert.equal(first.status, 200);
    assert.equal(first.headers['content-type'], 'text/css; charset=utf-8');
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[A-Za-z0-9_-]{27}"$/);
    const again = await rawGet(node.url, '/admin/assets/style.css', 'GET', { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
  });

  const refused: [string, string][] = [
    ['a parent directory', '/admin/assets/../../package.json'],
    ['an encoded parent directory', '/admin/assets/%2e%2e/%2e%2e/package.json'],
    ['an encoded slash', '/admin/assets/admin%2f..%2f..%2fpackage.json'],
    ['a TypeScript source', '/admin/assets/admin/main.ts'],
    ['a file without extension', '/admin/assets/admin'],
    ['a missing file', '/admin/assets/admin/missing.js'],
    ['the build stamp', '/admin/assets/../.build-stamp'],
    ['an empty segment', '/admin/assets//admin/main.js'],
  ];
  for (const [what, path] of refused) {
    it(`refuses ${what} (${path})`, async () => {
      const answer = await rawGet(node.url, path);
      assert.equal(answer.status, 404);
      assert.doesNotMatch(answer.body, /"name": "postwire"/);
    });
  }
});
