// The config read model through SqlConfigView: what the commands write is what every capability reads,
// and lookupAddress resolves addresses the way mox does (IDNA, case, catch-all separators, @domain).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CommandBus } from '@nestjs/cqrs';
import { AddAccount } from '../../src/config/accounts/add-account';
import { AddAddress } from '../../src/config/accounts/add-address';
import { RemoveAccount } from '../../src/config/accounts/remove-account';
import { RemoveAddress } from '../../src/config/accounts/remove-address';
import { SaveFromIDLoginAddresses } from '../../src/config/accounts/save-fromid-login-addresses';
import { ConfigView } from '../../src/config/config-view';
import { AddDomain } from '../../src/config/domains/add-domain';
import { AddDomainDKIMKey } from '../../src/config/domains/add-domain-dkim-key';
import { RemoveDomain } from '../../src/config/domains/remove-domain';
import { generateDkimKey } from '../../src/config/dkim-keys';
import { SqlConfigView } from '../../src/config/sql-config-view';
import { startTestNode, type TestNode } from '../support/test-node';
import { domain } from './fixtures';

describe('SqlConfigView', () => {
  let node: TestNode;
  let bus: CommandBus;
  let view: ConfigView;

  before(async () => {
    node = await startTestNode();
    bus = node.get(CommandBus);
    view = node.get(ConfigView);
    await bus.execute(new AddDomain(domain('mox.example'), ['+', '-']));
    await bus.execute(new AddDomain(domain('☺.localhost'), []));
    await bus.execute(new AddDomain(domain('catchall.example'), ['+']));
    await bus.execute(new AddAccount('mjl', 'mjl@mox.example', 'Mechiel', ''));
    await bus.execute(new AddAddress('mjl', 'Móx@mox.example'));
    await bus.execute(new AddAddress('mjl', 'remote@xn--74h.localhost'));
    await bus.execute(new AddAccount('catcher', '@catchall.example', '', ''));
    await bus.execute(new AddAddress('catcher', 'exact@catchall.example'));
  });
  after(() => node?.stop());

  it('is what ConfigView resolves to', () => {
    assert.ok(view instanceof SqlConfigView);
  });

  it('reads a domain by ASCII or Unicode name in any case', () => {
    for (const name of ['☺.localhost', 'XN--74H.LOCALHOST', 'xn--74h.localhost']) {
      const d = view.domain(name);
      assert.equal(d?.Name, 'xn--74h.localhost', name);
      assert.equal(d?.Unicode, '☺.localhost');
    }
    assert.equal(view.domain('unknown.example'), null);
    assert.equal(view.domain('not a domain'), null);
    assert.deepEqual(
      view.domains().map((d) => d.Name),
      ['catchall.example', 'mox.example', 'xn--74h.localhost'],
    );
  });

  it('lists an account with its addresses in the order added, and mox defaults', () => {
    const a = view.account('mjl');
    assert.deepEqual(a?.Addresses, ['mjl@mox.example', 'móx@mox.example', 'remote@☺.localhost']);
    assert.equal(a?.FullName, 'Mechiel');
    assert.equal(a?.MaxOutgoingMessagesPerDay, 1000);
    assert.equal(a?.MaxFirstTimeRecipientsPerDay, 200);
    assert.equal(a?.KeepRetiredMessagePeriod, '0s');
    assert.equal(a?.OutgoingWebhook, null);
    assert.equal(view.account('nobody'), null);
    assert.deepEqual(
      view.accounts().map((x) => x.Name),
      ['catcher', 'mjl'],
    );
  });

  for (const [input, account, canonical] of [
    ['mjl@mox.example', 'mjl', 'mjl@mox.example'],
    ['MJL@MOX.EXAMPLE', 'mjl', 'mjl@mox.example'],
    ['mjl+tag@mox.example', 'mjl', 'mjl@mox.example'],
    ['mjl-tag+more@mox.example', 'mjl', 'mjl@mox.example'],
    ['MÓX+x@mox.example', 'mjl', 'móx@mox.example'],
    ['Mo\u0301x@mox.example', 'mjl', 'móx@mox.example'],
    ['remote@☺.localhost', 'mjl', 'remote@☺.localhost'],
    ['Remote@XN--74H.localhost', 'mjl', 'remote@☺.localhost'],
    ['exact@catchall.example', 'catcher', 'exact@catchall.example'],
    ['anyone@catchall.example', 'catcher', '@catchall.example'],
    ['anyone+x@catchall.example', 'catcher', '@catchall.example'],
  ] as const) {
    it(`resolves ${input} to ${account} (${canonical})`, () => {
      const found = view.lookupAddress(input);
      assert.equal(found?.account.Name, account);
      assert.equal(found?.canonical, canonical);
    });
  }

  for (const input of ['other@mox.example', 'remote+x@☺.localhost', 'mjl@unknown.example', 'not an address', '']) {
    it(`does not resolve ${JSON.stringify(input)}`, () => assert.equal(view.lookupAddress(input), null));
  }

  it('keeps DKIM keys with their DNS values, and drops them with the domain', async () => {
    await bus.execute(new AddDomain(domain('keys.example'), []));
    const key = await generateDkimKey('ed25519');
    await bus.execute(new AddDomainDKIMKey(domain('keys.example'), '2025a', key));
    assert.deepEqual(view.domain('keys.example')?.DKIM, [{ Selector: '2025a', Sign: true, ...key }]);
    await bus.execute(new RemoveDomain(domain('keys.example')));
    assert.equal(view.domain('keys.example'), null);
    const rows = node.runtime.readDb.prepare(`SELECT COUNT(*) AS n FROM config_dkim_keys WHERE Domain = 'keys.example'`).get() as { n: number };
    assert.equal(rows.n, 0);
  });

  it('an address freed by one account can be given to another; removing an account frees all of its addresses', async () => {
    await bus.execute(new AddAccount('temp', 'temp@mox.example', '', ''));
    await bus.execute(new AddAddress('temp', 'second@mox.example'));
    await assert.rejects(bus.execute(new AddAddress('mjl', 'second@mox.example')), /already belongs to account temp/);
    await bus.execute(new RemoveAddress('second@mox.example'));
    await bus.execute(new AddAddress('mjl', 'second@mox.example'));
    assert.equal(view.lookupAddress('second@mox.example')?.account.Name, 'mjl');
    await bus.execute(new RemoveAccount('temp'));
    assert.equal(view.lookupAddress('temp@mox.example'), null);
    assert.equal(view.account('temp'), null);
    await bus.execute(new RemoveAddress('second@mox.example'));
  });

  it('refuses to remove a domain that still has addresses', async () => {
    await assert.rejects(bus.execute(new RemoveDomain(domain('mox.example'))), /still has addresses: mjl@mox\.example \(account mjl\)/);
  });

  it('stores FromID login addresses canonical', async () => {
    await bus.execute(new SaveFromIDLoginAddresses('mjl', ['MJL+FromID@mox.example']));
    assert.deepEqual(view.account('mjl')?.FromIDLoginAddresses, ['mjl+fromid@mox.example']);
  });

  it('a rebuilt read model equals the live one', async () => {
    const before = { domains: view.domains(), accounts: view.accounts() };
    await node.runtime.projections.rebuild(['config']);
    await node.settle();
    assert.deepEqual({ domains: view.domains(), accounts: view.accounts() }, before);
  });
});
