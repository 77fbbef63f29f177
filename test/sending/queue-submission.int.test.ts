// queueSubmission, the step Send and SMTP submission share: one MessageQueued for all recipients or none,
// FromIDs unique over the queue, BaseID, the result kept for repeats.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseSmtpAddress, type SmtpAddress } from '../../src/sending/smtp-address';
import { FromIDInUse, queueSubmission, type QueueSubmissionRequest, type SubmissionRecipient } from '../../src/sending/queue-submission';
import type { TestNode } from '../support/test-node';
import { queuedEvents, queueRows, setupAccount, startSendNode } from './send-fixtures';

let node: TestNode;
before(async () => {
  node = await startSendNode({ now: new Date('2025-03-01T12:00:00Z') });
  await setupAccount(node, { domain: 'mox.example', account: 'mjl', address: 'mjl@mox.example' });
});
after(() => node.stop());

function address(text: string): SmtpAddress {
  const p = parseSmtpAddress(text);
  assert.ok(p.ok, text);
  return p.address;
}

function recipient(rcpt: string, options: { fromID?: string; prefix?: string } = {}): SubmissionRecipient {
  const fromID = options.fromID ?? '';
  return {
    address: rcpt,
    recipient: address(rcpt),
    sender: address(fromID ? `mjl+${fromID}@mox.example` : 'mjl@mox.example'),
    fromID,
    msgPrefix: options.prefix ?? 'Received: from x by x id 1; Sat, 01 Mar 2025 12:00:00 +0000\r\n',
  };
}

const submission = (recipients: SubmissionRecipient[], extra: Partial<QueueSubmissionRequest> = {}): QueueSubmissionRequest => ({
  account: 'mjl',
  source: 'submission',
  message: Buffer.from('From: mjl@mox.example\r\nTo: a@example.org\r\nSubject: s\r\n\r\nbody\r\n'),
  recipients,
  messageID: '<m@mox.example>',
  subject: 's',
  extra: { k: 'v' },
  smtputf8: false,
  requireTLS: false,
  futureRelease: null,
  idempotencyKey: null,
  result: (ids) => ({ ids }),
  now: node.clock.now(),
  ...extra,
});

test('one event with every recipient, numbered in order, visible in the queue on return', async () => {
  const out = await queueSubmission(node.runtime, submission([recipient('a@example.org'), recipient('b@example.org'), recipient('c@example.org')]));
  assert.equal(out.repeated, false);
  assert.deepEqual(out.queueMsgIds.map((id) => id - out.queueMsgIds[0]), [0, 1, 2]);
  assert.deepEqual(out.result, { ids: out.queueMsgIds });
  const rows = queueRows(node).filter((r) => out.queueMsgIds.includes(r.ID));
  assert.equal(rows.length, 3);
  assert.ok(rows.every((r) => r.BaseID === out.queueMsgIds[0]));
  const [event] = (await queuedEvents(node)).filter((e) => e.SubmissionID === out.submissionId);
  assert.equal(event.Source, 'submission');
  assert.equal(event.RequireTLS, false);
  assert.deepEqual(event.Result, { ids: out.queueMsgIds });
  assert.equal(event.Content.Size, submission([]).message.length);
});

test('no shared BaseID when prefixes or senders differ, or for one recipient', async () => {
  const prefixes = await queueSubmission(node.runtime, submission([recipient('a@example.org', { prefix: 'X: 1\r\n' }), recipient('b@example.org', { prefix: 'X: 2\r\n' })]));
  const senders = await queueSubmission(node.runtime, submission([recipient('a@example.org', { fromID: 'f1' }), recipient('b@example.org', { fromID: 'f2' })]));
  const single = await queueSubmission(node.runtime, submission([recipient('a@example.org')]));
  for (const id of [...prefixes.queueMsgIds, ...senders.queueMsgIds, ...single.queueMsgIds]) {
    assert.equal(queueRows(node).find((r) => r.ID === id)!.BaseID, 0);
  }
});

test('a FromID already in the queue, or twice in one submission, is refused and nothing is queued', async () => {
  await queueSubmission(node.runtime, submission([recipient('a@example.org', { fromID: 'taken' })]));
  const events = (await queuedEvents(node)).length;
  const rows = queueRows(node).length;
  await assert.rejects(queueSubmission(node.runtime, submission([recipient('b@example.org'), recipient('c@example.org', { fromID: 'taken' })])), FromIDInUse);
  await assert.rejects(queueSubmission(node.runtime, submission([recipient('b@example.org', { fromID: 'twice' }), recipient('c@example.org', { fromID: 'twice' })])), FromIDInUse);
  assert.equal((await queuedEvents(node)).length, events);
  assert.equal(queueRows(node).length, rows);
});

test('a submission without recipients is a programming error', async () => {
  await assert.rejects(queueSubmission(node.runtime, submission([])), /at least one recipient/);
});
