// The asset reader on its own, on a temporary directory with a file beside it that must stay out of
// reach: only plain relative paths with a known extension are read.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WebAssets } from '../../src/web/web-assets';

describe('WebAssets', () => {
  let root: string;
  let assets: WebAssets;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'postwire-assets-'));
    mkdirSync(join(root, 'web', 'admin'), { recursive: true });
    writeFileSync(join(root, 'web', 'admin', 'main.js'), 'export {};\n');
    writeFileSync(join(root, 'web', 'style.css'), 'body {}\n');
    writeFileSync(join(root, 'web', 'notes.txt'), 'not served\n');
    writeFileSync(join(root, 'secret.js'), 'outside\n');
    assets = new WebAssets(join(root, 'web'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const served: [string, string][] = [
    ['admin/main.js', 'text/javascript; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
  ];
  for (const [path, type] of served) {
    it(`reads ${path} as ${type}`, async () => {
      const asset = await assets.read(path);
      assert.ok(asset);
      assert.equal(asset.contentType, type);
      assert.match(asset.etag, /^"[A-Za-z0-9_-]{27}"$/);
    });
  }

  const refused = ['../secret.js', 'admin/../../secret.js', '/etc/hostname.js', 'admin//main.js', './style.css', 'notes.txt', 'admin/missing.js', '', 'admin\\main.js', 'admin/main.js\0.css'];
  for (const path of refused) {
    it(`refuses ${JSON.stringify(path)}`, async () => {
      assert.equal(await assets.read(path), null);
    });
  }

  it('is not built without the pages\' main module', () => {
    assert.equal(new WebAssets(join(root, 'nowhere')).built, false);
    assert.equal(new WebAssets(null).built, false);
  });
});
