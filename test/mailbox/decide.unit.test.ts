// The pure decisions of the message changes: which events a delete, a flag change or a move gives, and
// mox's error for each refusal (reference 1.15-1.17).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../src/api/api-error';
import type { StoredMailboxMessage } from '../../src/mailbox/mailbox-read-model';
import { decideDelete } from '../../src/mailbox/message-delete';
import { decideFlagsChange } from '../../src/mailbox/message-flags';
import { decideMove } from '../../src/mailbox/message-move';
import { sentMeta } from './message-fixtures';

const message: StoredMailboxMessage = {
  Account: 'mjl',
  MsgID: 7,
  Mailbox: 'Sent',
  ContentSha256: 'ab'.repeat(32),
  Size: 1234,
  Flags: ['$notjunk', '\\seen'],
  Keywords: ['custom'],
  Received: '2024-01-01T00:00:00.000Z',
  Meta: sentMeta,
  IdempotencyKey: null,
  Expunged: false,
  Changed: '2024-01-01T00:00:00.000Z',
};
const expunged = { ...message, Expunged: true };

function refused(fn: () => unknown, code: string, text: string): void {
  assert.throws(fn, (err: unknown) => err instanceof ApiError && err.code === code && err.message === text);
}

describe('decideDelete', () => {
  it('expunges, naming the content', () => {
    assert.deepEqual(decideDelete(message, 7), [
      { type: 'MailboxMessageExpunged', data: { MsgID: 7, Mailbox: 'Sent', Content: { Sha256: message.ContentSha256, Size: 1234 } } },
    ]);
  });
  it('refuses MsgID 0, an unknown and an expunged message', () => {
    refused(() => decideDelete(null, 0), 'user', 'getting message: invalid zero message id');
    refused(() => decideDelete(null, 8), 'messageNotFound', 'getting message: no such message');
    refused(() => decideDelete(expunged, 7), 'user', 'getting message: message was removed');
  });
});

describe('decideFlagsChange', () => {
  it('adds only what is not set yet', () => {
    assert.deepEqual(decideFlagsChange(message, 7, 'add', ['\\SEEN', '\\Answered', 'CUSTOM', 'new']), [
      { type: 'MailboxMessageFlagsChanged', data: { MsgID: 7, FlagsSet: ['\\answered'], FlagsCleared: [], KeywordsAdded: ['new'], KeywordsRemoved: [] } },
    ]);
  });
  it('removes only what is set', () => {
    assert.deepEqual(decideFlagsChange(message, 7, 'remove', ['\\seen', '\\flagged', 'Custom', 'absent']), [
      { type: 'MailboxMessageFlagsChanged', data: { MsgID: 7, FlagsSet: [], FlagsCleared: ['\\seen'], KeywordsAdded: [], KeywordsRemoved: ['custom'] } },
    ]);
  });
  it('gives no event when nothing changes', () => {
    assert.deepEqual(decideFlagsChange(message, 7, 'add', ['\\seen', '$NotJunk', 'custom']), []);
    assert.deepEqual(decideFlagsChange(message, 7, 'remove', ['\\draft', 'other']), []);
    assert.deepEqual(decideFlagsChange(message, 7, 'add', []), []);
  });
  it('checks the flags before the message, as mox', () => {
    refused(() => decideFlagsChange(null, 0, 'add', ['bad keyword']), 'user', 'parsing flags: invalid keyword bad keyword');
    refused(() => decideFlagsChange(null, 0, 'add', ['\\seen']), 'user', 'getting message: invalid zero message id');
    refused(() => decideFlagsChange(null, 9, 'remove', ['\\seen']), 'messageNotFound', 'getting message: no such message');
    refused(() => decideFlagsChange(expunged, 7, 'add', ['\\seen']), 'user', 'getting message: message was removed');
  });
  it('refuses duplicate keywords only when pedantic', () => {
    assert.equal(decideFlagsChange(message, 7, 'add', ['x', 'X']).length, 1);
    refused(() => decideFlagsChange(message, 7, 'add', ['x', 'X'], { pedantic: true }), 'user', 'parsing flags: duplicate keyword x');
  });
});

describe('decideMove', () => {
  it('moves to another mailbox', () => {
    assert.deepEqual(decideMove(message, 7, 'Inbox'), [{ type: 'MailboxMessageMoved', data: { MsgID: 7, From: 'Sent', To: 'Inbox' } }]);
  });
  it('takes INBOX in any case', () => {
    assert.deepEqual(decideMove(message, 7, 'INBOX'), [{ type: 'MailboxMessageMoved', data: { MsgID: 7, From: 'Sent', To: 'Inbox' } }]);
  });
  it('marks a message moved to Trash as seen, unless it is', () => {
    const unseen = { ...message, Flags: [] };
    assert.deepEqual(decideMove(unseen, 7, 'Trash'), [
      { type: 'MailboxMessageMoved', data: { MsgID: 7, From: 'Sent', To: 'Trash' } },
      { type: 'MailboxMessageFlagsChanged', data: { MsgID: 7, FlagsSet: ['\\seen'], FlagsCleared: [], KeywordsAdded: [], KeywordsRemoved: [] } },
    ]);
    assert.equal(decideMove(message, 7, 'Trash').length, 1);
  });
  it('checks the destination, then the message, then whether it is there already', () => {
    refused(() => decideMove(null, 0, 'Bogus'), 'user', 'looking up mailbox name: not found');
    refused(() => decideMove(message, 7, 'sent'), 'user', 'looking up mailbox name: not found');
    refused(() => decideMove(null, 0, ''), 'user', 'getting mailbox: invalid zero mailbox ID');
    refused(() => decideMove(null, 0, 'Inbox'), 'user', 'getting message: invalid zero message id');
    refused(() => decideMove(null, 3, 'Inbox'), 'messageNotFound', 'getting message: no such message');
    refused(() => decideMove(expunged, 7, 'Inbox'), 'user', 'getting message: message was removed');
    refused(() => decideMove(message, 7, 'Sent'), 'user', 'moving message: already in destination mailbox');
  });
});
