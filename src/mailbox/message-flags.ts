// MessageFlagsAdd and MessageFlagsRemove (reference 1.16): flags are lower-cased, keywords checked; setting
// a flag that is set, or clearing one that is not, changes nothing and succeeds.
import { Injectable } from '@nestjs/common';
import { userError } from '../api/api-error';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../api/api-method';
import type { WebapiRequest, WebapiResponse } from '../api/api-types';
import { newCommandContext } from '../core/command-handling';
import { Runtime } from '../runtime/runtime';
import { parseFlags } from './flags';
import { appendMailboxEvents } from './mailbox-appender';
import type { MailboxEvent } from './mailbox-events';
import { MailboxReadModel, type StoredMailboxMessage } from './mailbox-read-model';
import { accountOf, checkMessageToChange, msgIdOf } from './message-lookup';

export type FlagsChange = 'add' | 'remove';

/** Pure: the event for what actually changes, none when nothing does. */
export function decideFlagsChange(
  message: StoredMailboxMessage | null,
  msgId: number,
  change: FlagsChange,
  requested: readonly string[],
  options: { pedantic?: boolean } = {},
): MailboxEvent[] {
  // mox parses the flags before it looks at the message.
  const parsed = parseFlags(requested, options);
  if (!parsed.ok) throw userError(`parsing flags: ${parsed.error}`);
  const m = checkMessageToChange(message, msgId);
  const add = change === 'add';
  const flags = parsed.flags.filter((f) => m.Flags.includes(f) !== add);
  const keywords = parsed.keywords.filter((k) => m.Keywords.includes(k) !== add);
  if (flags.length === 0 && keywords.length === 0) return [];
  return [
    {
      type: 'MailboxMessageFlagsChanged',
      data: {
        MsgID: m.MsgID,
        FlagsSet: add ? flags : [],
        FlagsCleared: add ? [] : flags,
        KeywordsAdded: add ? keywords : [],
        KeywordsRemoved: add ? [] : keywords,
      },
    },
  ];
}

abstract class FlagsMethod {
  private readonly readModel: MailboxReadModel;

  constructor(
    private readonly runtime: Runtime,
    private readonly change: FlagsChange,
  ) {
    this.readModel = new MailboxReadModel(runtime.readDb);
  }

  protected async apply(request: { MsgID?: number; Flags?: string[] }, caller: Caller): Promise<Record<string, never>> {
    const account = accountOf(caller);
    const msgId = msgIdOf(request);
    const message = msgId > 0 ? this.readModel.message(account, msgId) : null;
    // localserve runs mox in pedantic mode, where a duplicate keyword is an error.
    const events = decideFlagsChange(message, msgId, this.change, request.Flags ?? [], { pedantic: this.runtime.mode === 'localserve' });
    await appendMailboxEvents(this.runtime, account, events, newCommandContext(this.runtime.clock.now(), caller.request.correlationId));
    return {};
  }
}

@ApiMethod('webapi', 'MessageFlagsAdd')
@Injectable()
export class MessageFlagsAddMethod extends FlagsMethod implements ApiMethodHandler<WebapiRequest<'MessageFlagsAdd'>, WebapiResponse<'MessageFlagsAdd'>> {
  constructor(runtime: Runtime) {
    super(runtime, 'add');
  }

  handle(request: WebapiRequest<'MessageFlagsAdd'>, caller: Caller): Promise<WebapiResponse<'MessageFlagsAdd'>> {
    return this.apply(request, caller);
  }
}

@ApiMethod('webapi', 'MessageFlagsRemove')
@Injectable()
export class MessageFlagsRemoveMethod extends FlagsMethod implements ApiMethodHandler<WebapiRequest<'MessageFlagsRemove'>, WebapiResponse<'MessageFlagsRemove'>> {
  constructor(runtime: Runtime) {
    super(runtime, 'remove');
  }

  handle(request: WebapiRequest<'MessageFlagsRemove'>, caller: Caller): Promise<WebapiResponse<'MessageFlagsRemove'>> {
    return this.apply(request, caller);
  }
}
