// Domains: catch-all separators, DKIM keys with the DNS records to publish, disabling and removing, and
// adding a domain. Each change goes through the adminapi and the list is drawn again from DomainList.
import type { ViewContext } from '../shared/app.js';
import { button, field, form, h, input, keepFocus, section, select } from '../shared/dom.js';
import { act, feedback, type Feedback } from '../shared/feedback.js';
import { badge } from '../shared/format.js';
import { table } from '../shared/results.js';
import type { AdminApi, Domain } from '../shared/types.js';

/** "+ -" or "+,-" -> ["+", "-"]. */
const separators = (text: string) => text.split(/[\s,]+/).filter(Boolean);

export async function domainsView(ctx: ViewContext<AdminApi>): Promise<void> {
  ctx.title('Domains');
  const api = ctx.api;
  const list = h('div', { class: 'domains' });
  const feedbacks = new Map<string, Feedback>();
  const fbOf = (name: string) => feedbacks.get(name) ?? feedbacks.set(name, feedback()).get(name)!;
  const heading = h('h2', { tabindex: -1 }, 'Configured domains');

  const draw = async () => {
    const { Domains } = await api.call('DomainList', {});
    list.replaceChildren(...(Domains.length ? Domains.map(card) : [h('p', { class: 'empty' }, 'No domains yet.')]));
  };
  const redraw = () => keepFocus(draw, heading);

  function card(d: Domain): HTMLElement {
    const fb = fbOf(d.Name);
    const key = (what: string) => `${what}:${d.Name}`;
    const seps = input({ name: 'LocalpartCatchallSeparators', value: d.LocalpartCatchallSeparators.join(' '), spellcheck: false, 'data-key': key('seps') });
    const saveSeps = h('button', { type: 'submit', 'data-key': key('save-seps') }, 'Save separators');
    const selector = input({ name: 'Selector', spellcheck: false, autocapitalize: 'none', placeholder: '2025a', 'data-key': key('selector') });
    const algorithm = select([['ed25519', 'Ed25519 (RFC 8463)'], ['rsa', 'RSA 2048']], { name: 'Algorithm' });
    const addKey = h('button', { type: 'submit', 'data-key': key('add-key') }, 'Add DKIM key');
    const toggle: HTMLButtonElement = button(
      d.Disabled ? 'Enable domain' : 'Disable domain',
      () =>
        void act(toggle, fb, async () => {
          await api.call('DomainDisabledSave', { Domain: d.Name, Disabled: !d.Disabled });
          await redraw();
          return d.Disabled ? `Enabled ${d.NameUnicode}.` : `Disabled ${d.NameUnicode}: Send refuses it and its queued messages wait.`;
        }),
      { 'data-key': key('toggle') },
    );
    const remove: HTMLButtonElement = button(
      'Remove domain…',
      () =>
        void act(remove, fb, async () => {
          if (!confirm(`Remove the domain ${d.NameUnicode}?`)) return;
          await api.call('DomainRemove', { Domain: d.Name });
          await redraw();
          return `Removed ${d.NameUnicode}.`;
        }),
      { class: 'danger' },
    );
    const keys = d.DKIMKeys.length
      ? table(
          `DKIM keys of ${d.NameUnicode}`,
          ['Selector', 'Algorithm', 'DNS TXT record name', 'DNS TXT record value', ''],
          d.DKIMKeys.map((k) => {
            const rm: HTMLButtonElement = button(
              'Remove',
              () =>
                void act(rm, fb, async () => {
                  if (!confirm(`Remove DKIM key ${k.Selector} of ${d.NameUnicode}? Messages are no longer signed with it.`)) return;
                  await api.call('DomainDKIMKeyRemove', { Domain: d.Name, Selector: k.Selector });
                  await redraw();
                  return `Removed DKIM key ${k.Selector}.`;
                }),
              { 'aria-label': `Remove DKIM key ${k.Selector}` },
            );
            return [k.Selector, k.Algorithm, h('code', { class: 'dns' }, k.DNSRecordName), h('code', { class: 'dns' }, k.DNSRecordValue), rm];
          }),
        )
      : h('p', { class: 'empty' }, 'No DKIM keys: messages from this domain are not signed.');
    return h(
      'article',
      { class: 'card', 'aria-label': d.NameUnicode },
      h('h3', null, d.NameUnicode, d.NameUnicode !== d.Name ? h('span', { class: 'muted' }, ` (${d.Name})`) : null, ' ', d.Disabled ? badge('disabled', 'bad') : null),
      form(
        { class: 'inline-form' },
        () =>
          void act(
            saveSeps,
            fb,
            async () => {
              await api.call('DomainLocalpartConfigSave', { Domain: d.Name, LocalpartCatchallSeparators: separators(seps.value) });
              await redraw();
              return `Saved the catch-all separators of ${d.NameUnicode}.`;
            },
            { LocalpartCatchallSeparators: seps },
          ),
        field('Catch-all separators', seps, 'E.g. + for user+tag@; several separated by spaces; empty turns catch-all addressing off.'),
        saveSeps,
      ),
      h('h4', null, 'DKIM keys'),
      keys,
      form(
        { class: 'inline-form' },
        () =>
          void act(
            addKey,
            fb,
            async () => {
              const added = await api.call('DomainDKIMKeyAdd', { Domain: d.Name, Selector: selector.value.trim(), Algorithm: algorithm.value as 'ed25519' | 'rsa' });
              await redraw();
              return `Added DKIM key ${added.Selector}. Publish a TXT record ${added.DNSRecordName} with the value shown in the table.`;
            },
            { Selector: selector, Algorithm: algorithm },
          ),
        field('New key selector', selector),
        field('Algorithm', algorithm),
        addKey,
      ),
      h('div', { class: 'actions' }, toggle, remove),
      fb.element,
    );
  }

  const domain = input({ name: 'Domain', spellcheck: false, autocapitalize: 'none', placeholder: 'example.org' });
  const newSeps = input({ name: 'LocalpartCatchallSeparators', value: '+', spellcheck: false });
  const addFb = feedback();
  const add = h('button', { type: 'submit', class: 'primary' }, 'Add domain');
  const addForm = form(
    { class: 'inline-form' },
    () =>
      void act(
        add,
        addFb,
        async () => {
          await api.call('DomainAdd', { Domain: domain.value.trim(), LocalpartCatchallSeparators: separators(newSeps.value) });
          const name = domain.value.trim();
          domain.value = '';
          await draw();
          return `Added ${name}.`;
        },
        { Domain: domain, LocalpartCatchallSeparators: newSeps },
      ),
    field('Domain', domain),
    field('Catch-all separators', newSeps),
    add,
  );
  ctx.main.append(h('section', null, heading, list), section('Add a domain', addForm, addFb.element));
  await draw();
}
