// QueueList and RetiredList over HTTP (answers checked against openapi/ by the HTTP layer in tests):
// mox's TestListFilterSort (reference 10.39: six messages, both sort fields both ways, the combined
// filter, paging one row at a time giving the same sequences as unpaged, retired records the same), every
// filter (10.40), and the errors for bad time filters, sort fields and keyset values.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiError } from '../../src/api/api-error';
import { AdminQueueListMethod, AdminRetiredListMethod } from '../../src/queue-admin/queue-list.methods';
import type { TestNode } from '../support/test-node';
import { addSender, admin, adminJson, sendTo, startSendNode, type Sender } from './queue-admin-fixtures';

const T = new Date('2025-03-14T10:00:00.000Z');
const at = (ms: number) => new Date(T.getTime() + ms);

type Listed = { ID: number; [field: string]: unknown };

async function list(node: TestNode, method: 'QueueList' | 'RetiredList', request: unknown): Promise<Listed[]> {
  const { status, json } = await adminJson(node, method, request);
  assert.equal(status, 200, JSON.stringify(json));
  return json.Messages;
}

const idsOf = (rows: Listed[]) => rows.map((r) => r.ID);

/** Pages through a list one row at a time, Last given as an RFC 3339 nano string as mox's clients send it. */
async function paged(node: TestNode, method: 'QueueList' | 'RetiredList', Field: string, Asc: boolean): Promise<number[]> {
  const out: number[] = [];
  let sort: Record<string, unknown> = { Field, Asc };
  for (let guard = 0; guard < 20; guard++) {
    const page = await list(node, method, { Filter: { Max: 1 }, Sort: sort });
    if (page.length === 0) return out;
    assert.equal(page.length, 1);
    out.push(page[0].ID);
    sort = { Field, Asc, LastID: page[0].ID, Last: (page[0][Field] as string).replace(/\.(\d{3})Z$/, '.$1000000Z') };
  }
  throw new Error('paging did not end');
}

