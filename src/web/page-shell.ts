// The one HTML document of each set of pages (/admin/, /account/): it loads the style sheet and the page's
// ES module from the same origin and maps the bare specifier `openapi-fetch` to the vendored copy with an
// import map. Everything else is drawn by the script, which talks only to the adminapi or webapi.
//
// Content-Security-Policy (CSP Level 3): scripts only from this origin plus the import map by its hash,
// styles only from this origin, connections only to this origin, no frames, no plugins, no base change.
import { createHash } from 'node:crypto';

export type PageSet = 'admin' | 'account';

const TITLES: Record<PageSet, string> = { admin: 'Postwire admin', account: 'Postwire account' };
const API_OF: Record<PageSet, string> = { admin: '/adminapi/v0/', account: '/webapi/v0/' };

export interface ShellReply {
  headers: Record<string, string>;
  body: string;
}

/**
 * Asset URLs are relative to the document (`/admin/`), so the pages also work under a proxy that keeps
 * the path; the API paths are absolute, as the API serves them.
 */
export function renderShell(set: PageSet): ShellReply {
  const importMap = JSON.stringify({ imports: { 'openapi-fetch': './assets/vendor/openapi-fetch.mjs' } });
  const body = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex,nofollow">
<meta name="color-scheme" content="light">
<title>${TITLES[set]}</title>
<link rel="icon" href="./assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="./assets/style.css">
<script type="importmap">${importMap}</script>
<script type="module" src="./assets/${set}/main.js"></script>
</head>
<body>
<div id="app">
<noscript><p>These pages need JavaScript. Everything they do is also available through the API at <a href="${API_OF[set]}">${API_OF[set]}</a>.</p></noscript>
</div>
</body>
</html>
`;
  const hash = `'sha256-${createHash('sha256').update(importMap).digest('base64')}'`;
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${hash}`,
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    },
    body,
  };
}
