// Content garbage collection on a real node: content referenced by a mailbox message or a queued message is
// kept; unreferenced content is deleted once the grace period has passed, and recorded so the reference
// counts forget it the same way live and rebuilt; content reused meanwhile is not deleted; a 50 MiB message
// goes in, streams back out and is deleted.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CONTENT_REFS_TABLE } from '../../projections/content-refs';
import { MAILBOX_MESSAGES_TABLE } from '../../projections/mailbox';
import { ContentCollector } from '../../src/content/content-collector';
import { CHUNK_SIZE, contentStream, type ContentRef } from '../../src/content/content-events';
import { CONTENT_GC_STREAM } from '../../src/content/content-gc-events';
import { MailboxService } from '../../src/mailbox/mailbox-service';
import { MessageDeleteMethod } from '../../src/mailbox/message-delete';
import { MessageRawGetMethod } from '../../src/mailbox/message-raw-get';
import { messageStream, submissionStream, type MessageQueuedData, type MessageSummary } from '../../src/queue/message-events';
import { bytesOf, callAs, rejectsWith } from '../mailbox/api-calls';
import { receivedMeta } from '../mailbox/message-fixtures';
import { startTestNode, type TestNode } from '../support/test-node';

const HOUR = 60 * 60_000;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const message = (text: string) => Buffer.from(`From: a@x.example\r\nSubject: ${text}\r\n\r\n${text}\r\n`);