describe('reference 10.39: six messages, sorting and paging', () => {
  let node: TestNode;
  let mjl: Sender;
  let ids: number[] = [];

  before(async () => {
    node = await startSendNode({ listen: true, now: T });
    mjl = await addSender(node, { account: 'mjl', address: 'mjl@mox.example', keepRetired: '24h' });
    for (let i = 1; i <= 5; i++) ids.push(...(await sendTo(node, mjl, [`rcpt${i}@remote.example`])));
    // The sixth: queued 1 s earlier, first attempt 1 min later.
    node.clock.set(at(-1000));
    ids.push(...(await sendTo(node, mjl, ['rcpt6@remote.example'], { FutureRelease: at(60_000).toISOString() })));
    node.clock.set(T);
  });
  after(() => node.stop());

  it('sorts by NextAttempt (default) and Queued, both ways', async () => {
    const [m1, m2, m3, m4, m5, m6] = ids;
    assert.deepEqual(idsOf(await list(node, 'QueueList', { Sort: { Asc: true } })), [m1, m2, m3, m4, m5, m6], 'NextAttempt ascending: insertion order');
    assert.deepEqual(idsOf(await list(node, 'QueueList', {})), [m6, m5, m4, m3, m2, m1], 'descending when Asc is absent (Go zero value)');
    assert.deepEqual(idsOf(await list(node, 'QueueList', { Sort: { Field: 'Queued' } })), [m5, m4, m3, m2, m1, m6], 'Queued descending: the last message comes last');
    assert.deepEqual(idsOf(await list(node, 'QueueList', { Sort: { Field: 'Queued', Asc: true } })), [m6, m1, m2, m3, m4, m5]);
  });

  it('lists mox Msg records, the sixth with its FutureRelease', async () => {
    const [first] = await list(node, 'QueueList', { Filter: { IDs: [ids[5]] } });
    assert.equal(first.SenderAccount, 'mjl');
    assert.equal(first.SenderDomain, 'mox.example');
    assert.equal(first.RecipientLocalpart, 'rcpt6');
    assert.equal(first.RecipientDomainStr, 'remote.example');
    assert.equal(first.Queued, at(-1000).toISOString());
    assert.equal(first.NextAttempt, at(60_000).toISOString());
    assert.equal(first.Hold, false);
    assert.equal(first.Attempts, 0);
    assert.equal(first.LastAttempt, null);
    assert.deepEqual(first.Results, []);
    assert.match(first.FutureReleaseRequest as string, /^until;2025-03-14T10:01:00/);
  });

  it('the combined filter selects exactly the sixth message', async () => {
    const filter = { IDs: ids, Account: 'mjl', From: 'mjl@', To: 'rcpt6@', Hold: false, Submitted: '<1s', NextAttempt: '>1s', Max: 2 };
    assert.deepEqual(idsOf(await list(node, 'QueueList', { Filter: filter })), [ids[5]]);
  });

  it('pages with Max 1 through all four field and direction combinations', async () => {
    for (const Field of ['NextAttempt', 'Queued']) {
      for (const Asc of [true, false]) {
        const all = idsOf(await list(node, 'QueueList', { Sort: { Field, Asc } }));
        assert.equal(all.length, 6);
        assert.deepEqual(await paged(node, 'QueueList', Field, Asc), all, `${Field} ${Asc ? 'ascending' : 'descending'}`);
      }
    }
  });

  it('retired records sort and page the same way (LastActivity by default, or Queued)', async () => {
    // Retired one second apart, in ID order: LastActivity follows the ids, Queued puts the sixth first.
    for (const [i, id] of ids.entries()) {
      node.clock.set(at((i + 1) * 1000));
      assert.equal(await admin(node).drop({ IDs: [id] }), 1);
    }
    const [m1, m2, m3, m4, m5, m6] = ids;
    assert.deepEqual(idsOf(await list(node, 'QueueList', {})), [], 'the queue is empty');
    assert.deepEqual(idsOf(await list(node, 'RetiredList', {})), [m6, m5, m4, m3, m2, m1], 'LastActivity descending by default');
    assert.deepEqual(idsOf(await list(node, 'RetiredList', { Sort: { Asc: true } })), [m1, m2, m3, m4, m5, m6]);
    assert.deepEqual(idsOf(await list(node, 'RetiredList', { Sort: { Field: 'Queued' } })), [m5, m4, m3, m2, m1, m6]);
    assert.deepEqual(idsOf(await list(node, 'RetiredList', { Sort: { Field: 'Queued', Asc: true } })), [m6, m1, m2, m3, m4, m5]);
    for (const Field of ['LastActivity', 'Queued']) {
      for (const Asc of [true, false]) {
        const all = idsOf(await list(node, 'RetiredList', { Sort: { Field, Asc } }));
        assert.deepEqual(await paged(node, 'RetiredList', Field, Asc), all, `retired ${Field} ${Asc ? 'ascending' : 'descending'}`);
      }
    }
    const filter = { IDs: ids, Account: 'mjl', From: 'mjl@', To: 'rcpt6@', Submitted: '<1s', LastActivity: '>-500ms', Transport: '', Success: false, Max: 2 };
    assert.deepEqual(idsOf(await list(node, 'RetiredList', { Filter: filter })), [m6]);
  });

  it('lists mox MsgRetired records', async () => {
    const [r] = await list(node, 'RetiredList', { Filter: { IDs: [ids[0]] } });
    assert.equal(r.Success, false);
    assert.equal(r.LastActivity, at(1000).toISOString());
    assert.equal(r.KeepUntil, at(1000 + 24 * 3_600_000).toISOString());
    assert.equal(r.RecipientAddress, 'rcpt1@remote.example');
    const results = r.Results as { Error: string; Code: number }[];
    assert.deepEqual(results.map((x) => [x.Error, x.Code]), [['delivery canceled by admin', 0]]);
    assert.equal('Hold' in r, false, 'MsgRetired has no Hold');
  });
});

