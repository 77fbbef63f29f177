// Finding the caller's message, with mox's error for each way it can be missing. Reads (MessageGet,
// MessageRawGet, MessagePartGet) treat an expunged message as absent; changes (delete, flags, move) say it
// was removed (mox webapisrv xmessageGet and webops messageID).
import { ApiError, userError } from '../api/api-error';
import type { Caller } from '../api/api-method';
import type { MailboxReadModel, StoredMailboxMessage } from './mailbox-read-model';

/** Webapi methods are only ever called by an account; the account is whose messages are visible. */
export function accountOf(caller: Caller): string {
  if (caller.kind !== 'account') throw new ApiError('server', 'message methods need an account caller');
  return caller.account;
}

/** A MsgID as the request gave it; absent counts as 0, as Go's zero value. */
export const msgIdOf = (request: { MsgID?: number }): number => request.MsgID ?? 0;

export function messageToRead(readModel: MailboxReadModel, account: string, msgId: number): StoredMailboxMessage {
  const message = Number.isSafeInteger(msgId) && msgId > 0 ? readModel.message(account, msgId) : null;
  if (!message || message.Expunged) throw new ApiError('messageNotFound', 'message not found');
  return message;
}

/** The check of a change, pure: the message as the read model has it, or the error to answer. */
export function checkMessageToChange(message: StoredMailboxMessage | null, msgId: number): StoredMailboxMessage {
  if (msgId === 0) throw userError('getting message: invalid zero message id');
  if (!message) throw new ApiError('messageNotFound', 'getting message: no such message');
  if (message.Expunged) throw userError('getting message: message was removed');
  return message;
}

export function messageToChange(readModel: MailboxReadModel, account: string, msgId: number): StoredMailboxMessage {
  const message = Number.isSafeInteger(msgId) && msgId > 0 ? readModel.message(account, msgId) : null;
  return checkMessageToChange(message, msgId);
}
