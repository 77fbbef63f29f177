// Shared pieces of the API's HTML pages: escaping, one layout that reads well on a phone, the security
// headers, and the little Markdown the spec's descriptions use (paragraphs, lists, `code`, **bold**,
// [links](url)). Everything is rendered on the server; pages load nothing from elsewhere.
import { createHash } from 'node:crypto';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** JSON as the method pages show it: tab-indented, like mox. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, '\t');
}

const STYLE = `
body { margin: 0 auto; padding: 1em; max-width: 60em; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.2rem; margin-top: 2em; } h3 { font-size: 1.05rem; margin-top: 1.6em; }
a { color: #0b57d0; }
code, pre, textarea { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
code { background: #f2f2f2; padding: 0 0.2em; border-radius: 3px; }
pre { background: #f6f6f6; padding: 0.6em; overflow-x: auto; border-radius: 4px; }
textarea { width: 100%; box-sizing: border-box; tab-size: 4; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { text-align: left; vertical-align: top; padding: 0.3em 0.6em; border-bottom: 1px solid #ddd; }
td p { margin: 0 0 0.4em; }
.muted { color: #5f5f5f; }
.method { border-top: 1px solid #ddd; margin-top: 2em; }
ul.methods li { margin: 0.2em 0; }
button { font-size: 1rem; padding: 0.3em 1em; margin: 0.5em 0.5em 0.5em 0; }
`;

export interface Page {
  title: string;
  body: string;
  /** Inline scripts of the page; the Content-Security-Policy allows exactly these. */
  scripts?: string[];
}

export function renderPage(page: Page): string {
  const scripts = (page.scripts ?? []).map((s) => `<script>${s}</script>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex,nofollow">
<title>${escapeHtml(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${page.body}
${scripts}
</body>
</html>
`;
}

/** Headers for a page: HTML, not sniffed, and a policy allowing only the page's own style and scripts. */
export function pageHeaders(page: Page): Record<string, string> {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const scripts = (page.scripts ?? []).map(hash);
  const csp = [
    "default-src 'none'",
    `style-src ${hash(STYLE)}`,
    `script-src ${scripts.length > 0 ? scripts.join(' ') : "'none'"}`,
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

const LIST_ITEM = /^(\s*)(?:[-*]|\d+\.)\s+(.*)$/;

/** Renders the Markdown subset of the spec's descriptions. */
export function markdown(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let out = '';
  let i = 0;
  while (i < lines.length) {
    if (lines[i].trim() === '') {
      i++;
    } else if (LIST_ITEM.test(lines[i])) {
      const [html, next] = list(lines, i, indentOf(lines[i]));
      out += html;
      i = next;
    } else {
      const paragraph: string[] = [];
      while (i < lines.length && lines[i].trim() !== '' && !LIST_ITEM.test(lines[i])) paragraph.push(lines[i++].trim());
      out += `<p>${inline(paragraph.join(' '))}</p>\n`;
    }
  }
  return out;
}

function list(lines: string[], start: number, indent: number): [string, number] {
  const ordered = /^\s*\d+\./.test(lines[start]);
  let html = ordered ? '<ol>' : '<ul>';
  let i = start;
  while (i < lines.length) {
    const item = LIST_ITEM.exec(lines[i]);
    if (!item || indentOf(lines[i]) !== indent) break;
    let text = item[2];
    let nested = '';
    i++;
    while (i < lines.length) {
      const line = lines[i];
      if (line.trim() === '') {
        // A blank line ends the list unless another item of it (or a nested one) follows.
        let j = i;
        while (j < lines.length && lines[j].trim() === '') j++;
        if (j < lines.length && LIST_ITEM.test(lines[j]) && indentOf(lines[j]) >= indent) {
          i = j;
          continue;
        }
        break;
      }
      if (LIST_ITEM.test(line)) {
        if (indentOf(line) <= indent) break;
        const [sub, next] = list(lines, i, indentOf(line));
        nested += sub;
        i = next;
      } else if (indentOf(line) > indent) {
        text += ` ${line.trim()}`;
        i++;
      } else {
        break;
      }
    }
    html += `<li>${inline(text)}${nested}</li>`;
  }
  return [`${html}${ordered ? '</ol>' : '</ul>'}\n`, i];
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** `code`, **bold** and [links](url); everything else escaped. */
export function inline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((segment) =>
      segment.length > 1 && segment.startsWith('`') && segment.endsWith('`')
        ? `<code>${escapeHtml(segment.slice(1, -1))}</code>`
        : escapeHtml(segment)
            .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
            .replace(/\[([^\]]+)\]\(((?:https?:\/\/|\/|#)[^)\s]*)\)/g, '<a href="$2">$1</a>'),
    )
    .join('');
}
