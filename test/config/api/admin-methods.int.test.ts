// The adminapi's domain and account methods through the Nest application, answers checked against
// openapi/adminapi.yaml.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AccountAuthenticator } from '../../../src/auth/account-authenticator';
import { verifyPassword } from '../../../src/auth/passwords';
import {
  AccountAddMethod,
  AccountGetMethod,
  AccountListMethod,
  AccountLoginDisabledSaveMethod,
  AccountPasswordSetMethod,
  AccountRemoveMethod,
  AccountSettingsSaveMethod,
  AddressAddMethod,
  AddressRemoveMethod,
} from '../../../src/config/api/account-methods';
import {
  DomainAddMethod,
  DomainDisabledSaveMethod,
  DomainDKIMKeyAddMethod,
  DomainDKIMKeyRemoveMethod,
  DomainListMethod,
  DomainLocalpartConfigSaveMethod,
  DomainRemoveMethod,
} from '../../../src/config/api/domain-methods';
import { ConfigView } from '../../../src/config/config-view';
import { publicKeyFromRecord } from '../../../src/config/dkim-keys';
import { startTestNode, type TestNode } from '../../support/test-node';
import { admin, assertApiError, assertMatchesSpec } from './callers';

describe('adminapi: domains', () => {
  let node: TestNode;
  before(async () => {
    node = await startTestNode();
  });
  after(() => node?.stop());

  it('adds a domain (Unicode name) and lists it with ASCII and Unicode names', async () => {
    assert.deepEqual(await node.get(DomainAddMethod).handle({ Domain: 'Bücher.example', LocalpartCatchallSeparators: ['+'] }, admin), {});
    const list = await node.get(DomainListMethod).handle({}, admin);
    assertMatchesSpec('adminapi', 'DomainList', list);
    assert.deepEqual(list.Domains, [{ Name: 'xn--bcher-kva.example', NameUnicode: 'bücher.example', Disabled: false, LocalpartCatchallSeparators: ['+'], DKIMKeys: [] }]);
  });

  it('refuses a domain name that does not parse, or one that exists, as user errors', async () => {
    await assertApiError(node.get(DomainAddMethod).handle({ Domain: 'not a domain' }, admin), 'user', /not a valid domain name/);
    await assertApiError(node.get(DomainAddMethod).handle({ Domain: 'xn--bcher-kva.example' }, admin), 'user', /already exists/);
    await assertApiError(node.get(DomainAddMethod).handle({ Domain: 'other.example', LocalpartCatchallSeparators: ['x'] }, admin), 'user', /separator "x"/);
  });

  it('generates DKIM keys whose returned record verifies signatures, and lists them', async () => {
    const ed = await node.get(DomainDKIMKeyAddMethod).handle({ Domain: 'bücher.example', Selector: '2025a', Algorithm: 'ed25519' }, admin);
    assertMatchesSpec('adminapi', 'DomainDKIMKeyAdd', ed);
    assert.equal(ed.DNSRecordName, '2025a._domainkey.xn--bcher-kva.example');
    assert.match(ed.DNSRecordValue, /^v=DKIM1;k=ed25519;p=[A-Za-z0-9+/]{43}=$/);
    const rsa = await node.get(DomainDKIMKeyAddMethod).handle({ Domain: 'bücher.example', Selector: '2025b', Algorithm: 'rsa' }, admin);
    assert.match(rsa.DNSRecordValue, /^v=DKIM1;k=rsa;p=MIIBIjAN/);
    const key = node.get(ConfigView).domain('bücher.example')!.DKIM[1];
    assert.equal(publicKeyFromRecord('rsa', rsa.DNSRecordValue.split('p=')[1]).export({ format: 'pem', type: 'spki' }), publicKeyFromRecord('rsa', key.PublicKey).export({ format: 'pem', type: 'spki' }));
    const list = await node.get(DomainListMethod).handle({}, admin);
    assertMatchesSpec('adminapi', 'DomainList', list);
    assert.deepEqual(
      list.Domains[0].DKIMKeys.map((k) => [k.Selector, k.Algorithm, k.DNSRecordValue]),
      [
        ['2025a', 'ed25519', ed.DNSRecordValue],
        ['2025b', 'rsa', rsa.DNSRecordValue],
      ],
    );
    await assertApiError(node.get(DomainDKIMKeyAddMethod).handle({ Domain: 'bücher.example', Selector: '2025a', Algorithm: 'rsa' }, admin), 'user', /already has a DKIM key/);
    await assertApiError(node.get(DomainDKIMKeyAddMethod).handle({ Domain: 'nope.example', Selector: 'x', Algorithm: 'rsa' }, admin), 'notFound', /no domain nope\.example/);
    assert.deepEqual(await node.get(DomainDKIMKeyRemoveMethod).handle({ Domain: 'bücher.example', Selector: '2025b' }, admin), {});
    await assertApiError(node.get(DomainDKIMKeyRemoveMethod).handle({ Domain: 'bücher.example', Selector: '2025b' }, admin), 'notFound', /no DKIM key with selector "2025b"/);
  });

  it('saves separators and the disabled flag; unknown domains are notFound', async () => {
    await node.get(DomainLocalpartConfigSaveMethod).handle({ Domain: 'bücher.example', LocalpartCatchallSeparators: ['+', '-'] }, admin);
    await node.get(DomainDisabledSaveMethod).handle({ Domain: 'BÜCHER.example', Disabled: true }, admin);
    const d = node.get(ConfigView).domain('bücher.example')!;
    assert.deepEqual([d.LocalpartCatchallSeparators, d.Disabled], [['+', '-'], true]);
    for (const call of [
      node.get(DomainLocalpartConfigSaveMethod).handle({ Domain: 'nope.example', LocalpartCatchallSeparators: [] }, admin),
      node.get(DomainDisabledSaveMethod).handle({ Domain: 'nope.example', Disabled: false }, admin),
      node.get(DomainRemoveMethod).handle({ Domain: 'nope.example' }, admin),
      node.get(DomainRemoveMethod).handle({ Domain: 'not a domain' }, admin),
    ]) {
      await assertApiError(call, 'notFound', /no domain/);
    }
  });

  it('removes a domain', async () => {
    await node.get(DomainRemoveMethod).handle({ Domain: 'bücher.example' }, admin);
    assert.deepEqual((await node.get(DomainListMethod).handle({}, admin)).Domains, []);
  });
});

