// MailboxService on the event store: the raw bytes go to the content store (stored once however many
// messages share them), then one MailboxMessageAdded event goes to the account's mailbox stream.
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Runtime } from '../runtime/runtime';
import { parseFlags } from './flags';
import { appendMailboxEvents } from './mailbox-appender';
import type { MailboxMessageAddedData } from './mailbox-events';
import { MailboxReadModel } from './mailbox-read-model';
import { MailboxService, MAILBOX_NAMES, type AppendToMailbox } from './mailbox-service';
import { findMailbox } from './mailboxes';

/** Why the request cannot be appended, or null. */
function appendProblem(request: AppendToMailbox): string | null {
  if (typeof request.account !== 'string' || request.account === '') return 'account must be a non-empty string';
  if (!Buffer.isBuffer(request.raw)) return 'raw must be a Buffer with the message bytes';
  if (findMailbox(request.mailbox) === null) return `unknown mailbox ${JSON.stringify(request.mailbox)} (mailboxes are ${MAILBOX_NAMES.join(', ')})`;
  if (!(request.now instanceof Date) || Number.isNaN(request.now.getTime())) return 'now must be a valid Date';
  if (typeof request.meta !== 'object' || request.meta === null) return 'meta must be given (ReceivedMeta)';
  if (request.source !== undefined && !['smtp', 'sent', 'dsn', 'api'].includes(request.source)) return `unknown source ${JSON.stringify(request.source)} (smtp, sent, dsn or api)`;
  if (request.idempotencyKey !== undefined && (typeof request.idempotencyKey !== 'string' || request.idempotencyKey === '')) {
    return 'idempotencyKey must be a non-empty string when given';
  }
  return null;
}

/** The same key always gives the same event id, so the event store recognises a repeated append. */
const idempotentCommandId = (key: string) => `mailbox-append-${createHash('sha256').update(key).digest('hex')}`;

@Injectable()
export class EventMailboxService extends MailboxService {
  private readonly readModel: MailboxReadModel;

  constructor(private readonly runtime: Runtime) {
    super();
    this.readModel = new MailboxReadModel(runtime.readDb);
  }

  async append(request: AppendToMailbox): Promise<number> {
    const problem = appendProblem(request);
    const where = `appending a message to mailbox ${JSON.stringify(request.mailbox)} of account ${JSON.stringify(request.account)}`;
    if (problem) throw new Error(`${where}: ${problem}`);
    const parsed = parseFlags(request.flags ?? []);
    if (!parsed.ok) throw new Error(`${where}: ${parsed.error}`);
    const key = request.idempotencyKey ?? null;
    if (key !== null) {
      const earlier = this.readModel.byIdempotencyKey(request.account, key);
      if (earlier) return earlier.MsgID;
    }

    const [msgId] = await this.runtime.ids.mailboxMsg.take();
    const content = await this.runtime.content.put(request.raw, request.now);
    const data: MailboxMessageAddedData = {
      MsgID: msgId,
      Mailbox: findMailbox(request.mailbox)!,
      Content: content,
      Flags: parsed.flags,
      Keywords: parsed.keywords,
      Received: request.now.toISOString(),
      Meta: request.meta,
      IdempotencyKey: key,
    };
    if (request.source !== undefined) data.Source = request.source;
    const ctx = { commandId: key === null ? randomUUID() : idempotentCommandId(key), now: request.now };
    await appendMailboxEvents(this.runtime, request.account, [{ type: 'MailboxMessageAdded', data }], ctx);
    // With a key, a concurrent or earlier append may have won: its event id is ours, so the store kept
    // only the first, and the read model names the MsgID that counts.
    return key === null ? msgId : (this.readModel.byIdempotencyKey(request.account, key)?.MsgID ?? msgId);
  }
}
