// MailboxService.append on a real node: content stored once, one event per message, idempotent by key
// (sequential and concurrent), clear errors for bad requests.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { contentStream } from '../../src/content/content-events';
import { MailboxService, type AppendToMailbox } from '../../src/mailbox/mailbox-service';
import { MailboxReadModel } from '../../src/mailbox/mailbox-read-model';
import { startTestNode, type TestNode } from '../support/test-node';
import { composeMessage, receivedMeta } from './message-fixtures';

describe('MailboxService.append', () => {
  let node: TestNode;
  let raw: Buffer;
  let service: MailboxService;
  const request = (over: Partial<AppendToMailbox> = {}): AppendToMailbox => ({
    account: 'mjl',
    mailbox: 'Inbox',
    raw,
    flags: [],
    meta: receivedMeta,
    now: node.clock.now(),
    ...over,
  });
  const addedEvents = async (account: string) =>
    (await node.runtime.store.readStream(`mailbox-${account}`)).filter((e) => e.type === 'MailboxMessageAdded');

  before(async () => {
    node = await startTestNode();
    raw = await composeMessage();
    service = node.get(MailboxService);
  });
  after(async () => {
    await node?.stop();
  });

  it('stores the message and answers with a new MsgID each time', async () => {
    const first = await service.append(request({ flags: ['\\Seen', 'Label'] }));
    const second = await service.append(request());
    assert.ok(first > 0 && second > first, `${first}, ${second}`);
    const row = new MailboxReadModel(node.runtime.readDb).message('mjl', first)!;
    assert.deepEqual([row.Mailbox, row.Flags, row.Keywords, row.Size], ['Inbox', ['\\seen'], ['label'], raw.length]);
    assert.ok((await node.runtime.content.get(row.ContentSha256)).equals(raw));
    assert.equal((await addedEvents('mjl')).length, 2);
  });

  it('answers a repeated key with the first MsgID and stores nothing more', async () => {
    const account = 'idem';
    const first = await service.append(request({ account, idempotencyKey: 'dsn-for-42' }));
    const again = await service.append(request({ account, idempotencyKey: 'dsn-for-42', mailbox: 'Junk' }));
    assert.equal(again, first);
    assert.equal((await addedEvents(account)).length, 1);
    const other = await service.append(request({ account, idempotencyKey: 'dsn-for-43' }));
    assert.notEqual(other, first);
  });

  it('gives concurrent appends with one key one message', async () => {
    const account = 'racing';
    const ids = await Promise.all([1, 2, 3, 4].map(() => service.append(request({ account, idempotencyKey: 'same' }))));
    assert.deepEqual(new Set(ids).size, 1, `got ${ids.join(', ')}`);
    assert.equal((await addedEvents(account)).length, 1);
  });

  it('keeps keys apart per account', async () => {
    const a = await service.append(request({ account: 'keys-a', idempotencyKey: 'k' }));
    const b = await service.append(request({ account: 'keys-b', idempotencyKey: 'k' }));
    assert.notEqual(a, b);
  });

  it('stores the bytes once for many messages', async () => {
    const unique = Buffer.concat([raw, Buffer.from('\r\nonce\r\n')]);
    await service.append(request({ raw: unique }));
    await service.append(request({ raw: unique, mailbox: 'Archive' }));
    const { createHash } = await import('node:crypto');
    const events = await node.runtime.store.readStream(contentStream(createHash('sha256').update(unique).digest('hex')));
    assert.deepEqual(
      events.map((e) => e.type),
      ['ContentChunkStored', 'ContentStored', 'ContentReused'],
    );
  });

  const bad: [string, Partial<AppendToMailbox>, RegExp][] = [
    ['an unknown mailbox', { mailbox: 'Bogus' }, /unknown mailbox "Bogus" \(mailboxes are Inbox, Sent, Archive, Trash, Drafts, Junk\)/],
    ['an invalid keyword', { flags: ['no spaces'] }, /invalid keyword no spaces/],
    ['no account', { account: '' }, /account must be a non-empty string/],
    ['no bytes', { raw: 'text' as unknown as Buffer }, /raw must be a Buffer/],
    ['an empty key', { idempotencyKey: '' }, /idempotencyKey must be a non-empty string/],
  ];
  for (const [name, over, message] of bad) {
    it(`refuses ${name}`, async () => {
      await assert.rejects(service.append(request({ account: 'refused', ...over })), message);
      assert.equal((await addedEvents('refused')).length, 0);
    });
  }
});
