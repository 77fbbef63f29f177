// The mailbox read model's reducer: given mailbox events, then the message rows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAILBOX_MESSAGES_TABLE, mailboxProjection } from '../../../projections/mailbox';
import type { MailboxMessageAddedData } from '../../../src/mailbox/mailbox-events';
import { sentMeta } from '../../mailbox/message-fixtures';
import { replay, stored } from '../replay';

const content = { Sha256: 'cd'.repeat(32), Size: 500 };
const added = (msgId: number, over: Partial<MailboxMessageAddedData> = {}): MailboxMessageAddedData => ({
  MsgID: msgId,
  Mailbox: 'Sent',
  Content: content,
  Flags: ['$notjunk', '\\seen'],
  Keywords: [],
  Received: '2024-01-01T00:00:00.000Z',
  Meta: sentMeta,
  IdempotencyKey: null,
  ...over,
});
const flags = (msgId: number, change: Partial<{ FlagsSet: string[]; FlagsCleared: string[]; KeywordsAdded: string[]; KeywordsRemoved: string[] }>) => ({
  MsgID: msgId,
  FlagsSet: [],
  FlagsCleared: [],
  KeywordsAdded: [],
  KeywordsRemoved: [],
  ...change,
});

function rows(events: ReturnType<typeof stored>[]) {
  return [...replay(mailboxProjection, events).get(MAILBOX_MESSAGES_TABLE)!.values()];
}

describe('mailbox projection', () => {
  it('adds a row per message, keyed by account and MsgID', () => {
    const got = rows([
      stored('mailbox-mjl', 'MailboxMessageAdded', added(1), '2024-01-01T00:00:00.000Z'),
      stored('mailbox-other-account', 'MailboxMessageAdded', added(2, { Mailbox: 'Inbox', IdempotencyKey: 'k1' })),
    ]);
    assert.deepEqual(got[0], {
      Account: 'mjl',
      MsgID: 1,
      Mailbox: 'Sent',
      ContentSha256: content.Sha256,
      Size: 500,
      Flags: ['$notjunk', '\\seen'],
      Keywords: [],
      Received: '2024-01-01T00:00:00.000Z',
      Meta: sentMeta,
      IdempotencyKey: null,
      Expunged: false,
      Changed: '2024-01-01T00:00:00.000Z',
    });
    assert.equal(got[1].Account, 'other-account');
    assert.equal(got[1].IdempotencyKey, 'k1');
  });

  it('keeps the first add when the same MsgID is added again', () => {
    const [row] = rows([stored('mailbox-mjl', 'MailboxMessageAdded', added(1)), stored('mailbox-mjl', 'MailboxMessageAdded', added(1, { Mailbox: 'Junk' }))]);
    assert.equal(row.Mailbox, 'Sent');
  });

  it('applies flag changes as sets, keeping mox order', () => {
    const [row] = rows([
      stored('mailbox-mjl', 'MailboxMessageAdded', added(1)),
      stored('mailbox-mjl', 'MailboxMessageFlagsChanged', flags(1, { FlagsSet: ['\\answered', '$forwarded', '\\seen'], KeywordsAdded: ['zz', 'custom'] })),
      stored('mailbox-mjl', 'MailboxMessageFlagsChanged', flags(1, { FlagsCleared: ['$notjunk'], KeywordsRemoved: ['zz'] })),
    ]);
    assert.deepEqual(row.Flags, ['$forwarded', '\\answered', '\\seen']);
    assert.deepEqual(row.Keywords, ['custom']);
  });

  it('moves and expunges; later changes to an expunged message have no effect', () => {
    const [row] = rows([
      stored('mailbox-mjl', 'MailboxMessageAdded', added(1)),
      stored('mailbox-mjl', 'MailboxMessageMoved', { MsgID: 1, From: 'Sent', To: 'Archive' }),
      stored('mailbox-mjl', 'MailboxMessageExpunged', { MsgID: 1, Mailbox: 'Archive', Content: content }, '2024-01-02T00:00:00.000Z'),
      stored('mailbox-mjl', 'MailboxMessageMoved', { MsgID: 1, From: 'Archive', To: 'Inbox' }, '2024-01-03T00:00:00.000Z'),
      stored('mailbox-mjl', 'MailboxMessageFlagsChanged', flags(1, { FlagsCleared: ['\\seen'] }), '2024-01-03T00:00:00.000Z'),
    ]);
    assert.equal(row.Mailbox, 'Archive');
    assert.equal(row.Expunged, true);
    assert.deepEqual(row.Flags, ['$notjunk', '\\seen']);
    assert.equal(row.Changed, '2024-01-02T00:00:00.000Z');
  });

  it('ignores changes to a message it never saw added', () => {
    assert.deepEqual(rows([stored('mailbox-mjl', 'MailboxMessageMoved', { MsgID: 5, From: 'Sent', To: 'Inbox' })]), []);
  });
});
