// MessageRawGet (reference 1.13): the stored bytes as they are, streamed chunk by chunk from the content
// store, so a large message never sits in memory as a whole.
import { Injectable } from '@nestjs/common';
import { ApiError } from '../api/api-error';
import { ApiMethod, type ApiMethodHandler, type BytesResult, type Caller } from '../api/api-method';
import type { WebapiRequest } from '../api/api-types';
import { ContentNotFound } from '../content/content-store';
import { Runtime } from '../runtime/runtime';
import { MailboxReadModel } from './mailbox-read-model';
import { accountOf, messageToRead, msgIdOf } from './message-lookup';

/**
 * Starts reading, so a missing content is an error before the response begins, and hands back the rest
 * as a stream that starts with the chunk already read.
 */
export async function streamContent(runtime: Runtime, sha256: string): Promise<AsyncIterable<Buffer>> {
  const chunks = runtime.content.read(sha256);
  let first: IteratorResult<Buffer>;
  try {
    first = await chunks.next();
  } catch (err) {
    if (err instanceof ContentNotFound) throw new ApiError('server', `reading message: ${err.message}`);
    throw err;
  }
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* chunks;
  })();
}

@ApiMethod('webapi', 'MessageRawGet')
@Injectable()
export class MessageRawGetMethod implements ApiMethodHandler<WebapiRequest<'MessageRawGet'>, BytesResult> {
  private readonly readModel: MailboxReadModel;

  constructor(private readonly runtime: Runtime) {
    this.readModel = new MailboxReadModel(runtime.readDb);
  }

  async handle(request: WebapiRequest<'MessageRawGet'>, caller: Caller): Promise<BytesResult> {
    const stored = messageToRead(this.readModel, accountOf(caller), msgIdOf(request));
    // mox sets text/plain explicitly for the raw message.
    return { bytes: await streamContent(this.runtime, stored.ContentSha256), contentType: 'text/plain' };
  }
}
