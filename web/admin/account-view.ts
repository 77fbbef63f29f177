// One account for the admin: its addresses, limits and retention, password, whether it may log in, and
// (read only) the webhook settings the account keeps itself.
import type { ViewContext } from '../shared/app.js';
import { button, field, form, h, input, keepFocus, link, section } from '../shared/dom.js';
import { act, feedback } from '../shared/feedback.js';
import { badge } from '../shared/format.js';
import type { Account, AdminApi } from '../shared/types.js';

export async function accountView(ctx: ViewContext<AdminApi>, name: string): Promise<void> {
  ctx.title(`Account ${name}`);
  const api = ctx.api;
  const body = h('div');
  const addrFb = feedback();
  const heading = h('p', { tabindex: -1, class: 'crumbs' }, link('#/accounts', 'All accounts'));
  ctx.main.append(heading, body);

  const draw = async () => {
    const { Account: account } = await api.call('AccountGet', { Account: name });
    if (ctx.signal.aborted) return;
    body.replaceChildren(addresses(account), settings(account), passwordForm(), login(account), webhooks(account), removal());
  };
  const redraw = () => keepFocus(draw, heading);

  function addresses(a: Account): HTMLElement {
    const items = a.Addresses.map((addr) => {
      const rm: HTMLButtonElement = button(
        'Remove',
        () =>
          void act(rm, addrFb, async () => {
            if (!confirm(`Remove the address ${addr} from ${name}?`)) return;
            await api.call('AddressRemove', { Address: addr });
            await redraw();
            return `Removed ${addr}.`;
          }),
        { 'aria-label': `Remove address ${addr}` },
      );
      return h('li', null, h('span', { class: 'addr' }, addr), ' ', rm);
    });
    const address = input({ name: 'Address', spellcheck: false, autocapitalize: 'none', placeholder: 'name@example.org or @example.org', 'data-key': 'new-address' });
    const add = h('button', { type: 'submit' }, 'Add address');
    return section(
      'Addresses',
      h('ul', { class: 'plain' }, ...items),
      form(
        { class: 'inline-form' },
        () =>
          void act(
            add,
            addrFb,
            async () => {
              await api.call('AddressAdd', { Account: name, Address: address.value.trim() });
              const added = address.value.trim();
              await redraw();
              return `Added ${added}.`;
            },
            { Address: address },
          ),
        field('New address', address, '@domain makes a catch-all for the domain.'),
        add,
      ),
      addrFb.element,
    );
  }

  function settings(a: Account): HTMLElement {
    const fullName = input({ name: 'FullName', value: a.FullName });
    const maxMessages = input({ type: 'number', name: 'MaxOutgoingMessagesPerDay', value: String(a.MaxOutgoingMessagesPerDay), min: 0, inputmode: 'numeric' });
    const maxFirst = input({ type: 'number', name: 'MaxFirstTimeRecipientsPerDay', value: String(a.MaxFirstTimeRecipientsPerDay), min: 0, inputmode: 'numeric' });
    const noCustom = input({ type: 'checkbox', name: 'NoCustomPassword', checked: a.NoCustomPassword });
    const keepMsgs = input({ name: 'KeepRetiredMessagePeriod', value: a.KeepRetiredMessagePeriod, spellcheck: false });
    const keepHooks = input({ name: 'KeepRetiredWebhookPeriod', value: a.KeepRetiredWebhookPeriod, spellcheck: false });
    const fields = { FullName: fullName, MaxOutgoingMessagesPerDay: maxMessages, MaxFirstTimeRecipientsPerDay: maxFirst, NoCustomPassword: noCustom, KeepRetiredMessagePeriod: keepMsgs, KeepRetiredWebhookPeriod: keepHooks };
    const fb = feedback();
    const save = h('button', { type: 'submit', class: 'primary' }, 'Save settings');
    return section(
      'Limits and retention',
      form(
        { class: 'stack' },
        () =>
          void act(
            save,
            fb,
            async () => {
              await api.call('AccountSettingsSave', {
                Account: name,
                FullName: fullName.value,
                MaxOutgoingMessagesPerDay: Number(maxMessages.value),
                MaxFirstTimeRecipientsPerDay: Number(maxFirst.value),
                NoCustomPassword: noCustom.checked,
                KeepRetiredMessagePeriod: keepMsgs.value.trim(),
                KeepRetiredWebhookPeriod: keepHooks.value.trim(),
              });
              return 'Saved.';
            },
            fields,
          ),
        h(
          'div',
          { class: 'grid' },
          field('Full name', fullName),
          field('Messages per day', maxMessages, 'Counted per recipient, over 24 hours.'),
          field('First-time recipients per day', maxFirst),
          field('Keep retired messages for', keepMsgs, 'A duration such as 72h; 0s keeps none.'),
          field('Keep retired webhooks for', keepHooks, 'A duration such as 72h; 0s keeps none.'),
        ),
        field('The account may not choose its own password', noCustom),
        h('div', { class: 'actions' }, save),
        fb.element,
      ),
    );
  }

  function passwordForm(): HTMLElement {
    const password = input({ type: 'password', name: 'Password', autocomplete: 'new-password' });
    const fb = feedback();
    const save = h('button', { type: 'submit' }, 'Set password');
    return section(
      'Password',
      form(
        { class: 'inline-form' },
        () =>
          void act(
            save,
            fb,
            async () => {
              await api.call('AccountPasswordSet', { Account: name, Password: password.value });
              password.value = '';
              return 'Password changed.';
            },
            { Password: password },
          ),
        field('New password', password, 'At least 8 characters.'),
        save,
      ),
      fb.element,
    );
  }

  function login(a: Account): HTMLElement {
    const reason = input({ name: 'LoginDisabled', value: a.LoginDisabled, 'data-key': 'login-reason' });
    const fb = feedback();
    const save = (disabled: string, b: HTMLButtonElement) =>
      void act(
        b,
        fb,
        async () => {
          await api.call('AccountLoginDisabledSave', { Account: name, LoginDisabled: disabled });
          await redraw();
          return disabled ? 'Logins disabled.' : 'Logins enabled.';
        },
        { LoginDisabled: reason },
      );
    const disable: HTMLButtonElement = button('Disable logins', () => {
      if (!reason.value.trim()) return fb.error(new Error('LoginDisabled: give a reason; it is kept with the account, and logins are refused with “login is disabled for this account”.'), { LoginDisabled: reason });
      save(reason.value.trim(), disable);
    }, { 'data-key': 'login-disable' });
    const enable: HTMLButtonElement = button('Enable logins', () => save('', enable), { 'data-key': 'login-enable' });
    return section(
      'Logins',
      h('p', null, a.LoginDisabled ? badge(`disabled: ${a.LoginDisabled}`, 'bad') : badge('allowed', 'ok')),
      h('div', { class: 'inline-form' }, field('Reason for disabling', reason), disable, a.LoginDisabled ? enable : null),
      fb.element,
    );
  }

  function webhooks(a: Account): HTMLElement {
    const out = a.OutgoingWebhook;
    return section(
      'Webhooks and FromID (set by the account)',
      h(
        'dl',
        { class: 'facts' },
        h('dt', null, 'Outgoing webhook'),
        h('dd', null, out ? `${out.URL} (${out.Events.length ? out.Events.join(', ') : 'all events'})` : 'none'),
        h('dt', null, 'Incoming webhook'),
        h('dd', null, a.IncomingWebhook?.URL ?? 'none'),
        h('dt', null, 'Signed (Standard Webhooks)'),
        h('dd', null, a.WebhookSigning ? 'yes' : 'no'),
        h('dt', null, 'FromID login addresses'),
        h('dd', null, a.FromIDLoginAddresses.join(', ') || 'none'),
      ),
    );
  }

  function removal(): HTMLElement {
    const fb = feedback();
    const rm: HTMLButtonElement = button(
      'Remove account…',
      () =>
        void act(rm, fb, async () => {
          if (!confirm(`Remove the account ${name} and its addresses?`)) return;
          await api.call('AccountRemove', { Account: name });
          location.hash = '#/accounts';
        }),
      { class: 'danger' },
    );
    return section('Remove', h('div', { class: 'actions' }, rm), fb.element);
  }

  await draw();
}
