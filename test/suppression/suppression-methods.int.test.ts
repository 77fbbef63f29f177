// The suppression methods on a whole node: mox's webapi cases (reference 10.10-10.12), the store's
// (10.41: isolation between accounts, variants, duplicates), the admin API's, uniqueness when two adds
// race, and the error codes over HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiError, type ErrorCode } from '../../src/api/api-error';
import { AdminapiSuppressionAdd, AdminapiSuppressionList, AdminapiSuppressionRemove } from '../../src/suppression/adminapi-suppression-methods';
import { SuppressionService } from '../../src/suppression/suppression-service';
import { WebapiSuppressionAdd, WebapiSuppressionList, WebapiSuppressionPresent, WebapiSuppressionRemove } from '../../src/suppression/webapi-suppression-methods';
import { accountCaller, adminCaller, setupSender } from '../support/delivery-node';
import { startTestNode, type TestNode } from '../support/test-node';

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(promise, (err: unknown) => err instanceof ApiError && err.code === code);
}

describe('suppression methods', () => {
  let node: TestNode;
  const mjl = accountCaller('mjl', 'mjl@mox.example');
  before(async () => {
    node = await startTestNode({ listen: true });
    await setupSender(node, 'mjl', 'mjl@mox.example');
    await setupSender(node, 'other', 'other@mox.example');
  });
  after(async () => node.stop());

  it('webapi: add, duplicate, list, present, remove (reference 10.10-10.12)', async () => {
    const list = node.get(WebapiSuppressionList);
    const add = node.get(WebapiSuppressionAdd);
    const present = node.get(WebapiSuppressionPresent);
    const remove = node.get(WebapiSuppressionRemove);
    assert.deepEqual(await list.handle({}, mjl), { Suppressions: [] });
    assert.deepEqual(await add.handle({ EmailAddress: 'Remote.Last-catchall@xn--74h.localhost', Manual: true, Reason: 'tests' }, mjl), {});
    await rejectsWith(add.handle({ EmailAddress: 'Remote.Last-catchall@xn--74h.localhost', Manual: true, Reason: 'tests' }, mjl), 'error');
    await rejectsWith(add.handle({ EmailAddress: 'remotelast@☺.localhost', Manual: true, Reason: 'tests' }, mjl), 'error');
    await rejectsWith(add.handle({ EmailAddress: 'not an address', Manual: true, Reason: 'tests' }, mjl), 'badAddress');
    const { Suppressions } = await list.handle({}, mjl);
    assert.equal(Suppressions.length, 1);
    assert.deepEqual({ ...Suppressions[0], ID: 0, Created: '' }, {
      ID: 0,
      Created: '',
      Account: 'mjl',
      BaseAddress: 'remotelast@☺.localhost',
      OriginalAddress: 'Remote.Last-catchall@☺.localhost',
      Manual: true,
      Reason: 'tests',
    });
    assert.equal(Suppressions[0].Created, node.clock.now().toISOString());

    assert.deepEqual(await present.handle({ EmailAddress: 'not@localhost' }, mjl), { Present: false });
    assert.deepEqual(await present.handle({ EmailAddress: 'remotelast@xn--74h.localhost' }, mjl), { Present: true });
    assert.deepEqual(await present.handle({ EmailAddress: 'Remote.Last-catchall@xn--74h.localhost' }, mjl), { Present: true });
    await rejectsWith(present.handle({ EmailAddress: 'not an address' }, mjl), 'badAddress');

    assert.deepEqual(await remove.handle({ EmailAddress: 'remote.LAST+more@☺.LocalHost' }, mjl), {});
    await rejectsWith(remove.handle({ EmailAddress: 'remote.LAST+more@☺.LocalHost' }, mjl), 'error');
    await rejectsWith(remove.handle({ EmailAddress: 'not an address' }, mjl), 'badAddress');
    await rejectsWith(remove.handle({}, mjl), 'badAddress');
    assert.deepEqual(await list.handle({}, mjl), { Suppressions: [] });
  });

  it('store: accounts are isolated, lookups and removals work with any variant, a removed address can come back (10.41)', async () => {
    const service = node.get(SuppressionService);
    await service.add({ account: 'mjl', address: 'mjl2@mox.example', manual: false, reason: 'r' });
    await assert.rejects(service.add({ account: 'mjl', address: 'M.j.l2+catchall@Mox.example', manual: false, reason: 'r' }), /already on the suppression list/);
    await service.add({ account: 'other', address: 'M.j.l2+catchall@Mox.example', manual: true, reason: 'r' });
    await service.add({ account: 'no-such-account', address: 'mjl2@mox.example', manual: true, reason: 'unknown account names are accepted' });
    assert.equal(service.present('mjl', 'mjl2-x@mox.example'), true);
    assert.equal(service.present('other', 'mjl2@MOX.example'), true);
    assert.deepEqual(service.list('other').map((s) => s.OriginalAddress), ['M.j.l2+catchall@mox.example']);
    await service.remove('mjl', 'M.J.L.2@mox.example');
    assert.equal(service.present('mjl', 'mjl2@mox.example'), false);
    assert.equal(service.present('other', 'mjl2@mox.example'), true, 'the other account keeps its entry');
    await assert.rejects(service.remove('mjl', 'mjl2@mox.example'), /is not on the suppression list/);
    const again = await service.add({ account: 'mjl', address: 'mjl2@mox.example', manual: true, reason: 'again' });
    assert.deepEqual(service.list('mjl').map((s) => [s.ID, s.Reason]), [[again.ID, 'again']]);
    await service.remove('mjl', 'mjl2@mox.example');
    await service.remove('other', 'mjl2@mox.example');
  });

  it('two adds of one base address at once: exactly one wins (the stream\'s expected revision)', async () => {
    const service = node.get(SuppressionService);
    const variants = ['race@mox.example', 'Race+1@mox.example', 'r.a.c.e@mox.example', 'RACE-2@mox.example', 'race+3@MOX.example', 'ra.ce@mox.example'];
    const results = await Promise.allSettled(variants.map((address) => service.add({ account: 'mjl', address, manual: true, reason: address })));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) if (r.status === 'rejected') assert.match(String(r.reason), /already on the suppression list/);
    assert.equal(service.list('mjl').filter((s) => s.BaseAddress === 'race@mox.example').length, 1);
    await service.remove('mjl', 'race@mox.example');
  });

  it('adminapi: the account must exist; additions are manual', async () => {
    const admin = adminCaller();
    await rejectsWith(node.get(AdminapiSuppressionList).handle({ Account: 'nobody' }), 'notFound');
    await rejectsWith(node.get(AdminapiSuppressionAdd).handle({ Account: 'nobody', EmailAddress: 'a@b.example' }, admin), 'notFound');
    await node.get(AdminapiSuppressionAdd).handle({ Account: 'other', EmailAddress: 'Complaints@example.com', Reason: 'recipient reported spam' }, admin);
    await rejectsWith(node.get(AdminapiSuppressionAdd).handle({ Account: 'other', EmailAddress: 'complaints+x@example.com' }, admin), 'error');
    await rejectsWith(node.get(AdminapiSuppressionAdd).handle({ Account: 'other', EmailAddress: 'bad address' }, admin), 'badAddress');
    const { Suppressions } = await node.get(AdminapiSuppressionList).handle({ Account: 'other' });
    assert.deepEqual(Suppressions.map((s) => [s.BaseAddress, s.Manual, s.Reason]), [['complaints@example.com', true, 'recipient reported spam']]);
    await rejectsWith(node.get(AdminapiSuppressionRemove).handle({ Account: 'nobody', EmailAddress: 'complaints@example.com' }, admin), 'notFound');
    await node.get(AdminapiSuppressionRemove).handle({ Account: 'other', EmailAddress: 'COMPLAINTS@example.com' }, admin);
    await rejectsWith(node.get(AdminapiSuppressionRemove).handle({ Account: 'other', EmailAddress: 'complaints@example.com' }, admin), 'error');
  });

  it('over HTTP: mox\'s codes in the 400 body', async () => {
    const auth = `Basic ${Buffer.from('mjl@mox.example:a-password-for-tests').toString('base64')}`;
    const call = (method: string, body: unknown) =>
      fetch(`${node.url}/webapi/v0/${method}`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const added = await call('SuppressionAdd', { EmailAddress: 'http@example.org', Manual: true, Reason: 'over http' });
    assert.equal(added.status, 200);
    assert.deepEqual(await added.json(), {});
    const duplicate = await call('SuppressionAdd', { EmailAddress: 'HTTP+x@example.org' });
    assert.equal(duplicate.status, 400);
    assert.equal(((await duplicate.json()) as { Code: string }).Code, 'error');
    const bad = await call('SuppressionPresent', { EmailAddress: 'nope' });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { Code: string }).Code, 'badAddress');
    const present = await call('SuppressionPresent', { EmailAddress: 'http@example.org' });
    assert.deepEqual(await present.json(), { Present: true });
    const listed = (await (await call('SuppressionList', {})).json()) as { Suppressions: { OriginalAddress: string }[] };
    assert.deepEqual(listed.Suppressions.map((s) => s.OriginalAddress), ['http@example.org']);
  });
});