describe('content collector', () => {
  let node: TestNode;
  let collector: ContentCollector;

  const append = (raw: Buffer, account = 'mjl') =>
    node.get(MailboxService).append({ account, mailbox: 'Inbox', raw, flags: [], meta: receivedMeta, now: node.clock.now() });
  const remove = (msgId: number, account = 'mjl') => callAs(node, account, MessageDeleteMethod, { MsgID: msgId });
  const refs = (hash: string) =>
    node.runtime.readDb.prepare(`SELECT Refs, QueueRefs, MailboxRefs FROM ${CONTENT_REFS_TABLE} WHERE Sha256 = ?`).get(hash) as
      | { Refs: number; QueueRefs: number; MailboxRefs: number }
      | undefined;
  const table = (name: string) => node.runtime.readDb.prepare(`SELECT * FROM ${name} ORDER BY 1, 2`).all();

  before(async () => {
    node = await startTestNode({ now: new Date('2025-01-01T00:00:00Z') });
    collector = node.get(ContentCollector);
  });
  after(async () => {
    await node?.stop();
  });

  it('keeps content a mailbox message refers to, however old', async () => {
    const raw = message('kept');
    await append(raw);
    node.clock.advance(3 * HOUR);
    const result = await collector.collectOnce();
    assert.ok(!result.deleted.includes(sha(raw)));
    assert.equal(await node.runtime.content.exists(sha(raw)), true);
    assert.deepEqual(refs(sha(raw)), { Refs: 1, QueueRefs: 0, MailboxRefs: 1 });
  });

  it('deletes content unreferenced for longer than the grace period, and records it', async () => {
    const raw = message('deleted later');
    const hash = sha(raw);
    const id = await append(raw);
    await remove(id);
    assert.deepEqual(refs(hash), { Refs: 0, QueueRefs: 0, MailboxRefs: 0 });

    node.clock.advance(30 * 60_000);
    assert.deepEqual((await collector.collectOnce()).deleted, [], 'still within the grace period');
    assert.equal(await node.runtime.content.exists(hash), true);

    node.clock.advance(31 * 60_000);
    assert.deepEqual((await collector.collectOnce()).deleted, [hash]);
    assert.equal(await node.runtime.content.exists(hash), false);
    assert.deepEqual(await node.runtime.store.readStream(contentStream(hash)), [], 'every chunk is gone from the event store');
    assert.equal(refs(hash), undefined, 'the read model forgot it');
    const recorded = await node.runtime.store.readStream(CONTENT_GC_STREAM);
    assert.deepEqual(recorded.at(-1)?.data.Sha256, hash);
    assert.deepEqual((await collector.collectOnce()).deleted, [], 'nothing left to do');
  });

  it('deletes content that was stored and never referenced', async () => {
    const raw = message('orphan');
    await node.runtime.content.put(raw, node.clock.now());
    await node.settle();
    node.clock.advance(2 * HOUR);
    assert.ok((await collector.collectOnce()).deleted.includes(sha(raw)));
    assert.equal(await node.runtime.content.exists(sha(raw)), false);
  });

  it('does not delete content a writer reused after the collector examined it', async () => {
    const raw = message('reused');
    const hash = sha(raw);
    await remove(await append(raw));
    node.clock.advance(2 * HOUR);
    const deletion = await collector.examine(hash);
    assert.ok(deletion, 'unreferenced and old: deletable');
    // A writer stores the same bytes (ContentReused) before the collector deletes.
    await node.runtime.content.put(raw, node.clock.now());
    assert.equal(await collector.execute(deletion), false);
    assert.equal(await node.runtime.content.exists(hash), true);
    await node.settle();
    assert.equal(await collector.examine(hash), null, 'the reuse starts a new grace period');
    // The writer refers to it: kept for good.
    const id = await append(raw);
    node.clock.advance(2 * HOUR);
    assert.ok(!(await collector.collectOnce()).deleted.includes(hash));
    assert.ok((await bytesOf(await callAs(node, 'mjl', MessageRawGetMethod, { MsgID: id }))).bytes.equals(raw));
  });

  it('does not delete content a writer reused before the collector examined it', async () => {
    const raw = message('reused early');
    await remove(await append(raw));
    node.clock.advance(2 * HOUR);
    await node.runtime.content.put(raw, node.clock.now());
    // No settling: the collector itself waits until the read model has seen the reuse.
    assert.equal(await collector.examine(sha(raw)), null);
    assert.ok(!(await collector.collectOnce()).deleted.includes(sha(raw)));
    assert.equal(await node.runtime.content.exists(sha(raw)), true);
  });

  it('keeps queued content until every recipient is retired, then deletes it', async () => {
    const raw = message('queued to two');
    const content = await node.runtime.content.put(raw, node.clock.now());
    await queue(node, 'sub-1', content, [9001, 9002]);
    await node.settle();
    assert.deepEqual(refs(content.Sha256), { Refs: 2, QueueRefs: 2, MailboxRefs: 0 });

    await retire(node, 9001, content);
    await node.settle();
    node.clock.advance(2 * HOUR);
    assert.ok(!(await collector.collectOnce()).deleted.includes(content.Sha256), 'one recipient is still queued');

    await retire(node, 9002, content);
    await node.settle();
    node.clock.advance(2 * HOUR);
    assert.ok((await collector.collectOnce()).deleted.includes(content.Sha256));
    assert.equal(await node.runtime.content.exists(content.Sha256), false);
  });

  it('counts a queued message and a mailbox copy of the same bytes separately', async () => {
    const raw = message('sent and saved');
    const content = await node.runtime.content.put(raw, node.clock.now());
    await queue(node, 'sub-2', content, [9003]);
    const saved = await append(raw);
    await retire(node, 9003, content);
    await node.settle();
    node.clock.advance(2 * HOUR);
    assert.ok(!(await collector.collectOnce()).deleted.includes(content.Sha256), 'the Sent copy still refers to it');
    await remove(saved);
    node.clock.advance(2 * HOUR);
    assert.ok((await collector.collectOnce()).deleted.includes(content.Sha256));
  });

  it('gives the same reference counts when the read models are rebuilt from the log', async () => {
    await node.settle();
    const live = { refs: table(CONTENT_REFS_TABLE), mailbox: table(MAILBOX_MESSAGES_TABLE) };
    assert.ok(live.refs.length > 0 && live.mailbox.length > 0);
    await node.runtime.projections.rebuild(['content-refs', 'mailbox']);
    assert.deepEqual(table(CONTENT_REFS_TABLE), live.refs);
    assert.deepEqual(table(MAILBOX_MESSAGES_TABLE), live.mailbox);
  });

  it('collects on its own schedule once started', async () => {
    const raw = message('scheduled');
    await node.runtime.content.put(raw, node.clock.now());
    await node.settle();
    node.clock.advance(1);
    collector.configure({ graceMs: 0, intervalMs: 20 });
    await collector.start();
    try {
      const deadline = Date.now() + 10_000;
      while ((await node.runtime.content.exists(sha(raw))) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.equal(await node.runtime.content.exists(sha(raw)), false);
    } finally {
      await collector.stop();
      collector.configure({ graceMs: HOUR, intervalMs: 5 * 60_000 });
    }
  });

  it('refuses a bad configuration', () => {
    assert.throws(() => collector.configure({ graceMs: -1 }), /graceMs must be a whole number of milliseconds, got -1/);
    assert.throws(() => collector.configure({ intervalMs: 0 }), /intervalMs/);
  });

  it('stores a 50 MiB message, streams it back in chunks and deletes it', async () => {
    const size = 50 * 1024 * 1024;
    const header = Buffer.from('From: big@x.example\r\nSubject: big\r\nContent-Type: application/octet-stream\r\n\r\n');
    const raw = Buffer.alloc(size);
    header.copy(raw);
    for (let i = header.length; i < size; i++) raw[i] = 0x41 + (i % 26);
    const hash = sha(raw);

    let started = performance.now();
    const id = await append(raw, 'big');
    const storeMs = performance.now() - started;

    started = performance.now();
    const result = await callAs(node, 'big', MessageRawGetMethod, { MsgID: id });
    assert.ok(typeof result === 'object' && result !== null && 'bytes' in result && !Buffer.isBuffer(result.bytes), 'a stream, not one buffer');
    const digest = createHash('sha256');
    let chunks = 0;
    let largest = 0;
    let total = 0;
    for await (const chunk of result.bytes as AsyncIterable<Buffer>) {
      digest.update(chunk);
      chunks++;
      total += chunk.length;
      largest = Math.max(largest, chunk.length);
    }
    const readMs = performance.now() - started;
    assert.equal(total, size);
    assert.equal(digest.digest('hex'), hash);
    assert.equal(chunks, Math.ceil(size / CHUNK_SIZE));
    assert.ok(largest <= CHUNK_SIZE);

    await remove(id, 'big');
    node.clock.advance(2 * HOUR);
    started = performance.now();
    assert.ok((await collector.collectOnce()).deleted.includes(hash));
    const deleteMs = performance.now() - started;
    assert.equal(await node.runtime.content.exists(hash), false);
    await rejectsWith(callAs(node, 'big', MessageRawGetMethod, { MsgID: id }), 'messageNotFound');
    console.log(`50 MiB message: stored in ${storeMs.toFixed(0)} ms, streamed back in ${readMs.toFixed(0)} ms (${chunks} chunks), collected in ${deleteMs.toFixed(0)} ms`);
  });
});

/** A submission queued for these recipients, as the queue records it. */
async function queue(node: TestNode, submissionId: string, content: ContentRef, ids: number[]): Promise<void> {
  const now = node.clock.now().toISOString();
  const data: MessageQueuedData = {
    SubmissionID: submissionId,
    SenderAccount: 'mjl',
    Source: 'webapi',
    Queued: now,
    NextAttempt: now,
    MessageID: `<${submissionId}@mox.example>`,
    Subject: 'queued',
    Extra: {},
    Content: content,
    Has8bit: false,
    SMTPUTF8: false,
    RequireTLS: null,
    FutureReleaseRequest: '',
    MaxAttempts: 0,
    Transport: '',
    Recipients: ids.map((id) => ({
      QueueMsgID: id,
      BaseID: ids[0],
      FromID: '',
      SenderLocalpart: 'mjl',
      SenderDomain: 'mox.example',
      SenderDomainStr: 'mox.example',
      RecipientLocalpart: `rcpt${id}`,
      RecipientDomain: 'remote.example',
      RecipientDomainStr: 'remote.example',
      RecipientAddress: `rcpt${id}@remote.example`,
      MsgPrefix: '',
      Hold: false,
    })),
    IdempotencyKey: null,
    Result: null,
  };
  await node.runtime.store.appendToStream(submissionStream(submissionId), [{ type: 'MessageQueued', data, metadata: { now } }], { expectedRevision: 'no_stream' });
}

/** The message delivered and retired in one append, as the delivery worker writes it. */
async function retire(node: TestNode, queueMsgId: number, content: ContentRef): Promise<void> {
  const now = node.clock.now().toISOString();
  const summary: MessageSummary = {
    QueueMsgID: queueMsgId,
    SenderAccount: 'mjl',
    FromID: '',
    MessageID: '<m@mox.example>',
    Subject: 'queued',
    Extra: {},
    RecipientAddress: `rcpt${queueMsgId}@remote.example`,
    SenderAddress: 'mjl@mox.example',
    Content: content,
    MsgPrefix: '',
    Queued: now,
    Attempts: 1,
  };
  const result = { Start: now, Duration: 1_000_000, Success: true, Code: 250, Secode: '', Error: '' };
  await node.runtime.store.appendToStream(messageStream(queueMsgId), [
    { type: 'MessageDelivered', data: { Message: summary, Result: result }, metadata: { now } },
    { type: 'MessageRetired', data: { QueueMsgID: queueMsgId, Outcome: 'delivered', Success: true, LastActivity: now, KeepUntil: null }, metadata: { now } },
  ]);
}
