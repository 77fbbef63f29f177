// Export and import of the dynamic configuration: a round trip reproduces the YAML exactly, a second
// import changes nothing, only differences become events, and a bad file is refused whole with every
// problem named by its path.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CommandBus } from '@nestjs/cqrs';
import { hashPassword } from '../../../src/auth/passwords';
import { AddAccount } from '../../../src/config/accounts/add-account';
import { AddAddress } from '../../../src/config/accounts/add-address';
import { SaveAccountLoginDisabled } from '../../../src/config/accounts/save-account-login-disabled';
import { SaveAccountSettings } from '../../../src/config/accounts/save-account-settings';
import { SaveFromIDLoginAddresses } from '../../../src/config/accounts/save-fromid-login-addresses';
import { SaveIncomingWebhook } from '../../../src/config/accounts/save-incoming-webhook';
import { SaveOutgoingWebhook } from '../../../src/config/accounts/save-outgoing-webhook';
import { SaveWebhookSecret } from '../../../src/config/accounts/save-webhook-secret';
import { generateDkimKey } from '../../../src/config/dkim-keys';
import { AddDomain } from '../../../src/config/domains/add-domain';
import { AddDomainDKIMKey } from '../../../src/config/domains/add-domain-dkim-key';
import { SaveDomainDisabled } from '../../../src/config/domains/save-domain-disabled';
import { SqlConfigView } from '../../../src/config/sql-config-view';
import type { ConfigDocument } from '../../../src/config/transfer/config-document';
import { exportConfig, renderConfigYaml } from '../../../src/config/transfer/export-config';
import { importConfig } from '../../../src/config/transfer/import-config';
import { readConfigDocument } from '../../../src/config/transfer/read-config-document';
import { startTestNode, type TestNode } from '../../support/test-node';
import { domain } from '../fixtures';

const options = { prune: false, allowPrivateTargets: true };

function read(text: string): ConfigDocument {
  const result = readConfigDocument(text);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.document;
}

async function importInto(node: TestNode, document: ConfigDocument, more: Partial<typeof options> & { dryRun?: boolean } = {}) {
  return importConfig(document, node.get(SqlConfigView), node.get(CommandBus), { ...options, ...more });
}

const yamlOf = (node: TestNode) => renderConfigYaml(exportConfig(node.get(SqlConfigView)));

