import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CommandBus } from '@nestjs/cqrs';
import { AccountAuthenticator } from '../../src/auth/account-authenticator';
import { verifyPassword } from '../../src/auth/passwords';
import { ConfigView } from '../../src/config/config-view';
import { localserveAdminPasswordHash, seedLocalserveConfig } from '../../src/config/localserve-seed';
import { startTestNode, type TestNode } from '../support/test-node';

describe('localserve configuration', () => {
  let node: TestNode;
  before(async () => {
    node = await startTestNode();
  });
  after(() => node?.stop());

  it('adds domain localhost and account postwire once, as DESIGN.md promises', async () => {
    assert.deepEqual(await seedLocalserveConfig(node.get(CommandBus), node.get(ConfigView)), ['domain localhost', 'account postwire']);
    const config = node.get(ConfigView);
    assert.deepEqual(config.domain('localhost')?.LocalpartCatchallSeparators, ['+']);
    const account = config.account('postwire')!;
    assert.deepEqual([account.Addresses, account.KeepRetiredMessagePeriod, account.KeepRetiredWebhookPeriod], [['postwire@localhost'], '72h', '72h']);
    assert.equal((await node.get(AccountAuthenticator).verify('postwire+test@localhost', 'postwirepostwire')).ok, true);
    const head = await node.runtime.store.headPosition();
    assert.deepEqual(await seedLocalserveConfig(node.get(CommandBus), node.get(ConfigView)), []);
    assert.equal(await node.runtime.store.headPosition(), head);
  });

  it('hashes the admin password', async () => {
    assert.equal(await verifyPassword('postwireadmin', await localserveAdminPasswordHash()), true);
  });
});
