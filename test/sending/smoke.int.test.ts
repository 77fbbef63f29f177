import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestNode } from '../support/test-node';
import { accountCaller, queueRows, send, setupAccount, startSendNode } from './send-fixtures';

let node: TestNode;
before(async () => {
  node = await startSendNode();
  await setupAccount(node, { domain: 'mox.example', account: 'mjl', address: 'mjl@mox.example', fullName: 'M J L', dkim: 'ed25519' });
});
after(() => node.stop());

test('smoke', async () => {
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = await send(node, accountCaller('mjl', 'mjl@mox.example'), { To: [{ Address: 'a@example.org' }], Text: 'hi' });
    console.log('send ms', performance.now() - t0);
    assert.equal(r.Submissions.length, 1);
  }
  assert.equal(queueRows(node).length, 5);
});