describe('config export and import', () => {
  let source: TestNode;
  let target: TestNode;
  let exported: string;

  before(async () => {
    source = await startTestNode();
    target = await startTestNode();
    const bus = source.get(CommandBus);
    await bus.execute(new AddDomain(domain('example.org'), ['+', '-']));
    await bus.execute(new AddDomain(domain('bücher.example'), []));
    await bus.execute(new AddDomainDKIMKey(domain('example.org'), '2025a', await generateDkimKey('ed25519')));
    await bus.execute(new AddDomainDKIMKey(domain('example.org'), '2025b', await generateDkimKey('rsa')));
    await bus.execute(new SaveDomainDisabled(domain('bücher.example'), true));
    await bus.execute(new AddAccount('shop', 'shop@example.org', 'Example Shop', await hashPassword('shop password')));
    await bus.execute(new AddAddress('shop', 'orders@example.org'));
    await bus.execute(new AddAddress('shop', '@bücher.example'));
    await bus.execute(new SaveAccountSettings({ Account: 'shop', FullName: 'Example Shop', MaxOutgoingMessagesPerDay: 5000, MaxFirstTimeRecipientsPerDay: 10, NoCustomPassword: true, KeepRetiredMessagePeriod: '168h', KeepRetiredWebhookPeriod: '72h' }));
    await bus.execute(new SaveOutgoingWebhook('shop', 'https://app.example.org/out', 'Bearer out', ['failed', 'delivered']));
    await bus.execute(new SaveIncomingWebhook('shop', 'http://127.0.0.1:9999/in', ''));
    await bus.execute(new SaveWebhookSecret('shop', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'));
    await bus.execute(new SaveFromIDLoginAddresses('shop', ['shop+fromid@example.org']));
    await bus.execute(new AddAccount('blog', 'blog@example.org', '', ''));
    await bus.execute(new SaveAccountLoginDisabled('blog', 'paused'));
    exported = yamlOf(source);
  });
  after(async () => {
    await source?.stop();
    await target?.stop();
  });

  it('starts with a comment saying the file holds secrets, and holds them', () => {
    assert.match(exported, /^# Postwire dynamic configuration/);
    assert.match(exported, /HOLDS SECRETS/);
    assert.match(exported, /BEGIN PRIVATE KEY/);
    assert.match(exported, /passwordHash: scrypt\$/);
    assert.match(exported, /webhookSecret: whsec_/);
  });

  it('importing an export into an empty store and exporting again gives the same YAML', async () => {
    const outcome = await importInto(target, read(exported));
    assert.ok(outcome.ok && !outcome.failure, JSON.stringify(outcome));
    assert.equal(yamlOf(target), exported);
  });

  it('a second import finds nothing to change and appends nothing', async () => {
    const head = await target.runtime.store.headPosition();
    const outcome = await importInto(target, read(exported));
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.steps, []);
    assert.equal(await target.runtime.store.headPosition(), head);
  });

  it('applies only the differences, moving an address between accounts and replacing a key', async () => {
    const doc = read(exported);
    doc.accounts.shop.addresses = doc.accounts.shop.addresses.filter((a) => a !== 'orders@example.org');
    doc.accounts.blog.addresses.push('orders@example.org');
    doc.accounts.blog.loginDisabled = '';
    doc.accounts.shop.outgoingWebhook = null;
    doc.domains['example.org']!.dkimKeys = doc.domains['example.org']!.dkimKeys!.slice(0, 1);
    doc.domains['new.example'] = { localpartCatchallSeparators: ['+'] };
    doc.accounts.fresh = { addresses: ['fresh@new.example', '@new.example'], fullName: 'Fresh', keepRetiredMessagePeriod: '24h' };

    const dry = await importInto(target, doc, { dryRun: true });
    assert.ok(dry.ok);
    assert.equal(dry.applied, 0);
    assert.deepEqual(
      dry.steps.map((s) => s.description),
      [
        'domain example.org: remove DKIM key 2025b',
        'domain new.example: add with separators [+]',
        'account shop: remove address orders@example.org',
        'account fresh: add with address fresh@new.example',
        'account blog: add address orders@example.org',
        'account fresh: add address @new.example',
        'account blog: enable logins',
        'account shop: outgoing webhook off',
        'account fresh: settings (KeepRetiredMessagePeriod)',
      ],
    );
    const outcome = await importInto(target, doc);
    assert.ok(outcome.ok && !outcome.failure && outcome.applied === 9, JSON.stringify(outcome));
    const view = target.get(SqlConfigView);
    assert.equal(view.lookupAddress('orders@example.org')?.account.Name, 'blog');
    assert.equal(view.lookupAddress('anyone@new.example')?.account.Name, 'fresh');
    assert.equal(view.account('shop')?.OutgoingWebhook, null);
    assert.deepEqual(view.domain('example.org')?.DKIM.map((k) => k.Selector), ['2025a']);
    assert.equal(view.account('fresh')?.KeepRetiredMessagePeriod, '24h');
    assert.equal(view.account('fresh')?.PasswordHash, '');
    // Fields left out keep their values.
    assert.equal(view.account('shop')?.MaxOutgoingMessagesPerDay, 5000);
  });

  it('with prune, removes accounts and domains the file does not list', async () => {
    const doc = read(yamlOf(target));
    delete doc.accounts.fresh;
    delete doc.domains['new.example'];
    const withoutPrune = await importInto(target, doc);
    assert.ok(withoutPrune.ok && withoutPrune.steps.length === 0);
    const outcome = await importInto(target, doc, { prune: true });
    assert.ok(outcome.ok && !outcome.failure, JSON.stringify(outcome));
    assert.deepEqual(
      outcome.steps.map((s) => s.description),
      ['account fresh: remove (not in the file)', 'domain new.example: remove (not in the file)'],
    );
    assert.equal(target.get(SqlConfigView).account('fresh'), null);
    assert.equal(target.get(SqlConfigView).domain('new.example'), null);
  });

  it('refuses a file with problems as a whole, naming each by its path, and changes nothing', async () => {
    const head = await target.runtime.store.headPosition();
    const doc = read(exported);
    doc.domains['example.org']!.localpartCatchallSeparators = ['a'];
    doc.domains['example.org']!.dkimKeys![0].privateKey = 'not a key';
    doc.accounts.shop.addresses.push('x@nowhere.example', 'blog@example.org');
    doc.accounts.shop.keepRetiredWebhookPeriod = 'forever';
    doc.accounts.shop.outgoingWebhook = { url: 'ftp://x', events: ['bogus'] };
    doc.accounts.shop.fromIDLoginAddresses = ['someone+x@example.org'];
    doc.accounts['bad name'] = { addresses: ['bad@example.org'] };
    const outcome = await importInto(target, doc, { allowPrivateTargets: false });
    assert.ok(!outcome.ok);
    assert.deepEqual(outcome.problems, [
      `domains["example.org"].localpartCatchallSeparators: catch-all separator "a" is not valid: use one character of !#$%&'*+-/=?^_\`{|}~ (a letter, digit or "." would split ordinary addresses, other characters need quoting in addresses)`,
      'domains["example.org"].dkimKeys[0].privateKey: not a usable DKIM key: it is not a PEM private key',
      'accounts.shop.addresses[3]: domain nowhere.example is not in the file and not configured',
      'accounts.shop.addresses[4]: blog@example.org is also listed at accounts.blog.addresses[0]',
      'accounts.shop.keepRetiredWebhookPeriod: "forever" is not a duration such as "72h", "30m" or "0s"',
      'accounts.shop.outgoingWebhook: url: "ftp://x" must start with http:// or https://',
      'accounts.shop.outgoingWebhook: events: unknown event "bogus"; known: delivered, suppressed, delayed, failed, relayed, expanded, canceled, unrecognized',
      'accounts.shop.incomingWebhook: url: "http://127.0.0.1:9999/in" points at a loopback or private address; webhooks must reach the application over the network (the bootstrap setting webhooks.allowPrivateTargets allows it)',
      'accounts.shop.fromIDLoginAddresses: login address "someone+x@example.org" is not an address of the account (it would be someone@example.org); use a variant of one of: shop@example.org, orders@example.org, @bücher.example',
      'accounts["bad name"]: account name "bad name" is not valid: 1-64 characters, letters, digits, ".", "_" and "-", starting with a letter or digit',
    ]);
    assert.equal(await target.runtime.store.headPosition(), head);
  });

  it('refuses an address that belongs to an account the file does not list', async () => {
    const doc: ConfigDocument = { domains: {}, accounts: { newcomer: { addresses: ['shop@example.org'] } } };
    const outcome = await importInto(target, doc);
    assert.ok(!outcome.ok);
    assert.deepEqual(outcome.problems, ['accounts.newcomer.addresses[0]: shop@example.org belongs to account shop, which the file does not list (list it, or import with --prune to remove it)']);
  });

  it('reads YAML problems and shape problems with their paths', () => {
    const syntax = readConfigDocument('domains: [\n');
    assert.ok(!syntax.ok);
    assert.match(syntax.problems[0], /^YAML syntax/);
    assert.deepEqual(readConfigDocument('accounts:\n  a:\n    adresses: [x@y]\n'), {
      ok: false,
      problems: ['accounts.a: missing field "addresses"', 'accounts.a: unknown field "adresses"'],
    });
    assert.deepEqual(readConfigDocument(''), { ok: true, document: { domains: {}, accounts: {} } });
  });
});