describe('reference 10.40: every queue filter, and the retired filters', () => {
  let node: TestNode;
  let id = 0;
  let retiredId = 0;

  before(async () => {
    node = await startSendNode({ listen: true, now: T });
    const mjl = await addSender(node, { account: 'mjl', address: 'mjl@mox.example', keepRetired: '24h' });
    [id] = await sendTo(node, mjl, ['Remote.Rcpt@remote.example']);
    [retiredId] = await sendTo(node, mjl, ['gone@elsewhere.example']);
    await admin(node).fail({ IDs: [retiredId] });
    // "<now" must see the message as queued before now.
    node.clock.set(at(1));
  });
  after(() => node.stop());

  const cases: [string, Record<string, unknown>, number][] = [
    ['no filter', {}, 1],
    ['IDs of no message', { IDs: [999_999] }, 0],
    ['Account bogus', { Account: 'bogus' }, 0],
    ['Account mjl', { Account: 'mjl' }, 1],
    ['From bogus@', { From: 'bogus@' }, 0],
    ['To bogus@', { To: 'bogus@' }, 0],
    ['From a domain substring', { From: '@mox.example' }, 1],
    ['From is case-sensitive', { From: '@MOX.example' }, 0],
    ['To keeps the recipient localpart case', { To: 'Remote.Rcpt@' }, 1],
    ['To is case-sensitive', { To: 'remote.rcpt@' }, 0],
    ['From or To (mox): From misses, To matches', { From: 'bogus@', To: '@remote.example' }, 1],
    ['From or To (mox): From matches, To misses', { From: '@mox.example', To: 'bogus@' }, 1],
    ['From and To both miss', { From: 'bogus@', To: 'bogus@' }, 0],
    ['Submitted <now', { Submitted: '<now' }, 1],
    ['Submitted >now', { Submitted: '>now' }, 0],
    ['Submitted <-1h', { Submitted: '<-1h' }, 0],
    ['NextAttempt <1m', { NextAttempt: '<1m' }, 1],
    ['NextAttempt >1m', { NextAttempt: '>1m' }, 0],
    ['Transport "" (normal routing)', { Transport: '' }, 1],
    ['Transport null (any)', { Transport: null }, 1],
    ['Transport bogus', { Transport: 'bogus' }, 0],
    ['Hold true', { Hold: true }, 0],
    ['Hold false', { Hold: false }, 1],
    ['Hold null (any)', { Hold: null }, 1],
    ['Max 0 is unlimited', { Max: 0 }, 1],
  ];
  for (const [name, filter, want] of cases) {
    it(`QueueList ${name} -> ${want}`, async () => {
      const rows = await list(node, 'QueueList', { Filter: filter });
      assert.equal(rows.length, want);
      if (want === 1) assert.equal(rows[0].ID, id);
    });
  }

  it('QueueList IDs selects by id', async () => {
    assert.deepEqual(idsOf(await list(node, 'QueueList', { Filter: { IDs: [id] } })), [id]);
    assert.deepEqual(idsOf(await list(node, 'QueueList', { Filter: { IDs: [retiredId] } })), [], 'a retired message is not in the queue');
  });

  const retiredCases: [string, Record<string, unknown>, number][] = [
    ['no filter', {}, 1],
    ['Success false', { Success: false }, 1],
    ['Success true', { Success: true }, 0],
    ['LastActivity <now', { LastActivity: '<now' }, 1],
    ['LastActivity >now', { LastActivity: '>now' }, 0],
    ['To', { To: 'gone@' }, 1],
    ['To of the queued message', { To: 'Remote.Rcpt@' }, 0],
    ['Account bogus', { Account: 'bogus' }, 0],
    ['Transport bogus', { Transport: 'bogus' }, 0],
  ];
  for (const [name, filter, want] of retiredCases) {
    it(`RetiredList ${name} -> ${want}`, async () => {
      const rows = await list(node, 'RetiredList', { Filter: filter });
      assert.equal(rows.length, want);
      if (want === 1) assert.equal(rows[0].ID, retiredId);
    });
  }

  const badRequests: [string, 'QueueList' | 'RetiredList', unknown][] = [
    ['a time filter without < or >', 'QueueList', { Filter: { NextAttempt: '1h' } }],
    ['a time filter with a bad duration', 'QueueList', { Filter: { Submitted: '<1 hour' } }],
    ['a retired time filter without < or >', 'RetiredList', { Filter: { LastActivity: 'now' } }],
    ['an unknown sort field', 'QueueList', { Sort: { Field: 'Subject' } }],
    ['a queue sort field on the retired list', 'RetiredList', { Sort: { Field: 'NextAttempt' } }],
    ['Last as a number', 'QueueList', { Sort: { LastID: id, Last: 1710410400 } }],
    ['Last as an object', 'RetiredList', { Sort: { LastID: id, Last: { time: 'now' } } }],
    ['Last not a time', 'QueueList', { Sort: { LastID: id, Last: 'yesterday' } }],
    ['a negative Max', 'QueueList', { Filter: { Max: -1 } }],
    ['a Hold filter on retired messages', 'RetiredList', { Filter: { Hold: true } }],
  ];
  for (const [name, method, request] of badRequests) {
    it(`${method} with ${name} -> 400 protocol`, async () => {
      const { status, json } = await adminJson(node, method, request);
      assert.equal(status, 400);
      assert.equal(json.Code, 'protocol', json.Message);
    });
  }

  it('the same checks hold for callers that skip the HTTP layer: user errors naming the field', async () => {
    const queueList = node.get(AdminQueueListMethod);
    const retiredList = node.get(AdminRetiredListMethod);
    const userError = (field: RegExp) => (err: unknown) => err instanceof ApiError && err.code === 'user' && field.test(err.message);
    await assert.rejects(queueList.handle({ Filter: { NextAttempt: '1h' } }), userError(/Filter\.NextAttempt/));
    await assert.rejects(retiredList.handle({ Filter: { LastActivity: '=now' } }), userError(/Filter\.LastActivity/));
    await assert.rejects(queueList.handle({ Sort: { Field: 'Subject' as never } }), userError(/Sort\.Field/));
    await assert.rejects(queueList.handle({ Sort: { LastID: id } }), userError(/Sort\.Last/));
    await assert.rejects(queueList.handle({ Sort: { LastID: id, Last: 'yesterday' } }), userError(/Sort\.Last/));
  });
});
