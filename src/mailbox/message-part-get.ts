// MessagePartGet (reference 1.14): one MIME part's content after transfer decoding, selected by a path
// of sub-part indexes from the top-level message.
import { Injectable } from '@nestjs/common';
import { ApiError } from '../api/api-error';
import { ApiMethod, type ApiMethodHandler, type BytesResult, type Caller } from '../api/api-method';
import type { WebapiRequest } from '../api/api-types';
import { parseMessage, partAtPath } from '../mime';
import { Runtime } from '../runtime/runtime';
import { MailboxReadModel } from './mailbox-read-model';
import { storedBytes } from './message-get';
import { accountOf, messageToRead, msgIdOf } from './message-lookup';

/** The part's decoded content, or `partNotFound` naming the index that does not exist; pure. */
export function partContent(raw: Buffer, path: readonly number[]): Buffer {
  const found = partAtPath(parseMessage(raw), path);
  if (!found.ok) throw new ApiError('partNotFound', found.error);
  return found.content;
}

@ApiMethod('webapi', 'MessagePartGet')
@Injectable()
export class MessagePartGetMethod implements ApiMethodHandler<WebapiRequest<'MessagePartGet'>, BytesResult> {
  private readonly readModel: MailboxReadModel;

  constructor(private readonly runtime: Runtime) {
    this.readModel = new MailboxReadModel(runtime.readDb);
  }

  async handle(request: WebapiRequest<'MessagePartGet'>, caller: Caller): Promise<BytesResult> {
    const stored = messageToRead(this.readModel, accountOf(caller), msgIdOf(request));
    const content = partContent(await storedBytes(this.runtime, stored), request.PartPath ?? []);
    // mox lets Go sniff a type; the spec promises octet-stream, which is what the bytes are: decoded, no
    // charset conversion.
    return { bytes: content, contentType: 'application/octet-stream' };
  }
}
