// MessageDelete (reference 1.15): expunges the message for good; it does not go to Trash. A second delete
// answers `user` "message was removed", as mox does.
import { Injectable } from '@nestjs/common';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../api/api-method';
import type { WebapiRequest, WebapiResponse } from '../api/api-types';
import { Runtime } from '../runtime/runtime';
import { appendMailboxEvents } from './mailbox-appender';
import type { MailboxEvent } from './mailbox-events';
import { MailboxReadModel, type StoredMailboxMessage } from './mailbox-read-model';
import { accountOf, checkMessageToChange, msgIdOf } from './message-lookup';

export function decideDelete(message: StoredMailboxMessage | null, msgId: number): MailboxEvent[] {
  const m = checkMessageToChange(message, msgId);
  return [{ type: 'MailboxMessageExpunged', data: { MsgID: m.MsgID, Mailbox: m.Mailbox, Content: { Sha256: m.ContentSha256, Size: m.Size } } }];
}

@ApiMethod('webapi', 'MessageDelete')
@Injectable()
export class MessageDeleteMethod implements ApiMethodHandler<WebapiRequest<'MessageDelete'>, WebapiResponse<'MessageDelete'>> {
  private readonly readModel: MailboxReadModel;

  constructor(private readonly runtime: Runtime) {
    this.readModel = new MailboxReadModel(runtime.readDb);
  }

  async handle(request: WebapiRequest<'MessageDelete'>, caller: Caller): Promise<WebapiResponse<'MessageDelete'>> {
    const account = accountOf(caller);
    const msgId = msgIdOf(request);
    const events = decideDelete(msgId > 0 ? this.readModel.message(account, msgId) : null, msgId);
    // One expunge per message ever: two racing deletes append the same event id and the store keeps one,
    // so the message's content reference is dropped once.
    const ctx = { commandId: `mailbox-expunge-${msgId}`, correlationId: caller.request.correlationId, now: this.runtime.clock.now() };
    await appendMailboxEvents(this.runtime, account, events, ctx);
    return {};
  }
}
