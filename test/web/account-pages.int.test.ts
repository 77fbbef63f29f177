// The account pages in a real browser (Chromium through playwright-core) against a whole node: logging in
// (also with the keyboard only), the outgoing webhook saved and tested against a node:http receiver on
// 127.0.0.1, the signing secret, FromID addresses, retention, the suppression list (add, search, remove),
// the account's own queue and history with a message's timeline, the live view of its webhooks, and the
// settings on a phone-sized screen. A screenshot of each page goes to test-output/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { eventually } from '../support/delivery-node';
import { startReceiver, type Receiver } from '../webhooks/support/receiver';
import { chromiumSkipReason, launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { ACCOUNT, startWebNode, type WebNode } from './support/web-node';

// What the functions given to page.evaluate use; they run in the browser, where these exist.
declare const document: any;

describe('account pages in Chromium', { skip: chromiumSkipReason(), timeout: 300_000 }, () => {
  let web: WebNode;
  let browser: TestBrowser;
  let page: Page;
  let receiver: Receiver;

  before(async () => {
    web = await startWebNode();
    browser = await launchBrowser();
    receiver = await startReceiver({ status: 200, body: 'ok from the app\n' });
  });
  after(async () => {
    await browser?.close();
    await receiver?.close();
    await web?.stop();
  });

  const assertHeading = async (p: Page, title: string) => {
    await p.waitForFunction((t) => document.querySelector('h1')?.textContent === t, title);
  };
  const go = async (fragment: string, title: string) => {
    const url = `${web.url}/account/#/${fragment}`;
    if (page.url() === url) await page.reload();
    else await page.goto(url);
    await assertHeading(page, title);
  };
  const settings = () => web.account('AccountSettingsGet', {});
  const section = (name: string) => page.getByRole('region', { name });

  it('refuses a wrong password next to the field, then logs in', async () => {
    page = await browser.page();
    await page.goto(`${web.url}/account/`);
    await screenshot(page, 'account-login');
    await page.getByLabel('E-mail address').fill(ACCOUNT.address);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('Wrong e-mail address or password.').waitFor();
    assert.equal(await page.getByLabel('Password').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('Password').fill(ACCOUNT.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await assertHeading(page, 'Settings');
    await page.locator('header .user').getByText(ACCOUNT.address).waitFor();
  });

  it('logs in with the keyboard only', async () => {
    const p = await browser.page();
    await p.goto(`${web.url}/account/`);
    await p.getByLabel('E-mail address').waitFor();
    assert.equal(await p.evaluate(() => document.activeElement.getAttribute('autocomplete')), 'username', 'the address field has the focus');
    await p.keyboard.type(ACCOUNT.address);
    await p.keyboard.press('Tab');
    assert.equal(await p.evaluate(() => document.activeElement.type), 'password');
    await p.keyboard.type(ACCOUNT.password);
    await p.keyboard.press('Enter');
    await assertHeading(p, 'Settings');
    await p.close();
  });

  it('saves the outgoing webhook and tests it against the receiver, showing its status and response', async () => {
    await go('settings', 'Settings');
    const outgoing = section('Outgoing webhook');
    await outgoing.getByLabel('URL').fill('ftp://app.example/hooks');
    await outgoing.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(() => document.querySelector('input[type="url"][aria-invalid="true"]') !== null);
    await outgoing.getByText(/must start with http:\/\/ or https:\/\//).waitFor();

    await outgoing.getByLabel('URL').fill(receiver.url);
    await outgoing.getByLabel('Authorization header').fill('Bearer account-test');
    await outgoing.getByLabel('delivered').check();
    await outgoing.getByLabel('failed').check();
    await outgoing.getByRole('button', { name: 'Save' }).click();
    await outgoing.getByText('Saved. New events are posted to this URL.').waitFor();
    assert.equal(await outgoing.getByLabel('URL').getAttribute('aria-invalid'), null, 'the field error is gone');
    assert.deepEqual((await settings()).OutgoingWebhook, { URL: receiver.url, Authorization: 'Bearer account-test', Events: ['delivered', 'failed'] });

    await outgoing.getByLabel('Event for the test').selectOption('failed');
    await outgoing.getByRole('button', { name: 'Send test' }).click();
    await outgoing.getByText('The receiver answered HTTP 200.').waitFor();
    await outgoing.getByText('ok from the app').waitFor();
    const [call] = await receiver.waitForCalls(1);
    assert.equal(call.headers.authorization, 'Bearer account-test');
    assert.equal(call.headers['x-mox-webhook-id'], '1');
    const payload = JSON.parse(call.body);
    assert.equal(payload.Event, 'failed');
    assert.equal(payload.SMTPCode, 550);
    await screenshot(page, 'account-settings');

    receiver.answer({ status: 503, body: 'maintenance, back soon\n' });
    await outgoing.getByRole('button', { name: 'Send test' }).click();
    await outgoing.getByText('The receiver answered HTTP 503: webhooks would be retried.').waitFor();
    await outgoing.getByText('maintenance, back soon').waitFor();
    receiver.answer({ status: 200, body: 'ok from the app\n' });
  });

  it('tests the incoming webhook with a sample message', async () => {
    const incoming = section('Incoming webhook');
    await incoming.getByLabel('URL').fill(`${receiver.url}/incoming`);
    const before = receiver.calls.length;
    await incoming.getByRole('button', { name: 'Send test' }).click();
    await incoming.getByText('The receiver answered HTTP 200.').waitFor();
    const call = receiver.calls[before];
    assert.equal(call.path, '/incoming');
    assert.deepEqual(JSON.parse(call.body).To, [{ Name: '', Address: ACCOUNT.address }]);
    assert.equal((await settings()).IncomingWebhook, null, 'testing saves nothing');
  });

  it('generates, shows and clears the signing secret; tests are then signed', async () => {
    const secret = section('Signing secret');
    await secret.getByText('Webhooks are not signed.').waitFor();
    await secret.getByRole('button', { name: 'Generate a secret' }).click();
    await secret.getByText('Webhooks are signed.').waitFor();
    const saved = (await settings()).WebhookSecret as string;
    assert.match(saved, /^whsec_[A-Za-z0-9+/]{43}=$/);
    const show = secret.getByRole('button', { name: 'Show secret' });
    assert.equal(await show.getAttribute('aria-expanded'), 'false');
    await show.click();
    assert.equal(await secret.locator('code.secret').textContent(), saved);
    assert.equal(await secret.getByRole('button', { name: 'Hide secret' }).getAttribute('aria-expanded'), 'true');

    const before = receiver.calls.length;
    await section('Outgoing webhook').getByRole('button', { name: 'Send test' }).click();
    await section('Outgoing webhook').getByText('The receiver answered HTTP 200.').waitFor();
    assert.match(String(receiver.calls[before].headers['webhook-signature']), /^v1,/);

    await secret.getByRole('button', { name: 'Stop signing…' }).click();
    await secret.getByText('Webhooks are not signed.').waitFor();
    assert.equal((await settings()).WebhookSecret, '');
  });

  it('adds a FromID login address and changes how long history is kept', async () => {
    const fromid = section('FromID login addresses');
    await fromid.getByLabel('Login address').fill('shop+fromid@shop.example');
    await fromid.getByRole('button', { name: 'Add' }).click();
    await fromid.getByText('shop+fromid@shop.example now sends with FromID.').waitFor();
    assert.deepEqual((await settings()).FromIDLoginAddresses, ['shop+fromid@shop.example']);
    await fromid.getByRole('button', { name: 'Remove shop+fromid@shop.example' }).click();
    await fromid.getByText('None: every send uses the plain envelope sender.').waitFor();
    assert.deepEqual((await settings()).FromIDLoginAddresses, []);

    const kept = section('History kept');
    await kept.getByLabel('Keep retired messages for').fill('48h');
    await kept.getByRole('button', { name: 'Save' }).click();
    await kept.getByText(/^Saved;/).waitFor();
    assert.equal((await settings()).KeepRetiredMessagePeriod, '48h');
    await kept.getByLabel('Keep retired messages for').fill('two days');
    await kept.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(() => document.querySelector('input[name="KeepRetiredMessagePeriod"][aria-invalid="true"]') !== null);
    await kept.getByLabel('Keep retired messages for').fill('24h');
    await kept.getByRole('button', { name: 'Save' }).click();
    await kept.getByText(/^Saved;/).waitFor();
  });

  it('adds suppressions with a reason, finds them, and removes one', async () => {
    await go('suppressions', 'Suppression list');
    const add = section('Add an address');
    for (const [address, reason] of [
      ['bounce@example.net', 'asked to stop'],
      ['other@example.org', 'typo domain'],
    ]) {
      await add.getByLabel('Address').fill(address);
      await add.getByLabel('Reason').fill(reason);
      await add.getByRole('button', { name: 'Add to the list' }).click();
      await add.getByText(`Added ${address}; messages to it are not delivered.`).waitFor();
    }
    const listed = (await web.account('SuppressionList', {})).Suppressions.map((s: { OriginalAddress: string; Reason: string; Manual: boolean }) => [s.OriginalAddress, s.Reason, s.Manual]);
    assert.deepEqual(listed, [
      ['bounce@example.net', 'asked to stop', true],
      ['other@example.org', 'typo domain', true],
    ]);
    const list = section('Suppressed addresses');
    await list.getByRole('cell', { name: 'asked to stop' }).waitFor();

    await list.getByLabel('Search').fill('asked');
    await list.getByText('1 of 2 entries match.').waitFor();
    assert.equal(await list.locator('tbody tr').count(), 1);
    await list.getByLabel('Search').fill('Bounce+news@example.net');
    await list.getByText('Bounce+news@example.net is suppressed.').waitFor();
    await list.getByLabel('Search').fill('');
    await screenshot(page, 'account-suppressions');

    await list.getByRole('button', { name: 'Remove bounce@example.net' }).click();
    await list.getByText('Removed bounce@example.net; messages to it are delivered again.').waitFor();
    assert.deepEqual((await web.account('SuppressionList', {})).Suppressions.map((s: { OriginalAddress: string }) => s.OriginalAddress), ['other@example.org']);

    await add.getByLabel('Address').fill('other@example.org');
    await add.getByRole('button', { name: 'Add to the list' }).click();
    await add.getByRole('alert').getByText(/other@example\.org|exists|already/).waitFor();
  });

  it('shows the account\'s queued and delivered messages, a message\'s timeline, and its latest webhooks', async () => {
    await web.admin('HoldRuleAdd', { RecipientDomain: 'hold.example' });
    const [held] = await web.send(['waiting@hold.example'], 'Waiting on a hold');
    const [sent] = await web.send(['reader@dest.example'], 'Delivered with a webhook');
    await eventually(async () => (await web.account('RetiredList', { Filter: { IDs: [sent] } })).Messages.length === 1, 'delivery');

    await go('queue', 'Queue');
    await page.locator(`tr[data-id="${held}"]`).getByText('on hold').waitFor();
    assert.equal(await page.locator(`tr[data-id="${sent}"]`).count(), 0);
    await screenshot(page, 'account-queue');

    await go('history', 'History');
    const row = page.locator(`tr[data-id="${sent}"]`);
    await row.getByText('delivered', { exact: true }).waitFor();
    await screenshot(page, 'account-history');
    await row.getByRole('link', { name: String(sent) }).click();
    await assertHeading(page, `Message ${sent}`);
    const timeline = page.locator('ol.timeline');
    await timeline.locator('li[data-type="MessageDelivered"]').waitFor();
    await timeline.locator('li[data-type="WebhookQueued"]').waitFor();
    await screenshot(page, 'account-message');

    await go('webhooks', 'Webhooks');
    const finished = section('Finished');
    const hookOf = (id: number) => finished.locator('tbody tr').filter({ has: page.getByRole('link', { name: String(id), exact: true }) });
    await hookOf(sent).locator('.badge').getByText('delivered', { exact: true }).waitFor({ timeout: 20_000 });
    await finished.getByText('ok from the app').first().waitFor({ state: 'attached' });
    await page.getByText(/Updated at .*refreshed every 3 seconds/).waitFor();
    await screenshot(page, 'account-webhooks');

    // The live view picks up a new webhook by itself.
    const [later] = await web.send(['second@dest.example'], 'Second one');
    await hookOf(later).waitFor({ timeout: 20_000 });
  });

  it('reads on a phone without sideways scrolling', async () => {
    const phone = await browser.page({ width: 390, height: 844 });
    await phone.goto(`${web.url}/account/`);
    await phone.getByLabel('E-mail address').fill(ACCOUNT.address);
    await phone.getByLabel('Password').fill(ACCOUNT.password);
    await phone.getByRole('button', { name: 'Log in' }).click();
    await assertHeading(phone, 'Settings');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width}px wide`);
    await screenshot(phone, 'account-settings-phone');
    await phone.goto(`${web.url}/account/#/history`);
    await assertHeading(phone, 'History');
    await phone.locator('tbody tr[data-id]').first().waitFor();
    assert.ok((await phone.evaluate(() => document.documentElement.scrollWidth)) <= 390);
    await screenshot(phone, 'account-history-phone');
    await phone.close();
  });

  it('had no script errors, and loaded nothing from elsewhere', () => {
    assert.deepEqual(browser.errors, []);
    assert.deepEqual(browser.requests.filter((url) => !url.startsWith(`${web.url}/`)), []);
  });
});
