// The browser files of the admin and account pages: compiled ES modules, the style sheet and the vendored
// openapi-fetch module, written by scripts/build-web.mjs to dist/browser/web/ and served from there.
// Only plain relative paths with a known extension are served, so no request can leave the directory.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface WebAsset {
  contentType: string;
  body: Buffer;
  /** A strong validator (RFC 9110 §8.8.3): the content's hash. */
  etag: string;
}

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
};

/** Segments of letters, digits, `-` and `_`, then one extension: no `..`, no empty segments. */
const SAFE_PATH = /^(?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.([a-z]+)$/;

/** `dist/browser/web` above the running code (dist/src/web/ when built); null when it was never built. */
export function findWebAssetDirectory(from: string = __dirname): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'dist', 'browser', 'web');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

export class WebAssets {
  constructor(readonly directory: string | null = findWebAssetDirectory()) {}

  /** Whether the pages' scripts were built at all. */
  get built(): boolean {
    return this.directory !== null && existsSync(join(this.directory, 'admin', 'main.js'));
  }

  /** The file at a path relative to the directory, or null when there is none or the path is not plain. */
  async read(path: string): Promise<WebAsset | null> {
    const match = SAFE_PATH.exec(path);
    const contentType = match ? CONTENT_TYPES[match[1]] : undefined;
    if (!this.directory || !contentType) return null;
    let body: Buffer;
    try {
      body = await readFile(join(this.directory, path));
    } catch {
      return null;
    }
    return { contentType, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
  }
}
