// The webhook queue and the retired webhooks, with mox's hook filters (Account, Submitted, NextAttempt or
// LastActivity, Event), "Load more", and on selected pending webhooks: next attempt and cancel.
import type { ViewContext } from '../shared/app.js';
import { button, field, h, input, link } from '../shared/dom.js';
import { act, feedback } from '../shared/feedback.js';
import { filterForm, listRequest, type FilterField } from '../shared/filter-form.js';
import { plural } from '../shared/format.js';
import { hookColumns, hookDetails, retiredHookColumns } from '../shared/hooks.js';
import { PagedList } from '../shared/paged-list.js';
import { OUTGOING_EVENTS, type AdminApi, type AdminRequest, type Hook, type HookRetired } from '../shared/types.js';

const TIME_NOTE = 'Times: < or > then now or a duration, e.g. <-1h (over an hour ago) or >10m (over 10 minutes from now).';
const EVENT_FIELD: FilterField = { kind: 'choice', name: 'Event', label: 'Event', options: [['', 'Any'], ['incoming', 'incoming'], ...OUTGOING_EVENTS.map((e): [string, string] => [e, e])] };

export async function hooksView(ctx: ViewContext<AdminApi>): Promise<void> {
  ctx.title('Webhook queue');
  const filters = filterForm(
    'hooks',
    [
      { kind: 'text', name: 'Account', label: 'Account' },
      EVENT_FIELD,
      { kind: 'text', name: 'Submitted', label: 'Queued', placeholder: '<-1h' },
      { kind: 'text', name: 'NextAttempt', label: 'Next attempt', placeholder: '<now' },
    ],
    { fields: [['NextAttempt', 'Next attempt'], ['Submitted', 'Queued']], ascending: true },
    () => void list.reload(),
    TIME_NOTE,
  );
  const list: PagedList<Hook> = new PagedList<Hook>({
    label: 'Pending webhooks',
    noun: ['webhook', 'webhooks'],
    columns: hookColumns(true),
    details: hookDetails,
    id: (k) => k.ID,
    sortValue: (k) => (filters.query().sortField === 'Submitted' ? k.Submitted : k.NextAttempt),
    load: async (cursor) => (await ctx.api.call('HookList', listRequest(filters.query(), cursor) as AdminRequest<'HookList'>)).Hooks,
    selectable: true,
    empty: 'No webhooks are waiting.',
    errors: { feedback: filters.feedback, fields: filters.controls },
  });
  ctx.main.append(h('p', { class: 'crumbs' }, 'See also: ', link('#/webhooks/retired', 'retired webhooks')), filters.element, hookActions(ctx.api, list), list.element);
  await list.reload();
}

function hookActions(api: AdminApi, list: PagedList<Hook>): HTMLElement {
  const fb = feedback();
  const minutes = input({ type: 'number', name: 'Minutes', value: '0', step: 1, inputmode: 'numeric' });
  const hooks = (n: number) => plural(n, 'webhook');
  const run = (label: string, work: (ids: number[]) => Promise<string | null>) => {
    const b: HTMLButtonElement = button(label, () =>
      void act(
        b,
        fb,
        async () => {
          const ids = list.selectedIds();
          if (ids.length === 0) throw new Error('Select one or more webhooks first.');
          const message = await work(ids);
          if (message === null) return;
          await list.reload();
          return message;
        },
        { Minutes: minutes },
      ),
    );
    return b;
  };
  const whole = () => {
    const n = Number(minutes.value);
    if (!Number.isInteger(n)) throw new Error('Minutes: enter a whole number of minutes.');
    return n;
  };
  return h(
    'fieldset',
    { class: 'bulk' },
    h('legend', null, 'With the selected webhooks'),
    h(
      'div',
      { class: 'bulk-actions' },
      h(
        'div',
        { class: 'group' },
        field('Minutes', minutes),
        run('Set next attempt', async (ids) => `Scheduled ${hooks((await api.call('HookNextAttemptSet', { Filter: { IDs: ids }, Minutes: whole() })).Count)}.`),
        run('Add minutes', async (ids) => `Moved ${hooks((await api.call('HookNextAttemptAdd', { Filter: { IDs: ids }, Minutes: whole() })).Count)}.`),
      ),
      h(
        'div',
        { class: 'group danger-zone' },
        run('Cancel…', async (ids) => {
          if (!confirm(`Cancel ${hooks(ids.length)}? They are not called again.`)) return null;
          return `Canceled ${hooks((await api.call('HookCancel', { Filter: { IDs: ids } })).Count)}.`;
        }),
      ),
    ),
    h('p', { class: 'hint' }, '“Set next attempt” schedules now plus the minutes; “Add minutes” moves the next attempt (negative: earlier).'),
    fb.element,
  );
}

export async function retiredHooksView(ctx: ViewContext<AdminApi>): Promise<void> {
  ctx.title('Retired webhooks');
  const filters = filterForm(
    'hooks-retired',
    [
      { kind: 'text', name: 'Account', label: 'Account' },
      EVENT_FIELD,
      { kind: 'text', name: 'Submitted', label: 'Queued', placeholder: '<-1h' },
      { kind: 'text', name: 'LastActivity', label: 'Last activity', placeholder: '>-1h' },
    ],
    { fields: [['LastActivity', 'Last activity'], ['Submitted', 'Queued']], ascending: false },
    () => void list.reload(),
    TIME_NOTE,
  );
  const list: PagedList<HookRetired> = new PagedList<HookRetired>({
    label: 'Retired webhooks',
    noun: ['webhook', 'webhooks'],
    columns: retiredHookColumns(true),
    details: hookDetails,
    id: (k) => k.ID,
    sortValue: (k) => (filters.query().sortField === 'Submitted' ? k.Submitted : k.LastActivity),
    load: async (cursor) => (await ctx.api.call('HookRetiredList', listRequest(filters.query(), cursor) as AdminRequest<'HookRetiredList'>)).Hooks,
    empty: 'No retired webhooks match. They are kept only when the account keeps them (KeepRetiredWebhookPeriod).',
    errors: { feedback: filters.feedback, fields: filters.controls },
  });
  ctx.main.append(h('p', { class: 'crumbs' }, 'See also: ', link('#/webhooks', 'the webhook queue')), filters.element, list.element);
  await list.reload();
}
