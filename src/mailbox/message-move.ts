// MessageMove (reference 1.17): moves the message to another of the account's mailboxes. Checked in mox's
// order: the destination first, then the message, then whether it is there already. A message moved to
// Trash is marked \seen, as mox does.
import { Injectable } from '@nestjs/common';
import { userError } from '../api/api-error';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../api/api-method';
import type { WebapiRequest, WebapiResponse } from '../api/api-types';
import { newCommandContext } from '../core/command-handling';
import { Runtime } from '../runtime/runtime';
import { appendMailboxEvents } from './mailbox-appender';
import type { MailboxEvent } from './mailbox-events';
import { MailboxReadModel, type StoredMailboxMessage } from './mailbox-read-model';
import { findMailbox, isTrash } from './mailboxes';
import { accountOf, checkMessageToChange, msgIdOf } from './message-lookup';

export function decideMove(message: StoredMailboxMessage | null, msgId: number, destination: string): MailboxEvent[] {
  // mox: an empty name means "by mailbox ID", which the webapi never sets.
  if (destination === '') throw userError('getting mailbox: invalid zero mailbox ID');
  const to = findMailbox(destination);
  if (to === null) throw userError('looking up mailbox name: not found');
  const m = checkMessageToChange(message, msgId);
  if (m.Mailbox === to) throw userError('moving message: already in destination mailbox');
  const events: MailboxEvent[] = [{ type: 'MailboxMessageMoved', data: { MsgID: m.MsgID, From: m.Mailbox, To: to } }];
  if (isTrash(to) && !m.Flags.includes('\\seen')) {
    events.push({ type: 'MailboxMessageFlagsChanged', data: { MsgID: m.MsgID, FlagsSet: ['\\seen'], FlagsCleared: [], KeywordsAdded: [], KeywordsRemoved: [] } });
  }
  return events;
}

@ApiMethod('webapi', 'MessageMove')
@Injectable()
export class MessageMoveMethod implements ApiMethodHandler<WebapiRequest<'MessageMove'>, WebapiResponse<'MessageMove'>> {
  private readonly readModel: MailboxReadModel;

  constructor(private readonly runtime: Runtime) {
    this.readModel = new MailboxReadModel(runtime.readDb);
  }

  async handle(request: WebapiRequest<'MessageMove'>, caller: Caller): Promise<WebapiResponse<'MessageMove'>> {
    const account = accountOf(caller);
    const msgId = msgIdOf(request);
    const events = decideMove(msgId > 0 ? this.readModel.message(account, msgId) : null, msgId, request.DestMailboxName ?? '');
    await appendMailboxEvents(this.runtime, account, events, newCommandContext(this.runtime.clock.now(), caller.request.correlationId));
    return {};
  }
}
