// One account's suppression list is invisible to another over HTTP, where the account comes from the
// login and never from the request: B neither sees nor can remove A's entry, and B's remove of it is
// answered as mox answers a remove of an address that is not listed (code `error`).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setupSender } from '../support/delivery-node';
import { startTestNode, type TestNode } from '../support/test-node';

interface Answer {
  status: number;
  json: any;
}

describe('suppression methods over HTTP: accounts are isolated', () => {
  let node: TestNode;

  const login = (address: string) => `Basic ${Buffer.from(`${address}:a-password-for-tests`).toString('base64')}`;
  const alice = login('alice@isolation.example');
  const bob = login('bob@isolation.example');

  async function call(authorization: string, method: string, body: unknown): Promise<Answer> {
    const response = await fetch(`${node.url}/webapi/v0/${method}`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: await response.json() };
  }

  const listed = async (authorization: string): Promise<string[]> => {
    const answer = await call(authorization, 'SuppressionList', {});
    assert.equal(answer.status, 200, JSON.stringify(answer.json));
    return (answer.json.Suppressions as { Account: string; BaseAddress: string }[]).map((s) => `${s.Account}:${s.BaseAddress}`);
  };

  before(async () => {
    node = await startTestNode({ listen: true });
    // Both accounts in one domain: nothing but the login tells them apart.
    await setupSender(node, 'alice', 'alice@isolation.example');
    await setupSender(node, 'bob', 'bob@isolation.example');
  });
  after(async () => node?.stop());

  it("A's entry is not listed, present or removable for B, and A keeps it", async () => {
    const added = await call(alice, 'SuppressionAdd', { EmailAddress: 'Carol.Smith+news@remote.example', Manual: true, Reason: 'asked to stop' });
    assert.deepEqual(added, { status: 200, json: {} });
    assert.deepEqual(await listed(alice), ['alice:carolsmith@remote.example']);
    assert.deepEqual(await call(alice, 'SuppressionPresent', { EmailAddress: 'carolsmith@remote.example' }), { status: 200, json: { Present: true } });

    assert.deepEqual(await listed(bob), []);
    for (const address of ['Carol.Smith+news@remote.example', 'carolsmith@remote.example']) {
      assert.deepEqual(await call(bob, 'SuppressionPresent', { EmailAddress: address }), { status: 200, json: { Present: false } }, address);
    }

    const removed = await call(bob, 'SuppressionRemove', { EmailAddress: 'carolsmith@remote.example' });
    assert.equal(removed.status, 400);
    assert.equal(removed.json.Code, 'error');
    assert.match(removed.json.Message, /carolsmith@remote\.example is not on the suppression list of account bob/);

    assert.deepEqual(await listed(alice), ['alice:carolsmith@remote.example']);
    assert.deepEqual(await call(alice, 'SuppressionPresent', { EmailAddress: 'Carol.Smith+news@remote.example' }), { status: 200, json: { Present: true } });
    assert.deepEqual(await listed(bob), []);
  });

  it("B can list the same address for itself; each remove then touches only the remover's entry", async () => {
    assert.deepEqual(await call(bob, 'SuppressionAdd', { EmailAddress: 'carolsmith@remote.example', Reason: 'bob too' }), { status: 200, json: {} });
    assert.deepEqual(await listed(bob), ['bob:carolsmith@remote.example']);
    assert.deepEqual(await listed(alice), ['alice:carolsmith@remote.example']);

    assert.deepEqual(await call(bob, 'SuppressionRemove', { EmailAddress: 'carolsmith@remote.example' }), { status: 200, json: {} });
    assert.deepEqual(await listed(bob), []);
    assert.deepEqual(await listed(alice), ['alice:carolsmith@remote.example']);
    assert.deepEqual(await call(alice, 'SuppressionPresent', { EmailAddress: 'carolsmith@remote.example' }), { status: 200, json: { Present: true } });

    assert.deepEqual(await call(alice, 'SuppressionRemove', { EmailAddress: 'carolsmith@remote.example' }), { status: 200, json: {} });
    assert.deepEqual(await listed(alice), []);
  });
});
