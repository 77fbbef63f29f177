// The messages in an account's mailboxes as the read model holds them, with their stored bytes and the
// fact (source) that added them.
import { MAILBOX_MESSAGES_TABLE } from '../../../projections/mailbox';
import { mailboxStream, type MailboxMessageAddedData } from '../../../src/mailbox/mailbox-events';
import { MailboxReadModel, type StoredMailboxMessage } from '../../../src/mailbox/mailbox-read-model';
import type { TestNode } from '../../support/test-node';

export function mailboxMessages(node: TestNode, account: string): StoredMailboxMessage[] {
  const ids = node.runtime.readDb.prepare(`SELECT MsgID FROM ${MAILBOX_MESSAGES_TABLE} WHERE Account = ? ORDER BY MsgID`).all(account) as { MsgID: number }[];
  const model = new MailboxReadModel(node.runtime.readDb);
  return ids.map((r) => model.message(account, r.MsgID)!);
}

export async function storedBytes(node: TestNode, message: StoredMailboxMessage): Promise<string> {
  return (await node.runtime.content.get(message.ContentSha256)).toString('utf8');
}

/** The Source each MailboxMessageAdded of the account recorded, by MsgID. */
export async function sourcesOf(node: TestNode, account: string): Promise<Map<number, string | undefined>> {
  const events = await node.runtime.store.readStream(mailboxStream(account));
  const out = new Map<number, string | undefined>();
  for (const e of events) if (e.type === 'MailboxMessageAdded') out.set((e.data as MailboxMessageAddedData).MsgID, (e.data as MailboxMessageAddedData).Source);
  return out;
}
