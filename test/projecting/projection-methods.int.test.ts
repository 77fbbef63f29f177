// adminapi ProjectionStatus / ProjectionRebuild over real HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestNode, type TestNode } from '../support/test-node';
import { hashPassword } from '../../src/auth/passwords';

describe('projection admin methods', () => {
  let node: TestNode;
  const call = async (method: string, body: unknown) => {
    const res = await fetch(`${node.url}/adminapi/v0/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('admin:secret-admin').toString('base64')}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  before(async () => {
    node = await startTestNode({ listen: true, bootstrap: { adminPasswordHash: await hashPassword('secret-admin') } });
    // Some events for the read models to hold.
    assert.equal((await call('DomainAdd', { Domain: 'example.com', LocalpartCatchallSeparators: ['+'] })).status, 200);
    assert.equal((await call('AccountAdd', { Account: 'shop', Address: 'shop@example.com', FullName: 'Shop', Password: 'a-long-password-1' })).status, 200);
  });
  after(() => node.stop());

  it('lists every projection with its position, head and lag', async () => {
    const { status, body } = await call('ProjectionStatus', {});
    assert.equal(status, 200);
    const names = body.Projections.map((p: { Name: string }) => p.Name);
    for (const expected of ['config', 'queue', 'mailbox']) assert.ok(names.includes(expected), `${expected} in ${names}`);
    const config = body.Projections.find((p: { Name: string }) => p.Name === 'config');
    assert.equal(config.Head >= config.Position, true);
    assert.equal(config.Lag, config.Head - config.Position);
    assert.equal(config.Rebuilding, false);
    assert.equal(config.Progress, 1);
  });

  it('rebuilds in the background and keeps serving; an unknown name is notFound', async () => {
    const before = node.runtime.readDb.prepare('SELECT * FROM config_accounts ORDER BY 1').all();
    const { status, body } = await call('ProjectionRebuild', { Name: 'config' });
    assert.equal(status, 200);
    assert.equal(body.Started, true);
    for (let i = 0; i < 100; i++) {
      const s = await call('ProjectionStatus', {});
      if (!s.body.Projections.find((p: { Name: string }) => p.Name === 'config').Rebuilding) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const generation = (node.runtime.readDb.prepare("SELECT generation FROM _projections WHERE name = 'config'").get() as { generation: number }).generation;
    assert.equal(generation >= 1, true);
    assert.deepEqual(node.runtime.readDb.prepare('SELECT * FROM config_accounts ORDER BY 1').all(), before);
    const unknown = await call('ProjectionRebuild', { Name: 'nope' });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.Code, 'notFound');
    assert.match(unknown.body.Message, /no projection named "nope"/);
  });
});
