// Attempt histories as tables: a message's delivery attempts (MsgResult) and a webhook's calls
// (HookResult, with the first 512 bytes of the receiver's response).
import { h } from './dom.js';
import { badge, nanoseconds, smtpCode, time } from './format.js';
import type { HookResult, MsgResult } from './types.js';

export function msgResultsTable(results: MsgResult[], caption = 'Delivery attempts'): HTMLElement {
  if (results.length === 0) return h('p', { class: 'empty' }, 'No attempts yet.');
  return table(
    caption,
    ['Started', 'Took', 'Outcome', 'SMTP code', 'Error'],
    results.map((r) => [
      time(r.Start),
      nanoseconds(r.Duration),
      r.Success ? badge('delivered', 'ok') : r.Error === 'delivering...' ? badge('in progress', 'info') : badge('failed', 'bad'),
      smtpCode(r.Code, r.Secode) || '–',
      r.Error || '–',
    ]),
  );
}

export function hookResultsTable(results: HookResult[]): HTMLElement {
  if (results.length === 0) return h('p', { class: 'empty' }, 'No calls yet.');
  return table(
    'Webhook calls',
    ['Started', 'Took', 'Outcome', 'HTTP status', 'Error', 'Response'],
    results.map((r) => [
      time(r.Start),
      nanoseconds(r.Duration),
      r.Success ? badge('ok', 'ok') : badge('failed', 'bad'),
      r.Code ? String(r.Code) : 'no response',
      r.Error || '–',
      r.Response ? h('pre', { class: 'snippet' }, r.Response) : '–',
    ]),
  );
}

/** The last result of an attempt history, in a few words. */
export function lastResult(results: MsgResult[]): string {
  const r = results[results.length - 1];
  if (!r) return '–';
  return [r.Success ? 'ok' : '', smtpCode(r.Code, r.Secode), r.Error].filter(Boolean).join(' ') || (r.Success ? 'ok' : 'failed');
}

/** A table that becomes labelled cards on a phone; `details[i]` goes in a full-width row below row i. */
export function table(caption: string, headings: string[], rows: (Node | string)[][], details: (HTMLElement | null)[] = []): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'cards' },
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', null, h('tr', null, ...headings.map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        null,
        ...rows.flatMap((cells, i) => [
          h('tr', null, ...cells.map((c, j) => h('td', { 'data-label': headings[j] }, c))),
          details[i] ? h('tr', { class: 'details-row' }, h('td', { colSpan: headings.length }, details[i])) : null,
        ]),
      ),
    ),
  );
}
