// Accounts: the list (AccountList) and adding one; each account's page is account-view.ts.
import type { ViewContext } from '../shared/app.js';
import { field, form, h, input, link, section } from '../shared/dom.js';
import { act, feedback } from '../shared/feedback.js';
import { badge } from '../shared/format.js';
import { table } from '../shared/results.js';
import type { AdminApi } from '../shared/types.js';

export const accountHref = (name: string) => `#/accounts/${encodeURIComponent(name)}`;

export async function accountsView(ctx: ViewContext<AdminApi>): Promise<void> {
  ctx.title('Accounts');
  const api = ctx.api;
  const listBox = h('div');
  const draw = async () => {
    const { Accounts } = await api.call('AccountList', {});
    listBox.replaceChildren(
      Accounts.length === 0
        ? h('p', { class: 'empty' }, 'No accounts yet.')
        : table(
            'Accounts',
            ['Account', 'Full name', 'Addresses', 'Logins', 'Outgoing webhook'],
            Accounts.map((a) => [
              link(accountHref(a.Name), a.Name),
              a.FullName || '–',
              a.Addresses.join(', '),
              a.LoginDisabled ? badge(`disabled: ${a.LoginDisabled}`, 'bad') : badge('allowed', 'ok'),
              a.OutgoingWebhook?.URL ?? 'none',
            ]),
          ),
    );
  };

  const name = input({ name: 'Account', spellcheck: false, autocapitalize: 'none' });
  const address = input({ type: 'email', name: 'Address', spellcheck: false, autocapitalize: 'none' });
  const fullName = input({ name: 'FullName' });
  const password = input({ type: 'password', name: 'Password', autocomplete: 'new-password' });
  const fields = { Account: name, Address: address, FullName: fullName, Password: password };
  const fb = feedback();
  const add = h('button', { type: 'submit', class: 'primary' }, 'Add account');
  const addForm = form(
    { class: 'stack' },
    () =>
      void act(
        add,
        fb,
        async () => {
          const account = name.value.trim();
          const result = await api.call('AccountAdd', { Account: account, Address: address.value.trim(), FullName: fullName.value.trim(), Password: password.value });
          for (const c of Object.values(fields)) c.value = '';
          await draw();
          return result.Password ? `Added account ${account}. Its generated password, shown only this once: ${result.Password}` : `Added account ${account}.`;
        },
        fields,
      ),
    h(
      'div',
      { class: 'grid' },
      field('Account name', name),
      field('First address', address, 'In a domain of this server.'),
      field('Full name', fullName, 'Shown in From when Send gives none.'),
      field('Password', password, 'At least 8 characters; leave empty to generate one.'),
    ),
    h('div', { class: 'actions' }, add),
    fb.element,
  );
  ctx.main.append(section('All accounts', listBox), section('Add an account', addForm));
  await draw();
}