describe('adminapi: accounts', () => {
  let node: TestNode;
  before(async () => {
    node = await startTestNode();
    await node.get(DomainAddMethod).handle({ Domain: 'example.org', LocalpartCatchallSeparators: ['+'] }, admin);
  });
  after(() => node?.stop());

  it('adds an account with a generated password that logs in, shown once', async () => {
    const result = await node.get(AccountAddMethod).handle({ Account: 'shop', Address: 'shop@example.org', FullName: 'Example Shop', Password: '' }, admin);
    assertMatchesSpec('adminapi', 'AccountAdd', result);
    assert.match(result.Password, /^\w{4}-\w{4}-\w{4}-\w{4}$/);
    assert.deepEqual(await node.get(AccountAuthenticator).verify('shop+x@example.org', result.Password), { ok: true, account: 'shop', loginAddress: 'shop+x@example.org' });
    const stored = node.get(ConfigView).account('shop')!.PasswordHash;
    assert.match(stored, /^scrypt\$/);
    assert.ok(!stored.includes(result.Password));
  });

  it('adds an account with a chosen password and answers Password ""', async () => {
    const result = await node.get(AccountAddMethod).handle({ Account: 'blog', Address: 'blog@example.org', Password: 'correct horse' }, admin);
    assert.deepEqual(result, { Password: '' });
    assert.equal(await verifyPassword('correct horse', node.get(ConfigView).account('blog')!.PasswordHash), true);
  });

  it('answers the documented errors', async () => {
    const add = node.get(AccountAddMethod);
    await assertApiError(add.handle({ Account: 'bad name', Address: 'x@example.org' }, admin), 'user', /account name "bad name" is not valid/);
    await assertApiError(add.handle({ Account: 'shop', Address: 'x@example.org' }, admin), 'user', /account shop already exists/);
    await assertApiError(add.handle({ Account: 'new', Address: 'not-an-address' }, admin), 'badAddress', /no "@"/);
    await assertApiError(add.handle({ Account: 'new', Address: 'new@unknown.example' }, admin), 'notFound', /domain unknown\.example does not exist/);
    await assertApiError(add.handle({ Account: 'new', Address: 'SHOP@example.org' }, admin), 'user', /shop@example\.org already belongs to account shop/);
    await assertApiError(add.handle({ Account: 'new', Address: 'new@example.org', Password: 'short' }, admin), 'user', /shorter than 8 characters/);
    assert.equal(node.get(ConfigView).account('new'), null);
  });

  it('gets and lists accounts per the spec, with mox defaults', async () => {
    const got = await node.get(AccountGetMethod).handle({ Account: 'shop' }, admin);
    assertMatchesSpec('adminapi', 'AccountGet', got);
    assert.deepEqual(got.Account, {
      Name: 'shop',
      FullName: 'Example Shop',
      Addresses: ['shop@example.org'],
      LoginDisabled: '',
      NoCustomPassword: false,
      MaxOutgoingMessagesPerDay: 1000,
      MaxFirstTimeRecipientsPerDay: 200,
      KeepRetiredMessagePeriod: '0s',
      KeepRetiredWebhookPeriod: '0s',
      OutgoingWebhook: null,
      IncomingWebhook: null,
      WebhookSigning: false,
      FromIDLoginAddresses: [],
    });
    const list = await node.get(AccountListMethod).handle({}, admin);
    assertMatchesSpec('adminapi', 'AccountList', list);
    assert.deepEqual(
      list.Accounts.map((a) => a.Name),
      ['blog', 'shop'],
    );
    await assertApiError(node.get(AccountGetMethod).handle({ Account: 'nobody' }, admin), 'notFound', /no account named nobody/);
  });

  it('saves settings, login disabling and the password', async () => {
    await node.get(AccountSettingsSaveMethod).handle(
      { Account: 'shop', FullName: 'Shop', MaxOutgoingMessagesPerDay: 5000, MaxFirstTimeRecipientsPerDay: 1000, NoCustomPassword: true, KeepRetiredMessagePeriod: '168h', KeepRetiredWebhookPeriod: '72h' },
      admin,
    );
    const shop = node.get(ConfigView).account('shop')!;
    assert.deepEqual(
      [shop.FullName, shop.MaxOutgoingMessagesPerDay, shop.MaxFirstTimeRecipientsPerDay, shop.NoCustomPassword, shop.KeepRetiredMessagePeriod, shop.KeepRetiredWebhookPeriod],
      ['Shop', 5000, 1000, true, '168h', '72h'],
    );
    await node.get(AccountPasswordSetMethod).handle({ Account: 'shop', Password: 'a new password' }, admin);
    assert.equal((await node.get(AccountAuthenticator).verify('shop@example.org', 'a new password')).ok, true);
    await assertApiError(node.get(AccountPasswordSetMethod).handle({ Account: 'shop', Password: 'short' }, admin), 'user', /shorter/);
    await assertApiError(node.get(AccountPasswordSetMethod).handle({ Account: 'nobody', Password: 'long enough' }, admin), 'notFound', /no account/);

    await node.get(AccountLoginDisabledSaveMethod).handle({ Account: 'shop', LoginDisabled: 'unpaid invoice' }, admin);
    assert.deepEqual(await node.get(AccountAuthenticator).verify('shop@example.org', 'a new password'), {
      ok: false,
      reason: 'disabled',
      message: 'login is disabled for this account',
    });
    await node.get(AccountLoginDisabledSaveMethod).handle({ Account: 'shop', LoginDisabled: '' }, admin);
    assert.equal((await node.get(AccountAuthenticator).verify('shop@example.org', 'a new password')).ok, true);
    await assertApiError(
      node.get(AccountSettingsSaveMethod).handle({ Account: 'nobody', FullName: '', MaxOutgoingMessagesPerDay: 1, MaxFirstTimeRecipientsPerDay: 1, NoCustomPassword: false, KeepRetiredMessagePeriod: '0s', KeepRetiredWebhookPeriod: '0s' }, admin),
      'notFound',
      /no account/,
    );
  });

  it('adds and removes addresses, catch-alls included', async () => {
    await node.get(AddressAddMethod).handle({ Account: 'shop', Address: 'orders@example.org' }, admin);
    await node.get(AddressAddMethod).handle({ Account: 'shop', Address: '@example.org' }, admin);
    assert.equal(node.get(ConfigView).lookupAddress('anything@example.org')?.account.Name, 'shop');
    assert.equal(node.get(ConfigView).lookupAddress('blog@example.org')?.account.Name, 'blog');
    await assertApiError(node.get(AddressAddMethod).handle({ Account: 'nobody', Address: 'x@example.org' }, admin), 'notFound', /no account named nobody/);
    await assertApiError(node.get(AddressAddMethod).handle({ Account: 'blog', Address: 'orders@example.org' }, admin), 'user', /already belongs to account shop/);
    await assertApiError(node.get(AddressAddMethod).handle({ Account: 'blog', Address: '@example.org' }, admin), 'user', /already belongs to account shop/);
    await node.get(AddressRemoveMethod).handle({ Address: '@example.org' }, admin);
    await node.get(AddressRemoveMethod).handle({ Address: 'Orders@Example.org' }, admin);
    assert.deepEqual(node.get(ConfigView).account('shop')!.Addresses, ['shop@example.org']);
    await assertApiError(node.get(AddressRemoveMethod).handle({ Address: 'orders@example.org' }, admin), 'notFound', /no account has address orders@example\.org/);
    await assertApiError(node.get(AddressRemoveMethod).handle({ Address: 'shop@example.org' }, admin), 'user', /last address/);
    await assertApiError(node.get(AddressRemoveMethod).handle({ Address: 'nonsense' }, admin), 'badAddress', /no "@"/);
  });

  it('removes an account, after which its addresses resolve no more and its name is free', async () => {
    await node.get(AccountRemoveMethod).handle({ Account: 'blog' }, admin);
    assert.equal(node.get(ConfigView).lookupAddress('blog@example.org'), null);
    assert.equal((await node.get(AccountAuthenticator).verify('blog@example.org', 'correct horse')).ok, false);
    await assertApiError(node.get(AccountRemoveMethod).handle({ Account: 'blog' }, admin), 'notFound', /no account named blog/);
    await node.get(AccountAddMethod).handle({ Account: 'blog', Address: 'blog@example.org', Password: 'another one' }, admin);
    assert.equal(node.get(ConfigView).account('blog')?.FullName, '');
  });

  it('refuses to remove a domain with addresses', async () => {
    await assertApiError(node.get(DomainRemoveMethod).handle({ Domain: 'example.org' }, admin), 'user', /still has addresses/);
  });
});
