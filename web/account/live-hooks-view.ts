// The latest webhooks of the account, refreshed every few seconds while the page is open: those waiting
// or being retried (HookList) and those finished (HookRetiredList), with each call's status and response.
import type { ViewContext } from '../shared/app.js';
import { button, h, section } from '../shared/dom.js';
import { errorText } from '../shared/feedback.js';
import { hookColumns, hookDetails, retiredHookColumns } from '../shared/hooks.js';
import type { Column } from '../shared/paged-list.js';
import { table } from '../shared/results.js';
import type { AccountApi, Hook, HookRetired } from '../shared/types.js';

const EVERY_MS = 3000;
const LATEST = 20;

function rows<R extends Hook | HookRetired>(columns: Column<R>[], records: R[], caption: string, empty: string): HTMLElement {
  if (records.length === 0) return h('p', { class: 'empty' }, empty);
  return table(
    caption,
    columns.map((c) => c.label),
    records.map((r) =>
      columns.map((c) => {
        const v = c.cell(r);
        return v instanceof Node ? v : String(v ?? '');
      }),
    ),
    records.map(hookDetails),
  );
}

export async function liveHooksView(ctx: ViewContext<AccountApi>): Promise<void> {
  ctx.title('Webhooks');
  const api = ctx.api;
  const pending = h('div');
  const finished = h('div');
  const status = h('p', { class: 'live-status' });
  let paused = false;
  const pause: HTMLButtonElement = button('Pause updates', () => {
    paused = !paused;
    pause.textContent = paused ? 'Resume updates' : 'Pause updates';
    pause.setAttribute('aria-pressed', String(paused));
    if (!paused) void refresh();
  }, { 'aria-pressed': 'false' });

  // Open <details> (a webhook's calls and payload) stay open across refreshes.
  const openDetails = () => new Set([...ctx.main.querySelectorAll('details[open] > summary')].map((s) => s.textContent));
  const reopen = (open: Set<string | null>) => {
    for (const s of ctx.main.querySelectorAll('details > summary')) if (open.has(s.textContent)) (s.parentElement as HTMLDetailsElement).open = true;
  };

  async function refresh(): Promise<void> {
    try {
      const [waiting, done] = await Promise.all([
        api.call('HookList', { Filter: { Max: LATEST }, Sort: { Field: 'Submitted', Asc: false } }),
        api.call('HookRetiredList', { Filter: { Max: LATEST }, Sort: { Field: 'LastActivity', Asc: false } }),
      ]);
      if (ctx.signal.aborted) return;
      const open = openDetails();
      pending.replaceChildren(rows(hookColumns(false), waiting.Hooks, 'Webhooks waiting or being retried', 'None waiting.'));
      finished.replaceChildren(rows(retiredHookColumns(false), done.Hooks, 'Finished webhooks', 'None kept. Settings › History kept decides for how long they are.'));
      reopen(open);
      status.textContent = `Updated at ${new Date().toLocaleTimeString()}; refreshed every ${EVERY_MS / 1000} seconds.`;
    } catch (err) {
      status.textContent = `Could not update: ${errorText(err)}`;
    }
  }

  ctx.main.append(
    h('p', { class: 'hint' }, `The ${LATEST} latest webhooks of each kind. Set the URLs under Settings.`),
    h('div', { class: 'actions' }, pause, status),
    section('Waiting or being retried', pending),
    section('Finished', finished),
  );
  await refresh();
  ctx.every(EVERY_MS, async () => {
    if (!paused && document.visibilityState === 'visible') await refresh();
  });
}
