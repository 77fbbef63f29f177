// The configuration methods over HTTP: admin Basic auth, webapi logins with any address of the account
// (mox tests 10.3 and 10.6: LoginDisabled and a password set in NFD with Unicode spaces), error answers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../../src/auth/passwords';
import { startTestNode, type TestNode } from '../../support/test-node';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('configuration methods over HTTP', () => {
  let node: TestNode;
  const admin = basic('admin', 'admin password');

  async function call(path: string, authorization: string, body: unknown): Promise<{ status: number; json: any }> {
    const response = await fetch(`${node.url}${path}`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, json: text.startsWith('{') ? JSON.parse(text) : text };
  }

  before(async () => {
    node = await startTestNode({ listen: true, bootstrap: { adminPasswordHash: await hashPassword('admin password') } });
    assert.equal((await call('/adminapi/v0/DomainAdd', admin, { Domain: 'mox.example', LocalpartCatchallSeparators: ['+'] })).status, 200);
    const added = await call('/adminapi/v0/AccountAdd', admin, { Account: 'mjl', Address: 'mjl@mox.example', Password: 'Ame\u0301lie\u00a0in\u2003Paris' });
    assert.deepEqual(added, { status: 200, json: { Password: '' } });
  });
  after(() => node?.stop());

  it('logs in with the NFC form of a password set in NFD with Unicode spaces, and with a catch-all variant', async () => {
    for (const [user, password] of [
      ['mjl@mox.example', 'Amélie in Paris'],
      ['mjl+app@mox.example', 'Ame\u0301lie\u00a0in\u2003Paris'],
      ['MJL@MOX.EXAMPLE', 'Amélie in Paris'],
    ]) {
      const r = await call('/webapi/v0/AccountSettingsGet', basic(user, password), {});
      assert.equal(r.status, 200, `${user}: ${JSON.stringify(r.json)}`);
      assert.equal(r.json.Name, 'mjl');
    }
    assert.equal((await call('/webapi/v0/AccountSettingsGet', basic('mjl@mox.example', 'amelie in paris'), {})).status, 401);
  });

  it('answers a refused setting with 400 and the code and message', async () => {
    const r = await call('/webapi/v0/OutgoingWebhookSave', basic('mjl@mox.example', 'Amélie in Paris'), { URL: 'invalid' });
    assert.deepEqual(r, { status: 400, json: { Code: 'user', Message: 'URL: "invalid" is not an absolute URL such as https://app.example.org/webhooks/mail' } });
    const unknown = await call('/adminapi/v0/AccountGet', admin, { Account: 'nobody' });
    assert.deepEqual(unknown, { status: 400, json: { Code: 'notFound', Message: 'no account named nobody' } });
  });

  it('refuses a login-disabled account with the right and the wrong password', async () => {
    assert.equal((await call('/adminapi/v0/AccountLoginDisabledSave', admin, { Account: 'mjl', LoginDisabled: 'paused' })).status, 200);
    const right = await fetch(`${node.url}/webapi/v0/AccountSettingsGet`, { method: 'POST', headers: { authorization: basic('mjl@mox.example', 'Amélie in Paris'), 'content-type': 'application/json' }, body: '{}' });
    assert.equal(right.status, 401);
    assert.match(await right.text(), /login is disabled for this account/);
    assert.equal((await call('/webapi/v0/AccountSettingsGet', basic('mjl@mox.example', 'wrong password'), {})).status, 401);
    assert.equal((await call('/adminapi/v0/AccountLoginDisabledSave', admin, { Account: 'mjl', LoginDisabled: '' })).status, 200);
    assert.equal((await call('/webapi/v0/AccountSettingsGet', basic('mjl@mox.example', 'Amélie in Paris'), {})).status, 200);
  });

  it('refuses the admin API without the admin password', async () => {
    assert.equal((await call('/adminapi/v0/DomainList', basic('admin', 'nope'), {})).status, 401);
    assert.equal((await call('/adminapi/v0/DomainList', basic('mjl@mox.example', 'Amélie in Paris'), {})).status, 401);
  });
});
