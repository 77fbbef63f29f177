// The account's suppression list (reference 4): addresses it does not deliver to, added by hand or after
// failures. Entries compare by base address (localpart cut at + and -, dots removed, lower-cased), so the
// search also asks the server whether an address typed in full is suppressed.
import type { ViewContext } from '../shared/app.js';
import { button, field, form, h, input, keepFocus, section } from '../shared/dom.js';
import { act, feedback } from '../shared/feedback.js';
import { time } from '../shared/format.js';
import { table } from '../shared/results.js';
import type { AccountApi, Suppression } from '../shared/types.js';

export async function suppressionsView(ctx: ViewContext<AccountApi>): Promise<void> {
  ctx.title('Suppression list');
  const api = ctx.api;
  let entries: Suppression[] = [];
  const listFb = feedback();
  const listBox = h('div');
  const search = input({ type: 'search', name: 'Search', spellcheck: false, autocapitalize: 'none', placeholder: 'address, domain or reason' });
  const present = h('p', { class: 'hint', 'aria-live': 'polite' });
  const count = h('p', { class: 'count', 'aria-live': 'polite' });

  const load = async () => {
    entries = (await api.call('SuppressionList', {})).Suppressions;
    show();
  };
  const show = () => {
    const q = search.value.trim().toLowerCase();
    const shown = q ? entries.filter((e) => [e.OriginalAddress, e.BaseAddress, e.Reason].some((t) => t.toLowerCase().includes(q))) : entries;
    count.textContent = q ? `${shown.length} of ${entries.length} entries match.` : `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}.`;
    listBox.replaceChildren(
      shown.length === 0
        ? h('p', { class: 'empty' }, entries.length ? 'No entry matches the search.' : 'The list is empty: messages go to every address.')
        : table(
            'Suppressed addresses',
            ['Address', 'Compared as', 'Reason', 'Added', 'Since', ''],
            shown.map((e) => [e.OriginalAddress, e.BaseAddress, e.Reason || '–', e.Manual ? 'by hand' : 'after failures', time(e.Created), removeButton(e)]),
          ),
    );
  };
  const removeButton = (e: Suppression) => {
    const b: HTMLButtonElement = button(
      'Remove',
      () =>
        void act(b, listFb, async () => {
          await api.call('SuppressionRemove', { EmailAddress: e.OriginalAddress });
          await keepFocus(load, search);
          return `Removed ${e.OriginalAddress}; messages to it are delivered again.`;
        }),
      { 'aria-label': `Remove ${e.OriginalAddress}`, 'data-key': `remove-${e.BaseAddress}` },
    );
    return b;
  };
  let presentCheck = 0;
  search.addEventListener('input', () => {
    show();
    const q = search.value.trim();
    const check = ++presentCheck;
    present.textContent = '';
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(q)) return;
    api
      .call('SuppressionPresent', { EmailAddress: q })
      .then((r) => {
        if (check === presentCheck) present.textContent = r.Present ? `${q} is suppressed.` : `${q} is not suppressed.`;
      })
      .catch(() => undefined);
  });

  const address = input({ type: 'email', name: 'EmailAddress', spellcheck: false, autocapitalize: 'none' });
  const reason = input({ name: 'Reason' });
  const fields = { EmailAddress: address, Reason: reason };
  const addFb = feedback();
  const add = h('button', { type: 'submit', class: 'primary' }, 'Add to the list');
  const addForm = form(
    { class: 'inline-form' },
    () =>
      void act(
        add,
        addFb,
        async () => {
          const a = address.value.trim();
          await api.call('SuppressionAdd', { EmailAddress: a, Manual: true, Reason: reason.value.trim() });
          address.value = '';
          reason.value = '';
          await load();
          return `Added ${a}; messages to it are not delivered.`;
        },
        fields,
      ),
    field('Address', address),
    field('Reason', reason, 'For your records, e.g. “asked to stop”.'),
    add,
  );

  ctx.main.append(section('Add an address', addForm, addFb.element), section('Suppressed addresses', field('Search', search), present, count, listBox, listFb.element));
  await load();
}
