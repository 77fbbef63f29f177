// Idempotency-Key: a repeat within 24 hours answers with the first result and queues nothing, concurrent
// calls with one key queue once, a failed call is not remembered, and after 24 hours the key queues anew.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MAILBOX_MESSAGES_TABLE } from '../../projections/mailbox';
import { MailboxReadModel } from '../../src/mailbox/mailbox-read-model';
import { submissionStream } from '../../src/queue/message-events';
import { idempotentSubmissionId } from '../../src/sending/idempotency';
import type { TestNode } from '../support/test-node';
import { accountCaller, queuedEvents, queueRows, rejectsWith, send, setupAccount, startSendNode, webapiJson, type SendRequest } from './send-fixtures';

const DAY = 24 * 60 * 60 * 1000;
let node: TestNode;
const request: SendRequest = { To: [{ Address: 'a@example.org' }, { Address: 'b@example.org' }], Text: 'hi', SaveSent: true };
const withKey = (key: string, account = 'mjl') => accountCaller(account, `${account}@mox.example`, { 'idempotency-key': key });

before(async () => {
  node = await startSendNode({ listen: true, now: new Date('2025-03-01T12:00:00Z') });
  await setupAccount(node, { domain: 'mox.example', account: 'mjl', address: 'mjl@mox.example' });
  await setupAccount(node, { domain: 'mox.example', account: 'other', address: 'other@mox.example' });
});
after(() => node.stop());

const streamEvents = (account: string, key: string) => node.runtime.store.readStream(submissionStream(idempotentSubmissionId(account, key)));

test('a repeat within 24 hours returns the first result and queues nothing, whatever its body', async () => {
  const first = await send(node, withKey('key-1'), request);
  const rows = queueRows(node).length;
  node.clock.advance(DAY - 1000);
  const again = await send(node, withKey('key-1'), { ...request, Subject: 'different', To: [{ Address: 'z@example.org' }] });
  assert.deepEqual(again, first);
  assert.equal(queueRows(node).length, rows);
  assert.equal((await streamEvents('mjl', 'key-1')).length, 1);
  const sentCopies = node.runtime.readDb.prepare(`SELECT COUNT(*) AS n FROM ${MAILBOX_MESSAGES_TABLE} WHERE Account = ?`).get('mjl') as { n: number };
  assert.equal(sentCopies.n, 1, 'one Sent copy');
});

test('after 24 hours the same key queues anew', async () => {
  const first = await send(node, withKey('key-2'), request);
  node.clock.advance(DAY);
  const later = await send(node, withKey('key-2'), request);
  assert.notDeepEqual(later.Submissions.map((s) => s.QueueMsgID), first.Submissions.map((s) => s.QueueMsgID));
  const events = await streamEvents('mjl', 'key-2');
  assert.deepEqual(events.map((e) => e.type), ['MessageQueued', 'MessageQueued']);
  // and now repeats answer with the newer result
  assert.deepEqual(await send(node, withKey('key-2'), request), later);
});

test('concurrent calls with one key queue once and all answer alike', async () => {
  const before = (await queuedEvents(node)).length;
  const results = await Promise.all(Array.from({ length: 5 }, () => send(node, withKey('key-3'), request)));
  for (const r of results) assert.deepEqual(r, results[0]);
  assert.equal((await queuedEvents(node)).length, before + 1);
  assert.equal((await streamEvents('mjl', 'key-3')).length, 1);
  const [event] = (await queuedEvents(node)).slice(-1);
  assert.equal(new MailboxReadModel(node.runtime.readDb).byIdempotencyKey('mjl', `sent-${event.SubmissionID}`)?.Mailbox, 'Sent');
});

test('a failed call is not remembered: the key works for the corrected call', async () => {
  await rejectsWith(send(node, withKey('key-4'), { To: request.To }), 'missingBody');
  assert.equal((await streamEvents('mjl', 'key-4')).length, 0);
  const r = await send(node, withKey('key-4'), request);
  assert.equal(r.Submissions.length, 2);
});

test('keys are per account', async () => {
  const mine = await send(node, withKey('shared-key'), request);
  const theirs = await send(node, withKey('shared-key', 'other'), request);
  assert.notDeepEqual(theirs.Submissions.map((s) => s.QueueMsgID), mine.Submissions.map((s) => s.QueueMsgID));
});

test('over HTTP with the Idempotency-Key header', async () => {
  const first = await webapiJson(node, 'mjl@mox.example', 'Send', request, { 'Idempotency-Key': 'http-key' });
  const second = await webapiJson(node, 'mjl@mox.example', 'Send', request, { 'Idempotency-Key': 'http-key' });
  assert.equal(first.status, 200, JSON.stringify(first.json));
  assert.deepEqual(second.json, first.json);
  const bad = await webapiJson(node, 'mjl@mox.example', 'Send', request, { 'Idempotency-Key': 'x'.repeat(257) });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.Code, 'protocol');
});
