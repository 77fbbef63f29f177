// MessageGet (reference 1.12): the stored message's header fields and readable text, its MIME structure,
// and what is known about how it arrived.
import { Injectable } from '@nestjs/common';
import { ApiError } from '../api/api-error';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../api/api-method';
import type { WebapiRequest, WebapiResponse } from '../api/api-types';
import { ContentNotFound } from '../content/content-store';
import { parseMessage, structureOf } from '../mime';
import { Runtime } from '../runtime/runtime';
import { flagList } from './flags';
import { MailboxReadModel, type StoredMailboxMessage } from './mailbox-read-model';
import { messageOf } from './message-envelope';
import { accountOf, messageToRead, msgIdOf } from './message-lookup';

type Result = WebapiResponse<'MessageGet'>;

/** The whole answer from the stored bytes and the read-model row; pure. */
export function messageGetResult(raw: Buffer, stored: StoredMailboxMessage, maxTextBytes?: number): Result {
  const root = parseMessage(raw);
  const meta = stored.Meta;
  return {
    Message: messageOf(root, maxTextBytes),
    Structure: structureOf(root),
    Meta: {
      Size: stored.Size,
      DSN: meta.DSN,
      Flags: flagList(stored.Flags, stored.Keywords),
      MailFrom: meta.MailFrom,
      MailFromValidated: meta.MailFromValidated,
      RcptTo: meta.RcptTo,
      MsgFrom: meta.MsgFrom,
      MsgFromValidated: meta.MsgFromValidated,
      DKIMVerifiedDomains: meta.DKIMVerifiedDomains ?? [],
      RemoteIP: meta.RemoteIP,
      MailboxName: stored.Mailbox,
    },
  };
}

/** The message's bytes; a `server` error when the content is gone (it never should be while referenced). */
export async function storedBytes(runtime: Runtime, stored: StoredMailboxMessage): Promise<Buffer> {
  try {
    return await runtime.content.get(stored.ContentSha256);
  } catch (err) {
    if (err instanceof ContentNotFound) throw new ApiError('server', `reading message: ${err.message}`);
    throw err;
  }
}

@ApiMethod('webapi', 'MessageGet')
@Injectable()
export class MessageGetMethod implements ApiMethodHandler<WebapiRequest<'MessageGet'>, Result> {
  private readonly readModel: MailboxReadModel;

  constructor(private readonly runtime: Runtime) {
    this.readModel = new MailboxReadModel(runtime.readDb);
  }

  async handle(request: WebapiRequest<'MessageGet'>, caller: Caller): Promise<Result> {
    const stored = messageToRead(this.readModel, accountOf(caller), msgIdOf(request));
    return messageGetResult(await storedBytes(this.runtime, stored), stored);
  }
}
