// The account's own settings page: webhooks and their tests, the signing secret, FromID login addresses
// and how long retired messages and webhooks are kept. Limits are shown; the administrator sets them.
import type { ViewContext } from '../shared/app.js';
import { button, field, form, h, input, keepFocus, section } from '../shared/dom.js';
import { act, feedback } from '../shared/feedback.js';
import type { AccountApi, AccountSettings } from '../shared/types.js';
import { incomingWebhookSection, outgoingWebhookSection, secretSection } from './webhook-forms.js';

export async function settingsView(ctx: ViewContext<AccountApi>): Promise<void> {
  ctx.title('Settings');
  const api = ctx.api;
  const s = await api.call('AccountSettingsGet', {});
  if (ctx.signal.aborted) return;
  ctx.main.append(
    overview(s),
    outgoingWebhookSection(api, s),
    incomingWebhookSection(api, s),
    secretSection(api, s),
    fromIdSection(api, s),
    retentionSection(api, s),
  );
}

function overview(s: AccountSettings): HTMLElement {
  return section(
    'Account',
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, 'Account'),
      h('dd', null, s.Name),
      h('dt', null, 'Addresses'),
      h('dd', null, s.Addresses.join(', ')),
      h('dt', null, 'Sending limits'),
      h('dd', null, `${s.MaxOutgoingMessagesPerDay} messages and ${s.MaxFirstTimeRecipientsPerDay} first-time recipients per 24 hours (set by the administrator)`),
    ),
  );
}

/** FromID (reference 5): sends from these login addresses get a unique envelope sender per recipient. */
function fromIdSection(api: AccountApi, s: AccountSettings): HTMLElement {
  let addresses = [...s.FromIDLoginAddresses];
  const fb = feedback();
  const list = h('ul', { class: 'plain' });
  const address = input({ type: 'email', name: 'LoginAddresses', spellcheck: false, autocapitalize: 'none', placeholder: `${s.Name}+fromid@…`, 'data-key': 'fromid-new' });
  const save = async (next: string[]) => {
    await api.call('FromIDLoginAddressesSave', { LoginAddresses: next });
    addresses = next;
    await keepFocus(async () => draw(), 'fromid-new');
  };
  const draw = () => {
    list.replaceChildren(
      ...(addresses.length
        ? addresses.map((a) => {
            const rm: HTMLButtonElement = button(
              'Remove',
              () =>
                void act(rm, fb, async () => {
                  await save(addresses.filter((x) => x !== a));
                  return `${a} no longer uses FromID.`;
                }),
              { 'aria-label': `Remove ${a}` },
            );
            return h('li', null, h('span', { class: 'addr' }, a), ' ', rm);
          })
        : [h('li', { class: 'empty' }, 'None: every send uses the plain envelope sender.')]),
    );
  };
  draw();
  const add = h('button', { type: 'submit' }, 'Add');
  return section(
    'FromID login addresses',
    h('p', { class: 'hint' }, 'When Send logs in with one of these addresses, each recipient gets a unique envelope sender, so bounces are matched to the exact message. Use a catch-all variant of an address of the account.'),
    list,
    form(
      { class: 'inline-form' },
      () =>
        void act(
          add,
          fb,
          async () => {
            const a = address.value.trim();
            if (!a) throw new Error('LoginAddresses: enter an address.');
            await save([...addresses, a]);
            address.value = '';
            return `${a} now sends with FromID.`;
          },
          { LoginAddresses: address },
        ),
      field('Login address', address),
      add,
    ),
    fb.element,
  );
}

function retentionSection(api: AccountApi, s: AccountSettings): HTMLElement {
  const messages = input({ name: 'KeepRetiredMessagePeriod', value: s.KeepRetiredMessagePeriod, spellcheck: false });
  const hooks = input({ name: 'KeepRetiredWebhookPeriod', value: s.KeepRetiredWebhookPeriod, spellcheck: false });
  const fields = { KeepRetiredMessagePeriod: messages, KeepRetiredWebhookPeriod: hooks };
  const fb = feedback();
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save');
  return section(
    'History kept',
    h('p', { class: 'hint' }, 'How long finished messages and webhooks stay in the History and Webhooks pages. 0s keeps none.'),
    form(
      { class: 'stack' },
      () =>
        void act(
          save,
          fb,
          async () => {
            await api.call('KeepRetiredPeriodsSave', { KeepRetiredMessagePeriod: messages.value.trim(), KeepRetiredWebhookPeriod: hooks.value.trim() });
            return 'Saved; it applies to messages and webhooks that finish from now on.';
          },
          fields,
        ),
      h('div', { class: 'grid' }, field('Keep retired messages for', messages, 'A duration such as 72h or 30m.'), field('Keep retired webhooks for', hooks, 'A duration such as 72h.')),
      h('div', { class: 'actions' }, save),
      fb.element,
    ),
  );
}
