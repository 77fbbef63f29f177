// The content reference counts: given content, queue, mailbox and collector events, then each content's
// references and when they last changed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONTENT_REFS_TABLE, contentRefsProjection } from '../../../projections/content-refs';
import type { StoredEvent } from '../../../src/event-store/event-store';
import type { Row } from '../../../src/projecting/projection';
import { replay, stored } from '../replay';

const A = 'aa'.repeat(32);
const B = 'bb'.repeat(32);
const ref = (sha: string) => ({ Sha256: sha, Size: 100 });
const t = (hour: number) => `2024-01-01T${String(hour).padStart(2, '0')}:00:00.000Z`;

const contentStored = (sha: string, hour: number) => stored(`content-${sha}`, 'ContentStored', { Sha256: sha, Size: 100, Chunks: 1 }, t(hour), 1);
const queued = (sha: string, ids: number[], hour: number) =>
  stored('submission-s1', 'MessageQueued', { Content: ref(sha), Recipients: ids.map((id) => ({ QueueMsgID: id })) }, t(hour));
const outcome = (type: string, sha: string, id: number, hour: number) =>
  stored(`message-${id}`, type, { Message: { QueueMsgID: id, Content: ref(sha) }, Result: {} }, t(hour));
const retired = (id: number, hour: number) => stored(`message-${id}`, 'MessageRetired', { QueueMsgID: id }, t(hour));
const mailboxAdded = (sha: string, msgId: number, hour: number) => stored('mailbox-mjl', 'MailboxMessageAdded', { MsgID: msgId, Content: ref(sha) }, t(hour));
const expunged = (sha: string, msgId: number, hour: number) => stored('mailbox-mjl', 'MailboxMessageExpunged', { MsgID: msgId, Content: ref(sha) }, t(hour));
const deleted = (sha: string, position: number, hour: number) => stored('contentgc', 'ContentDeleted', { Sha256: sha, Position: position }, t(hour));

function rowsAfter(events: StoredEvent[]): Map<string, Row> {
  const rows = replay(contentRefsProjection, events).get(CONTENT_REFS_TABLE)!;
  return new Map([...rows.values()].map((r) => [r.Sha256 as string, r]));
}

describe('content-refs projection', () => {
  it('counts one queue reference per recipient and releases each at its final outcome', () => {
    const stored1 = contentStored(A, 1);
    const events = [stored1, queued(A, [10, 11, 12], 2), outcome('MessageDelivered', A, 10, 3), retired(10, 3), outcome('MessageFailed', A, 11, 4), retired(11, 4)];
    assert.deepEqual(rowsAfter(events).get(A), {
      Sha256: A,
      Refs: 1,
      QueueRefs: 1,
      MailboxRefs: 0,
      Size: 100,
      ContentPosition: stored1.position,
      LastChange: t(4),
    });
    const all = rowsAfter([...events, outcome('MessageCanceled', A, 12, 5), retired(12, 5)]).get(A)!;
    assert.equal(all.Refs, 0);
    assert.equal(all.LastChange, t(5));
  });

  it('counts mailbox messages until they are expunged', () => {
    const rows = rowsAfter([contentStored(B, 1), mailboxAdded(B, 1, 2), mailboxAdded(B, 2, 2), expunged(B, 1, 6)]);
    assert.equal(rows.get(B)!.Refs, 1);
    assert.equal(rows.get(B)!.MailboxRefs, 1);
    assert.equal(rows.get(B)!.LastChange, t(6));
  });

  it('adds up queue and mailbox references to the same content', () => {
    const row = rowsAfter([contentStored(A, 1), queued(A, [1, 2], 1), mailboxAdded(A, 7, 1), outcome('MessageSuppressed', A, 1, 2)]).get(A)!;
    assert.deepEqual([row.Refs, row.QueueRefs, row.MailboxRefs], [2, 1, 1]);
  });

  it('moves the last change when the content is reused or written, without counting', () => {
    const reused = stored(`content-${A}`, 'ContentReused', {}, t(9), 2);
    const row = rowsAfter([contentStored(A, 1), reused]).get(A)!;
    assert.deepEqual([row.Refs, row.ContentPosition, row.LastChange], [0, reused.position, t(9)]);
  });

  it('knows content of a writer that stored chunks and stopped', () => {
    const chunk = stored(`content-${B}`, 'ContentChunkStored', { Index: 0, Data: '' }, t(1), 0);
    const row = rowsAfter([chunk]).get(B)!;
    assert.deepEqual([row.Refs, row.Size, row.ContentPosition], [0, null, chunk.position]);
  });

  it('forgets content the collector deleted', () => {
    const s = contentStored(A, 1);
    assert.equal(rowsAfter([s, mailboxAdded(A, 1, 1), expunged(A, 1, 2), deleted(A, s.position, 4)]).has(A), false);
  });

  it('keeps content stored again after the position the collector deleted at', () => {
    const first = contentStored(A, 1);
    const again = contentStored(A, 5);
    const rows = rowsAfter([first, again, mailboxAdded(A, 2, 5), deleted(A, first.position, 5)]);
    assert.equal(rows.get(A)!.Refs, 1);
  });

  it('ignores events of other streams and types', () => {
    assert.equal(rowsAfter([stored('other-x', 'ContentStored', { Sha256: A }), stored('contentgc', 'Unrelated', {})]).size, 0);
  });
});
