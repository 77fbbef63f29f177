// The admin pages in a real browser (Chromium through playwright-core) against a whole node: logging in
// (also with the keyboard only), a hold rule holding a message sent over HTTP, releasing it and finding
// it delivered among the retired messages with its timeline, a bulk drop that touches exactly the
// ticked messages, API errors shown next to their field or action, the webhook queue, domains,
// accounts, read models, and the queue on a phone-sized screen. A screenshot of each page goes to
// test-output/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { eventually } from '../support/delivery-node';
import { startReceiver, type Receiver } from '../webhooks/support/receiver';
import { chromiumSkipReason, launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { ACCOUNT, ADMIN_PASSWORD, startWebNode, type WebNode } from './support/web-node';

// What the functions given to page.evaluate use; they run in the browser, where these exist.
declare const document: any, sessionStorage: any, getComputedStyle: any;

describe('admin pages in Chromium', { skip: chromiumSkipReason(), timeout: 300_000 }, () => {
  let web: WebNode;
  let browser: TestBrowser;
  let page: Page;
  let receiver: Receiver;

  before(async () => {
    web = await startWebNode();
    browser = await launchBrowser();
    receiver = await startReceiver({ status: 200, body: 'thanks\n' });
  });
  after(async () => {
    await browser?.close();
    await receiver?.close();
    await web?.stop();
  });

  const heading = (p: Page) => p.getByRole('heading', { level: 1 });
  const go = async (p: Page, fragment: string, title: string) => {
    const url = `${web.url}/admin/#/${fragment}`;
    // The same fragment again is no navigation: reload to draw the page afresh.
    if (p.url() === url) await p.reload();
    else await p.goto(url);
    await assertHeading(p, title);
  };
  const assertHeading = async (p: Page, title: string) => {
    await p.waitForFunction((t) => document.querySelector('h1')?.textContent === t, title);
  };
  const row = (p: Page, id: number) => p.locator(`tr[data-id="${id}"]`);

  async function logIn(p: Page): Promise<void> {
    await p.goto(`${web.url}/admin/`);
    await p.getByLabel('Password').fill(ADMIN_PASSWORD);
    await p.getByRole('button', { name: 'Log in' }).click();
    await assertHeading(p, 'Queue');
  }

  it('serves the page with a policy that allows only its own scripts', async () => {
    const response = await fetch(`${web.url}/admin/`);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    assert.match(csp, /connect-src 'self'/);
  });

  it('refuses a wrong password next to the field, then logs in', async () => {
    page = await browser.page();
    await page.goto(`${web.url}/admin/`);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    const password = page.getByLabel('Password');
    await page.getByText('Wrong password.').waitFor();
    assert.equal(await password.getAttribute('aria-invalid'), 'true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    assert.equal(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent(), 'Wrong password.', 'the error is tied to the field');
    await password.fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await assertHeading(page, 'Queue');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('postwire.admin') !== null), true, 'the login is kept for the tab');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('postwire.admin')), null, 'logging out forgets it');
    await logIn(page);
  });

  it('logs in and moves around with the keyboard only, with a visible focus', async () => {
    const p = await browser.page();
    await p.goto(`${web.url}/admin/`);
    await p.getByLabel('Password').waitFor();
    assert.equal(await p.evaluate(() => document.activeElement.type), 'password', 'the password field has the focus');
    await p.keyboard.type(ADMIN_PASSWORD);
    await p.keyboard.press('Enter');
    await assertHeading(p, 'Queue');
    assert.equal(await p.evaluate(() => document.activeElement?.tagName), 'H1', 'after logging in, the page\'s heading has the focus');
    await p.keyboard.press('Tab');
    const focused = await p.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    assert.equal(focused.text, 'retired messages', 'then the page\'s content');
    assert.notEqual(focused.outline, 'none', 'the focused link shows a ring');
    assert.ok(focused.width >= 2, `outline ${focused.width}px`);
    await p.keyboard.press('Enter');
    await assertHeading(p, 'Retired messages');
    assert.equal(await p.evaluate(() => document.activeElement?.tagName), 'H1', 'the new page\'s heading takes the focus');
    // A fresh load (the login is kept in the tab): the skip link comes first, then the navigation.
    await p.reload();
    await assertHeading(p, 'Retired messages');
    await p.keyboard.press('Tab');
    assert.equal(await p.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await p.keyboard.press('Tab');
    assert.equal(await p.evaluate(() => document.activeElement?.textContent), 'Queue');
    await p.keyboard.press('Enter');
    await assertHeading(p, 'Queue');
    await p.close();
  });

  it('a hold rule holds a message sent over HTTP; released, it is delivered and shows in the retired list with its timeline', async () => {
    await go(page, 'holdrules', 'Hold rules');
    await page.getByLabel('Recipient domain').fill('hold.example');
    await page.getByRole('button', { name: 'Add hold rule' }).click();
    await page.getByText(/Added hold rule \d+/).waitFor();
    await page.getByRole('cell', { name: 'hold.example' }).waitFor();
    const rules = await web.admin<{ Rules: { RecipientDomain: string }[] }>('HoldRuleList', {});
    assert.deepEqual(rules.Rules.map((r) => r.RecipientDomain), ['hold.example']);
    await screenshot(page, 'admin-holdrules');

    const [id] = await web.send(['ann@hold.example'], 'Held by a rule');
    await go(page, 'queue', 'Queue');
    await row(page, id).getByText('on hold').waitFor();
    assert.equal(web.peer.received.length, 0, 'nothing delivered while held');

    await page.getByLabel(`Select message ${id}`).check();
    await page.getByRole('button', { name: 'Release', exact: true }).click();
    await page.getByText('Released 1 message.').waitFor();
    await eventually(() => web.peer.received.some((r) => r.to.includes('ann@hold.example')), 'delivery after release');

    await eventually(async () => (await web.admin('RetiredList', { Filter: { IDs: [id] } })).Messages.length === 1, 'the retired record');
    await go(page, 'retired', 'Retired messages');
    await row(page, id).getByText('delivered').waitFor();
    await screenshot(page, 'admin-retired');
    await row(page, id).getByRole('link', { name: String(id) }).click();
    await assertHeading(page, `Message ${id}`);
    await page.getByText('Retired:').waitFor();
    const timeline = page.locator('ol.timeline');
    await timeline.locator('li[data-type="MessageRetired"]').waitFor();
    const types = await timeline.locator('li').evaluateAll((items: any[]) => items.map((li) => li.getAttribute('data-type')));
    for (const type of ['MessageQueued', 'MessageReleased', 'MessageDelivered', 'MessageRetired']) assert.ok(types.includes(type), `${type} in ${types.join(', ')}`);
    assert.ok(types.indexOf('MessageReleased') < types.indexOf('MessageDelivered'), 'released before delivered');
    assert.match((await timeline.locator('li[data-type="MessageDelivered"]').textContent()) ?? '', /Delivered: the next hop accepted the message \(250/);
    await page.getByRole('table', { name: 'Delivery attempts' }).getByText('250').first().waitFor();
    await screenshot(page, 'admin-message');
  });

  it('a bulk drop acts on the ticked messages only, and says so next to the actions', async () => {
    const ids = await web.send(['one@hold.example', 'two@hold.example', 'three@hold.example'], 'Your order has shipped');
    await go(page, 'queue', 'Queue');
    for (const id of ids) await row(page, id).waitFor();
    await page.getByRole('button', { name: 'Drop…' }).click();
    await page.getByText('Select one or more messages first.').waitFor();

    await page.getByLabel(`Select message ${ids[0]}`).check();
    await page.getByLabel(`Select message ${ids[2]}`).check();
    await page.getByText('2 selected').waitFor();
    await screenshot(page, 'admin-queue');
    await page.getByRole('button', { name: 'Drop…' }).click();
    await page.getByText('Dropped 2 messages.').waitFor();
    await row(page, ids[0]).waitFor({ state: 'detached' });

    const queued = await web.admin<{ Messages: { ID: number }[] }>('QueueList', { Filter: { IDs: ids } });
    assert.deepEqual(queued.Messages.map((m) => m.ID), [ids[1]], 'the unticked message stays');
    const retired = await web.admin<{ Messages: { ID: number; Success: boolean }[] }>('RetiredList', { Filter: { IDs: ids }, Sort: { Field: 'Queued', Asc: true } });
    assert.deepEqual(retired.Messages.map((m) => [m.ID, m.Success]), [[ids[0], false], [ids[2], false]]);

    // "Select all shown" then drop the rest, so later tests start from an empty queue.
    await page.getByLabel('Select all shown').check();
    const shown = await page.locator('tbody tr[data-id]').count();
    await page.getByText(`${shown} selected`).waitFor();
    await page.getByRole('button', { name: 'Drop…' }).click();
    await page.getByText(`Dropped ${shown} ${shown === 1 ? 'message' : 'messages'}.`).waitFor();
    assert.deepEqual((await web.admin('QueueList', {})).Messages, []);
  });

  it('keyset "Load more" pages through the queue without repeating a message', async () => {
    const ids = await web.send(Array.from({ length: 25 }, (_, i) => `page${i}@hold.example`), 'Paging');
    await go(page, 'queue', 'Queue');
    await page.getByText('Filter and sort').isVisible();
    await page.getByLabel('Page size').selectOption('20');
    await page.getByLabel('Sort by').selectOption('Queued');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('20 messages shown').waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText('25 messages shown').waitFor();
    const shown = await page.locator('tbody tr[data-id]').evaluateAll((rows: any[]) => rows.map((r) => Number(r.getAttribute('data-id'))));
    assert.deepEqual(shown, ids, 'every message once, in queue order');
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText('No more messages for now.').waitFor();
    await web.admin('QueueDrop', { Filter: { IDs: ids } });
    await page.getByRole('button', { name: 'Reset' }).click();
  });

  it('a message\'s own page: reschedule it, a refused transport named under its field, then fail it', async () => {
    const [id] = await web.send(['own@hold.example'], 'Acted on alone');
    await go(page, `message/${id}`, `Message ${id}`);
    const actions = page.getByRole('group', { name: `Message ${id}` });
    await actions.getByLabel('Minutes').fill('30');
    const before = Date.parse((await web.admin('QueueList', { Filter: { IDs: [id] } })).Messages[0].NextAttempt);
    await actions.getByRole('button', { name: 'Set next attempt' }).click();
    await actions.getByText('Scheduled 1 message.').waitFor();
    const after = Date.parse((await web.admin('QueueList', { Filter: { IDs: [id] } })).Messages[0].NextAttempt);
    assert.equal(after - web.node.clock.now().getTime(), 30 * 60_000, `next attempt moved from ${new Date(before).toISOString()}`);
    await page.locator('ol.timeline li[data-type="NextAttemptChanged"]').waitFor();

    await actions.getByLabel('Transport').fill('no-such-transport');
    await actions.getByRole('button', { name: 'Set transport' }).click();
    await page.waitForFunction(() => document.querySelector('input[name="Transport"][aria-invalid="true"]') !== null);
    await actions.getByText(/Transport: no transport named "no-such-transport"/).waitFor();

    await actions.getByRole('button', { name: 'Fail…' }).click();
    await actions.getByText('Failed 1 message.').waitFor();
    await page.getByText('Retired:').waitFor();
    await page.getByText('not delivered').first().waitFor();
    const retired = (await web.admin('RetiredList', { Filter: { IDs: [id] } })).Messages[0];
    assert.equal(retired.Success, false);
    assert.match(retired.Results.at(-1).Error, /canceled by admin/);
  });

  it('shows an API error under the filter field it is about', async () => {
    await go(page, 'queue', 'Queue');
    const submitted = page.getByLabel('Submitted');
    await submitted.fill('yesterday');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForFunction(() => document.querySelector('input[name="Submitted"]')?.getAttribute('aria-invalid') === 'true');
    const describedBy = ((await submitted.getAttribute('aria-describedby')) ?? '').split(' ');
    const message = await page.locator(`[id="${describedBy[describedBy.length - 1]}"]`).textContent();
    assert.match(message ?? '', /Submitted/);
    await submitted.fill('');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForFunction(() => !document.querySelector('input[name="Submitted"]')?.hasAttribute('aria-invalid'));
  });

  it('lists webhooks waiting and finished, with the receiver\'s status and response', async () => {
    await web.account('OutgoingWebhookSave', { URL: receiver.url, Authorization: 'Bearer web-test', Events: [] });
    await web.node.settle();
    const [id] = await web.send(['hooked@dest.example'], 'With a webhook');
    await receiver.waitForCalls(1);
    await eventually(async () => (await web.admin('HookRetiredList', {})).Hooks.length > 0, 'a retired webhook');
    await go(page, 'webhooks/retired', 'Retired webhooks');
    const hookRow = page.locator('tbody tr[data-id]').filter({ hasText: 'delivered' }).first();
    await hookRow.getByRole('link', { name: String(id) }).waitFor();
    const hookId = await hookRow.getAttribute('data-id');
    const details = page.locator(`tr[data-details-of="${hookId}"]`);
    await details.getByText(`Calls and payload of webhook ${hookId}`).click();
    await details.getByText('thanks').waitFor();
    await details.getByRole('cell', { name: '200', exact: true }).waitFor();
    assert.match((await details.locator('pre.payload').textContent()) ?? '', /"Event": "delivered"/);
    await screenshot(page, 'admin-webhooks-retired');
    await go(page, 'webhooks', 'Webhook queue');
    await page.getByText('No webhooks are waiting.').waitFor();
    await screenshot(page, 'admin-webhooks');
    await web.account('OutgoingWebhookSave', { URL: '' });
  });

  it('a webhook that keeps failing waits in the webhook queue until it is canceled', async () => {
    receiver.answer({ status: 500, body: 'broken for now\n' });
    await web.account('OutgoingWebhookSave', { URL: receiver.url, Authorization: '', Events: ['failed'] });
    await web.node.settle();
    const [id] = await web.send(['doomed@hold.example'], 'Failed by the admin');
    await web.admin('QueueFail', { Filter: { IDs: [id] } });
    await eventually(async () => (await web.admin('HookList', {})).Hooks.some((k: { QueueMsgID: number; Attempts: number }) => k.QueueMsgID === id && k.Attempts === 1), 'a first failed call');
    await go(page, 'webhooks', 'Webhook queue');
    const hookRow = page.locator('tbody tr[data-id]').filter({ has: page.getByRole('link', { name: String(id), exact: true }) });
    await hookRow.getByText('HTTP 500').waitFor();
    const hookId = Number(await hookRow.getAttribute('data-id'));
    await page.getByLabel(`Select webhook ${hookId}`).check();
    await page.getByRole('button', { name: 'Cancel…' }).click();
    await page.getByText('Canceled 1 webhook.').waitFor();
    assert.deepEqual((await web.admin('HookList', {})).Hooks, []);
    const retired = (await web.admin('HookRetiredList', { Filter: { IDs: [hookId] } })).Hooks[0];
    assert.equal(retired.Success, false);
    await web.account('OutgoingWebhookSave', { URL: '' });
    receiver.answer({ status: 200, body: 'thanks\n' });
  });

  it('hold rules: removing one keeps what it held on hold', async () => {
    await go(page, 'holdrules', 'Hold rules');
    const { Rules } = await web.admin('HoldRuleList', {});
    const [id] = await web.send(['still@hold.example'], 'Still held');
    await page.getByRole('button', { name: `Remove hold rule ${Rules[0].ID}` }).click();
    await page.getByText(/Removed hold rule \d+\. Messages it held stay on hold until released\./).waitFor();
    await page.getByText('No hold rules').waitFor();
    assert.equal((await web.admin('QueueList', { Filter: { IDs: [id] } })).Messages[0].Hold, true);
    await web.admin('HoldRuleAdd', { RecipientDomain: 'hold.example' });
  });

  it('domains: adds one with separators, changes them, disables it and removes it', async () => {
    await go(page, 'domains', 'Domains');
    const add = page.getByRole('region', { name: 'Add a domain' });
    await add.getByLabel('Domain').fill('news.example');
    await add.getByLabel('Catch-all separators').fill('+ -');
    await add.getByRole('button', { name: 'Add domain' }).click();
    await add.getByText('Added news.example.').waitFor();
    const card = page.getByRole('article', { name: 'news.example' });
    assert.equal(await card.getByLabel('Catch-all separators').inputValue(), '+ -');
    await card.getByLabel('Catch-all separators').fill('_');
    await card.getByRole('button', { name: 'Save separators' }).click();
    await card.getByText('Saved the catch-all separators of news.example.').waitFor();
    await card.getByRole('button', { name: 'Disable domain' }).click();
    await card.getByText('disabled', { exact: true }).waitFor();
    const domain = (await web.admin('DomainList', {})).Domains.find((d: { Name: string }) => d.Name === 'news.example');
    assert.deepEqual([domain.LocalpartCatchallSeparators, domain.Disabled], [['_'], true]);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Enable domain', 'the focus stays on the toggled button');
    await card.getByRole('button', { name: 'Remove domain…' }).click();
    await card.waitFor({ state: 'detached' });
    assert.equal((await web.admin('DomainList', {})).Domains.some((d: { Name: string }) => d.Name === 'news.example'), false);
  });

  it('domains: adds a DKIM key showing the DNS record to publish, and removes it', async () => {
    await go(page, 'domains', 'Domains');
    const card = page.getByRole('article', { name: 'shop.example' });
    await card.getByLabel('New key selector').fill('web2026');
    await card.getByRole('button', { name: 'Add DKIM key' }).click();
    await card.getByText('web2026._domainkey.shop.example', { exact: true }).waitFor();
    await card.getByText(/^v=DKIM1;k=ed25519;p=/).waitFor();
    const domains = await web.admin<{ Domains: { Name: string; DKIMKeys: { Selector: string }[] }[] }>('DomainList', {});
    assert.deepEqual(domains.Domains.find((d) => d.Name === 'shop.example')?.DKIMKeys.map((k) => k.Selector), ['web2026']);
    await screenshot(page, 'admin-domains');
    await card.getByRole('button', { name: 'Remove DKIM key web2026' }).click();
    await card.getByText('Removed DKIM key web2026.').waitFor();
    await card.getByText('No DKIM keys').waitFor();
    // A bad selector: the API's error lands under the selector field.
    await card.getByLabel('New key selector').fill('not a label');
    await card.getByRole('button', { name: 'Add DKIM key' }).click();
    await page.waitForFunction(() => document.querySelector('input[name="Selector"][aria-invalid="true"]') !== null);
  });

  it('accounts: adds and removes an address, changes limits', async () => {
    await go(page, 'accounts', 'Accounts');
    await page.getByRole('link', { name: ACCOUNT.name }).click();
    await assertHeading(page, `Account ${ACCOUNT.name}`);
    await page.getByLabel('New address').fill('orders@shop.example');
    await page.getByRole('button', { name: 'Add address' }).click();
    await page.getByText('Added orders@shop.example.').waitFor();
    await page.getByRole('button', { name: 'Remove address orders@shop.example' }).waitFor();
    let account = (await web.admin('AccountGet', { Account: ACCOUNT.name })).Account;
    assert.deepEqual([...account.Addresses].sort(), ['orders@shop.example', 'shop@shop.example']);
    await page.getByLabel('Messages per day').fill('500');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    account = (await web.admin('AccountGet', { Account: ACCOUNT.name })).Account;
    assert.equal(account.MaxOutgoingMessagesPerDay, 500);
    await screenshot(page, 'admin-account');
    await page.getByRole('button', { name: 'Remove address orders@shop.example' }).click();
    await page.getByText('Removed orders@shop.example.').waitFor();
    account = (await web.admin('AccountGet', { Account: ACCOUNT.name })).Account;
    assert.deepEqual(account.Addresses, ['shop@shop.example']);
    await go(page, 'accounts', 'Accounts');
    await screenshot(page, 'admin-accounts');
  });

  it('accounts: adds one with a generated password shown once, and disables its logins with a reason', async () => {
    await go(page, 'accounts', 'Accounts');
    const add = page.getByRole('region', { name: 'Add an account' });
    await add.getByLabel('Account name').fill('blog');
    await add.getByLabel('First address').fill('blog@shop.example');
    await add.getByRole('button', { name: 'Add account' }).click();
    const said = (await add.getByText(/Added account blog\. Its generated password, shown only this once: /).textContent()) ?? '';
    const password = said.slice(said.lastIndexOf(' ') + 1);
    await web.node.settle();
    const check = (pw: string) => fetch(`${web.url}/webapi/v0/AccountSettingsGet`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`blog@shop.example:${pw}`).toString('base64')}`, 'content-type': 'application/json' }, body: '{}' });
    assert.equal((await check(password)).status, 200, 'the shown password works');

    await page.getByRole('link', { name: 'blog', exact: true }).click();
    await assertHeading(page, 'Account blog');
    const logins = page.getByRole('region', { name: 'Logins' });
    await logins.getByRole('button', { name: 'Disable logins' }).click();
    await logins.getByText(/give a reason/).waitFor();
    await logins.getByLabel('Reason for disabling').fill('moved to another provider');
    await logins.getByRole('button', { name: 'Disable logins' }).click();
    await logins.getByText('disabled: moved to another provider').waitFor();
    assert.equal((await check(password)).status, 401);

    const accountPage = await browser.page();
    await accountPage.goto(`${web.url}/account/`);
    await accountPage.getByLabel('E-mail address').fill('blog@shop.example');
    await accountPage.getByLabel('Password').fill(password);
    await accountPage.getByRole('button', { name: 'Log in' }).click();
    await accountPage.getByText('Login refused: login is disabled for this account.').waitFor();
    await accountPage.close();
  });

  it('read models: a rebuild is started and followed until the projection is up to date', async () => {
    await go(page, 'projections', 'Read models');
    await page.getByRole('button', { name: 'Rebuild queue' }).click();
    await page.getByText(/Rebuilding queue|queue is already being rebuilt/).waitFor();
    await eventually(async () => {
      const status = await web.admin<{ Projections: { Name: string; Rebuilding: boolean; Lag: number }[] }>('ProjectionStatus', {});
      const queue = status.Projections.find((p) => p.Name === 'queue');
      return queue && !queue.Rebuilding;
    }, 'the rebuild to finish', 30_000);
    const queueRow = page.locator('tr').filter({ has: page.getByRole('button', { name: 'Rebuild queue' }) });
    await queueRow.getByText('up to date').waitFor({ timeout: 10_000 });
    await screenshot(page, 'admin-projections');
  });

  it('reads on a phone: no sideways scrolling, rows become labelled cards', async () => {
    await web.send(['phone@hold.example'], 'Seen on a phone');
    const phone = await browser.page({ width: 390, height: 844 });
    await logIn(phone);
    await phone.locator('tbody tr[data-id]').first().waitFor();
    const layout = await phone.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      wide: [...document.querySelectorAll('body *')].filter((e: any) => e.getBoundingClientRect().right > 390).map((e: any) => `${e.tagName}.${e.className}`),
      theadPosition: getComputedStyle(document.querySelector('thead')).position,
      cellDisplay: getComputedStyle(document.querySelector('tbody td')).display,
      label: getComputedStyle(document.querySelector('tbody td[data-label="Subject"]'), '::before').content,
    }));
    assert.ok(layout.scrollWidth <= 390, `page is ${layout.scrollWidth}px wide: ${layout.wide.join(', ')}`);
    assert.equal(layout.theadPosition, 'absolute', 'the header row is only for screen readers');
    assert.equal(layout.cellDisplay, 'grid');
    assert.equal(layout.label, '"Subject"', 'each cell is labelled with its column');
    await screenshot(phone, 'admin-queue-phone');
    await phone.close();
  });

  it('had no script errors, and loaded nothing from elsewhere', () => {
    assert.deepEqual(browser.errors, []);
    assert.ok(browser.requests.length > 20, `${browser.requests.length} requests seen`);
    assert.deepEqual(browser.requests.filter((url) => !url.startsWith(`${web.url}/`)), []);
  });
});
