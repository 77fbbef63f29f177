// The webapi's own-settings methods through the Nest application (mox's account page tests, reference
// 10.44), and isolation: an account's calls only ever read or change that account.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CommandBus } from '@nestjs/cqrs';
import { AccountAuthenticator } from '../../../src/auth/account-authenticator';
import { AddAccount } from '../../../src/config/accounts/add-account';
import { AddAddress } from '../../../src/config/accounts/add-address';
import { SaveAccountSettings } from '../../../src/config/accounts/save-account-settings';
import {
  AccountSettingsGetMethod,
  FromIDLoginAddressesSaveMethod,
  IncomingWebhookSaveMethod,
  KeepRetiredPeriodsSaveMethod,
  OutgoingWebhookSaveMethod,
  PasswordSaveMethod,
  WebhookSecretSaveMethod,
} from '../../../src/config/api/account-settings-methods';
import { ConfigView } from '../../../src/config/config-view';
import { AddDomain } from '../../../src/config/domains/add-domain';
import { hashPassword } from '../../../src/auth/passwords';
import { startTestNode, type TestNode } from '../../support/test-node';
import { domain } from '../fixtures';
import { accountCaller, admin, assertApiError, assertMatchesSpec } from './callers';

const mjl = accountCaller('mjl', 'mjl@mox.example');
const other = accountCaller('other', 'other@mox.example');
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('webapi: account settings', () => {
  let node: TestNode;
  before(async () => {
    // Loopback webhook targets are refused unless the bootstrap file allows them.
    node = await startTestNode({ bootstrap: { webhooks: { allowPrivateTargets: false } } });
    const bus = node.get(CommandBus);
    await bus.execute(new AddDomain(domain('mox.example'), ['+']));
    await bus.execute(new AddDomain(domain('mox2.example'), []));
    await bus.execute(new AddAccount('mjl', 'mjl@mox.example', 'Mechiel', await hashPassword('mjl password')));
    await bus.execute(new AddAddress('mjl', 'mjl@mox2.example'));
    await bus.execute(new AddAccount('other', 'other@mox.example', 'Other', await hashPassword('other password')));
  });
  after(() => node?.stop());

  it('gets the settings per the spec', async () => {
    const settings = await node.get(AccountSettingsGetMethod).handle({}, mjl);
    assertMatchesSpec('webapi', 'AccountSettingsGet', settings);
    assert.deepEqual(settings, {
      Name: 'mjl',
      FullName: 'Mechiel',
      Addresses: ['mjl@mox.example', 'mjl@mox2.example'],
      OutgoingWebhook: null,
      IncomingWebhook: null,
      WebhookSecret: '',
      FromIDLoginAddresses: [],
      KeepRetiredMessagePeriod: '0s',
      KeepRetiredWebhookPeriod: '0s',
      MaxOutgoingMessagesPerDay: 1000,
      MaxFirstTimeRecipientsPerDay: 200,
      NoCustomPassword: false,
    });
  });

  it('OutgoingWebhookSave: events ["delivered"] or [] are fine, "bogus" and URL "invalid" are user errors, "" clears', async () => {
    const save = node.get(OutgoingWebhookSaveMethod);
    await save.handle({ URL: 'http://mox.example/outgoing', Authorization: 'Basic dXNlcm5hbWU6cGFzc3dvcmQ=', Events: ['delivered'] }, mjl);
    assert.deepEqual(node.get(ConfigView).account('mjl')!.OutgoingWebhook, { URL: 'http://mox.example/outgoing', Authorization: 'Basic dXNlcm5hbWU6cGFzc3dvcmQ=', Events: ['delivered'] });
    await save.handle({ URL: 'http://mox.example/outgoing', Events: [] }, mjl);
    assert.deepEqual(node.get(ConfigView).account('mjl')!.OutgoingWebhook, { URL: 'http://mox.example/outgoing', Authorization: '', Events: [] });
    await assertApiError(save.handle({ URL: 'http://mox.example/outgoing', Events: ['bogus' as 'delivered'] }, mjl), 'user', /unknown event "bogus"/);
    await assertApiError(save.handle({ URL: 'invalid' }, mjl), 'user', /not an absolute URL/);
    await assertApiError(save.handle({ URL: 'http://127.0.0.1:8080/hook' }, mjl), 'user', /loopback or private/);
    await save.handle({ URL: '' }, mjl);
    assert.equal(node.get(ConfigView).account('mjl')!.OutgoingWebhook, null);
  });

  it('IncomingWebhookSave sets and clears', async () => {
    await node.get(IncomingWebhookSaveMethod).handle({ URL: 'https://app.example.org/incoming', Authorization: 'Bearer x' }, mjl);
    assert.deepEqual(node.get(ConfigView).account('mjl')!.IncomingWebhook, { URL: 'https://app.example.org/incoming', Authorization: 'Bearer x' });
    await assertApiError(node.get(IncomingWebhookSaveMethod).handle({ URL: 'ftp://app.example.org/' }, mjl), 'user', /http/);
    await node.get(IncomingWebhookSaveMethod).handle({ URL: '' }, mjl);
    assert.equal(node.get(ConfigView).account('mjl')!.IncomingWebhook, null);
  });

  it('WebhookSecretSave sets and clears the secret; AccountSettingsGet shows it', async () => {
    await node.get(WebhookSecretSaveMethod).handle({ Secret: secret }, mjl);
    assert.equal((await node.get(AccountSettingsGetMethod).handle({}, mjl)).WebhookSecret, secret);
    await node.get(WebhookSecretSaveMethod).handle({ Secret: '' }, mjl);
    assert.equal(node.get(ConfigView).account('mjl')!.WebhookSecret, '');
  });

  it("FromIDLoginAddressesSave: the account's address, its +fromid variant or [] are fine; an unknown domain is a user error", async () => {
    const save = node.get(FromIDLoginAddressesSaveMethod);
    await save.handle({ LoginAddresses: ['mjl@mox.example'] }, mjl);
    await save.handle({ LoginAddresses: ['mjl+fromid@mox.example'] }, mjl);
    assert.deepEqual(node.get(ConfigView).account('mjl')!.FromIDLoginAddresses, ['mjl+fromid@mox.example']);
    await assertApiError(save.handle({ LoginAddresses: ['mjl+fromid@unknown.example'] }, mjl), 'user', /unknown\.example is not configured/);
    await assertApiError(save.handle({ LoginAddresses: ['mjl@mox2.example'] }, mjl), 'user', /no catch-all separator/);
    await assertApiError(save.handle({ LoginAddresses: ['other+fromid@mox.example'] }, mjl), 'user', /not an address of the account/);
    await assertApiError(save.handle({ LoginAddresses: ['bogus'] }, mjl), 'badAddress', /no "@"/);
    await save.handle({ LoginAddresses: [] }, mjl);
    assert.deepEqual(node.get(ConfigView).account('mjl')!.FromIDLoginAddresses, []);
  });

  it('KeepRetiredPeriodsSave stores the periods', async () => {
    await node.get(KeepRetiredPeriodsSaveMethod).handle({ KeepRetiredMessagePeriod: '168h', KeepRetiredWebhookPeriod: '72h' }, mjl);
    const a = node.get(ConfigView).account('mjl')!;
    assert.deepEqual([a.KeepRetiredMessagePeriod, a.KeepRetiredWebhookPeriod], ['168h', '72h']);
  });

  it('PasswordSave changes the password; a password set in NFD with Unicode spaces logs in with its NFC form', async () => {
    const auth = node.get(AccountAuthenticator);
    await node.get(PasswordSaveMethod).handle({ Password: 'Ame\u0301lie\u00a0in\u2003Paris' }, mjl);
    assert.equal((await auth.verify('mjl@mox.example', 'mjl password')).ok, false);
    assert.equal((await auth.verify('mjl@mox.example', 'Amélie in Paris')).ok, true);
    assert.equal((await auth.verify('mjl@mox.example', 'Ame\u0301lie\u00a0in\u2003Paris')).ok, true);
    await assertApiError(node.get(PasswordSaveMethod).handle({ Password: 'short' }, mjl), 'user', /shorter than 8/);
  });

  it('PasswordSave is refused under NoCustomPassword', async () => {
    await node.get(CommandBus).execute(
      new SaveAccountSettings({ Account: 'other', FullName: 'Other', MaxOutgoingMessagesPerDay: 1000, MaxFirstTimeRecipientsPerDay: 200, NoCustomPassword: true, KeepRetiredMessagePeriod: '0s', KeepRetiredWebhookPeriod: '0s' }),
    );
    await assertApiError(node.get(PasswordSaveMethod).handle({ Password: 'my own choice' }, other), 'user', /NoCustomPassword/);
    assert.equal((await node.get(AccountAuthenticator).verify('other@mox.example', 'other password')).ok, true);
  });

  it("never touches another account: every save by mjl leaves other's stream and settings as they were", async () => {
    const store = node.runtime.store;
    const otherBefore = await store.readStream('account-other');
    const settingsBefore = node.get(ConfigView).account('other');
    await node.get(OutgoingWebhookSaveMethod).handle({ URL: 'https://app.example.org/mjl', Events: ['failed'] }, mjl);
    await node.get(IncomingWebhookSaveMethod).handle({ URL: 'https://app.example.org/mjl-in' }, mjl);
    await node.get(WebhookSecretSaveMethod).handle({ Secret: secret }, mjl);
    await node.get(FromIDLoginAddressesSaveMethod).handle({ LoginAddresses: ['mjl+x@mox.example'] }, mjl);
    await node.get(KeepRetiredPeriodsSaveMethod).handle({ KeepRetiredMessagePeriod: '1h', KeepRetiredWebhookPeriod: '2h' }, mjl);
    await node.get(PasswordSaveMethod).handle({ Password: 'yet another one' }, mjl);
    assert.deepEqual(await store.readStream('account-other'), otherBefore);
    assert.deepEqual(node.get(ConfigView).account('other'), settingsBefore);
    const mine = await node.get(AccountSettingsGetMethod).handle({}, mjl);
    const theirs = await node.get(AccountSettingsGetMethod).handle({}, other);
    assert.equal(mine.Name, 'mjl');
    assert.equal(theirs.Name, 'other');
    assert.deepEqual(theirs.OutgoingWebhook, null);
    assert.deepEqual(theirs.FromIDLoginAddresses, []);
  });

  it('an account cannot claim another account\'s address as a FromID login', async () => {
    await assertApiError(node.get(FromIDLoginAddressesSaveMethod).handle({ LoginAddresses: ['other+fromid@mox.example'] }, mjl), 'user', /not an address of the account/);
  });

  it('refuses to run without an account caller', async () => {
    await assertApiError(node.get(AccountSettingsGetMethod).handle({}, admin), 'server', /account login/);
  });
});
