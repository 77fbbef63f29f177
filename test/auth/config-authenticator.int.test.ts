// Logins against the configuration: any address of the account (catch-all variants, any case, either
// form of an IDNA domain), LoginDisabled, and the admin password of the bootstrap file.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CommandBus } from '@nestjs/cqrs';
import { AccountAuthenticator } from '../../src/auth/account-authenticator';
import { hashPassword } from '../../src/auth/passwords';
import { AddAccount } from '../../src/config/accounts/add-account';
import { AddAddress } from '../../src/config/accounts/add-address';
import { SaveAccountLoginDisabled } from '../../src/config/accounts/save-account-login-disabled';
import { SetAccountPassword } from '../../src/config/accounts/set-account-password';
import { AddDomain } from '../../src/config/domains/add-domain';
import { startTestNode, type TestNode } from '../support/test-node';
import { domain } from '../config/fixtures';

describe('ConfigAuthenticator', () => {
  let node: TestNode;
  let auth: AccountAuthenticator;

  before(async () => {
    node = await startTestNode({ bootstrap: { adminPasswordHash: await hashPassword('admin secret') } });
    const bus = node.get(CommandBus);
    await bus.execute(new AddDomain(domain('mox.example'), ['+', '-']));
    await bus.execute(new AddDomain(domain('☺.localhost'), []));
    await bus.execute(new AddDomain(domain('catchall.example'), ['+']));
    await bus.execute(new AddAccount('mjl', 'mjl@mox.example', '', await hashPassword('test1234')));
    await bus.execute(new AddAddress('mjl', 'mjl@☺.localhost'));
    await bus.execute(new AddAccount('catcher', '@catchall.example', '', await hashPassword('catch1234')));
    await bus.execute(new AddAccount('nopass', 'nopass@mox.example', '', ''));
    auth = node.get(AccountAuthenticator);
  });
  after(() => node?.stop());

  for (const [login, loginAddress] of [
    ['mjl@mox.example', 'mjl@mox.example'],
    ['MJL@Mox.Example', 'mjl@mox.example'],
    ['mjl+fromid@mox.example', 'mjl+fromid@mox.example'],
    ['Mjl-Tag@mox.example', 'mjl-tag@mox.example'],
    ['mjl@xn--74h.localhost', 'mjl@☺.localhost'],
    ['mjl@☺.localhost', 'mjl@☺.localhost'],
  ] as const) {
    it(`logs in as ${login}`, async () => {
      assert.deepEqual(await auth.verify(login, 'test1234'), { ok: true, account: 'mjl', loginAddress });
    });
  }

  it('logs in with any address of a catch-all domain, as mox does', async () => {
    assert.deepEqual(await auth.verify('whoever@catchall.example', 'catch1234'), { ok: true, account: 'catcher', loginAddress: 'whoever@catchall.example' });
  });

  it('refuses a wrong password, an unknown address and an account without a password', async () => {
    assert.deepEqual(
      { ...(await auth.verify('mjl@mox.example', 'wrong')), message: '' },
      { ok: false, reason: 'badPassword', message: '' },
    );
    assert.equal((await auth.verify('nobody@mox.example', 'test1234')) .ok, false);
    assert.equal(((await auth.verify('nobody@mox.example', 'test1234')) as { reason: string }).reason, 'unknown');
    assert.equal(((await auth.verify('mjl@other.example', 'test1234')) as { reason: string }).reason, 'unknown');
    assert.equal(((await auth.verify('not an address', 'test1234')) as { reason: string }).reason, 'unknown');
    assert.equal(((await auth.verify('nopass@mox.example', '')) as { reason: string }).reason, 'badPassword');
  });

  it('refuses a disabled account with the right password (reason disabled) and a wrong one', async () => {
    await node.get(CommandBus).execute(new SaveAccountLoginDisabled('mjl', 'unpaid invoice'));
    assert.deepEqual(await auth.verify('mjl@mox.example', 'test1234'), { ok: false, reason: 'disabled', message: 'login is disabled for this account' });
    assert.equal((await auth.verify('mjl@mox.example', 'wrong')).ok, false);
    await node.get(CommandBus).execute(new SaveAccountLoginDisabled('mjl', ''));
    assert.equal((await auth.verify('mjl@mox.example', 'test1234')).ok, true);
  });

  it('forgets a remembered login when the password changes', async () => {
    assert.equal((await auth.verify('mjl@mox.example', 'test1234')).ok, true);
    await node.get(CommandBus).execute(new SetAccountPassword('mjl', await hashPassword('changed1234'), null, false));
    assert.equal((await auth.verify('mjl@mox.example', 'test1234')).ok, false);
    assert.equal((await auth.verify('mjl@mox.example', 'changed1234')).ok, true);
  });

  it('checks the admin password against the bootstrap hash', async () => {
    assert.equal(await auth.verifyAdmin('admin secret'), true);
    assert.equal(await auth.verifyAdmin('admin secret '), false);
    assert.equal(await auth.verifyAdmin(''), false);
  });

  it('refuses every admin login when the bootstrap file has no admin password', async () => {
    const bare = await startTestNode();
    try {
      assert.equal(await bare.get(AccountAuthenticator).verifyAdmin(''), false);
      assert.equal(await bare.get(AccountAuthenticator).verifyAdmin('admin secret'), false);
    } finally {
      await bare.stop();
    }
  });
});
