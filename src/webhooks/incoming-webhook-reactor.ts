// Announces mail received over SMTP to the account's incoming webhook (mox smtpserver deliver ->
// queue.Incoming, reference 2.4): a MailboxMessageAdded whose Source is `smtp`, when the account has an
// incoming webhook. SaveSent copies, DSN mails, matched DSNs and API adds carry another source and are not
// announced. Handling a fact twice queues one webhook (HookQueue).
import { Injectable } from '@nestjs/common';
import { ConfigView } from '../config/config-view';
import { ContentNotFound } from '../content/content-store';
import type { StoredEvent } from '../event-store/event-store';
import { accountOfMailboxStream, type MailboxMessageAddedData } from '../mailbox/mailbox-events';
import type { ReactorDefinition } from '../projecting/reactor-runner';
import { Runtime } from '../runtime/runtime';
import { HookQueue } from './hook-queue';
import { incomingHookRequest, isReceivedOverSmtp, wantsIncoming } from './hook-requests';

@Injectable()
export class IncomingWebhookReactor implements ReactorDefinition {
  readonly name = 'incoming-webhooks';
  readonly eventTypes = ['MailboxMessageAdded'] as const;

  constructor(
    private readonly runtime: Runtime,
    private readonly config: ConfigView,
    private readonly hooks: HookQueue,
  ) {}

  async handle(event: StoredEvent): Promise<void> {
    if (!isReceivedOverSmtp(event)) return;
    const accountName = accountOfMailboxStream(event.streamId);
    const account = accountName === null ? null : this.config.account(accountName);
    if (!wantsIncoming(account)) return;
    const added = event as StoredEvent & { data: MailboxMessageAddedData };
    let raw: Buffer;
    try {
      raw = await this.runtime.content.get(added.data.Content.Sha256);
    } catch (err) {
      if (!(err instanceof ContentNotFound)) throw err;
      // Expunged and collected before the webhook was made: there is nothing left to announce.
      this.runtime.logger.warn({ account: accountName, msgId: added.data.MsgID }, 'incoming webhook not queued: the message content is gone');
      return;
    }
    const request = incomingHookRequest(added, raw, account, this.runtime.clock.now());
    if (request) await this.hooks.queue(request, event.metadata.correlationId);
  }
}
