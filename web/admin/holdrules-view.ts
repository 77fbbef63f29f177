// Hold rules (reference 3.5): messages matching every non-empty field of a rule are put on hold, queued
// ones when the rule is added and new ones as they are queued. Removing a rule releases nothing.
import type { ViewContext } from '../shared/app.js';
import { button, field, form, h, input, section } from '../shared/dom.js';
import { act, feedback } from '../shared/feedback.js';
import { table } from '../shared/results.js';
import type { AdminApi, HoldRule } from '../shared/types.js';

export async function holdRulesView(ctx: ViewContext<AdminApi>): Promise<void> {
  ctx.title('Hold rules');
  const api = ctx.api;
  const listBox = h('div');
  const listFb = feedback();

  const draw = async () => {
    const { Rules } = await api.call('HoldRuleList', {});
    if (Rules.length === 0) return listBox.replaceChildren(h('p', { class: 'empty' }, 'No hold rules: nothing is held unless an admin holds it.'));
    listBox.replaceChildren(
      table(
        'Hold rules',
        ['ID', 'Account', 'Sender domain', 'Recipient domain', ''],
        Rules.map((r) => [String(r.ID), r.Account || 'any', r.SenderDomainStr || 'any', r.RecipientDomainStr || 'any', removeButton(r)]),
      ),
    );
  };
  const removeButton = (rule: HoldRule) => {
    const b: HTMLButtonElement = button(
      'Remove',
      () =>
        void act(b, listFb, async () => {
          await api.call('HoldRuleRemove', { ID: rule.ID });
          await draw();
          return `Removed hold rule ${rule.ID}. Messages it held stay on hold until released.`;
        }),
      { 'aria-label': `Remove hold rule ${rule.ID}` },
    );
    return b;
  };

  const account = input({ name: 'Account', spellcheck: false, autocapitalize: 'none' });
  const senderDomain = input({ name: 'SenderDomain', spellcheck: false, autocapitalize: 'none', placeholder: 'example.org' });
  const recipientDomain = input({ name: 'RecipientDomain', spellcheck: false, autocapitalize: 'none', placeholder: 'example.net' });
  const fields = { Account: account, SenderDomain: senderDomain, RecipientDomain: recipientDomain };
  const addFb = feedback();
  const add = h('button', { type: 'submit', class: 'primary' }, 'Add hold rule');
  const addForm = form({ class: 'stack' }, () =>
    void act(
      add,
      addFb,
      async () => {
        const request = { Account: account.value.trim(), SenderDomain: senderDomain.value.trim(), RecipientDomain: recipientDomain.value.trim() };
        if (!request.Account && !request.SenderDomain && !request.RecipientDomain && !confirm('A rule with every field empty holds every message. Add it?')) return;
        const { ID } = await api.call('HoldRuleAdd', request);
        for (const c of Object.values(fields)) c.value = '';
        await draw();
        return `Added hold rule ${ID}; matching queued messages are now on hold.`;
      },
      fields,
    ),
    h('p', { class: 'hint' }, 'A message is held when it matches every field you fill in; an empty field matches anything.'),
    h('div', { class: 'grid' }, field('Account', account), field('Sender domain', senderDomain), field('Recipient domain', recipientDomain)),
    h('div', { class: 'actions' }, add),
    addFb.element,
  );

  ctx.main.append(section('Rules', listBox, listFb.element), section('Add a rule', addForm));
  await draw();
}
