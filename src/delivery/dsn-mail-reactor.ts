// Mails the sender about failed and delayed deliveries (mox failMsgsTx, reference 3.3): a failure DSN
// into the sender account's Inbox for every final failure (MessageFailed, including an admin's Fail) and
// for suppressed recipients, and a delayed DSN when DeliveryDelayed says so (after attempt 5). Written
// straight into the mailbox, not over SMTP. Idempotent: the mailbox append's key is derived from the
// event, so handling an event again after a crash stores nothing new.
import { Injectable } from '@nestjs/common';
import { ConfigView } from '../config/config-view';
import { ContentNotFound } from '../content/content-store';
import type { StoredEvent } from '../event-store/event-store';
import { MailboxService } from '../mailbox/mailbox-service';
import type { ReactorDefinition } from '../projecting/reactor-runner';
import type { MessageEvent, MessageSummary, MsgResult } from '../queue/message-events';
import { Runtime } from '../runtime/runtime';
import { composeDsnMail, type DsnMailInput } from './dsn-mail';
import { QueueQueries } from './queue-queries';
import { backoffMs, maxAttemptsOf } from './retry-schedule';

type Handled = StoredEvent & Extract<MessageEvent, { type: 'MessageFailed' | 'MessageSuppressed' | 'DeliveryDelayed' }>;

const HEADER_LIMIT = 256 * 1024;

@Injectable()
export class DsnMailReactor implements ReactorDefinition {
  readonly name = 'dsn-mails';
  readonly eventTypes = ['MessageFailed', 'MessageSuppressed', 'DeliveryDelayed'] as const;
  private readonly queue: QueueQueries;

  constructor(
    private readonly runtime: Runtime,
    private readonly config: ConfigView,
    private readonly mailbox: MailboxService,
  ) {
    this.queue = new QueueQueries(runtime.readDb);
  }

  async handle(stored: StoredEvent): Promise<void> {
    const event = stored as Handled;
    if (event.type === 'DeliveryDelayed' && !event.data.DelayDSN) return;
    const message = event.data.Message;
    if (!this.config.account(message.SenderAccount)) {
      // mox would use its postmaster mailbox; Postwire has none, so the sender is simply not told.
      this.runtime.logger.warn({ queueMsgId: message.QueueMsgID, account: message.SenderAccount }, 'no DSN mail: the sender account no longer exists');
      return;
    }
    const now = this.runtime.clock.now();
    const input = await this.input(event, message, event.data.Result, now);
    await this.mailbox.append({
      account: message.SenderAccount,
      mailbox: 'Inbox',
      raw: composeDsnMail(input),
      flags: [],
      meta: {
        MailFrom: '',
        MailFromValidated: false,
        RcptTo: message.SenderAddress,
        MsgFrom: `postmaster@${input.hostname}`,
        MsgFromValidated: true,
        DKIMVerifiedDomains: [],
        RemoteIP: '',
        DSN: true,
      },
      idempotencyKey: `dsn:${stored.id}`,
      now,
    });
  }

  private async input(event: Handled, message: MessageSummary, result: MsgResult, now: Date): Promise<DsnMailInput> {
    const attempted = await this.attemptedBefore(event);
    const input: DsnMailInput = {
      hostname: this.runtime.bootstrap.hostname,
      to: message.SenderAddress,
      recipient: message.RecipientAddress,
      action: event.type === 'DeliveryDelayed' ? 'delayed' : 'failed',
      secode: result.Secode,
      error: result.Error,
      smtpLines: attempted?.SMTPLines ?? [],
      remoteHost: attempted?.RemoteHost ?? '',
      messageID: message.MessageID,
      arrival: new Date(message.Queued),
      lastAttempt: new Date(result.Start),
      originalHeaders: await this.originalHeaders(message),
      smtputf8: /[^\x00-\x7f]/.test(message.RecipientAddress + message.SenderAddress),
      now,
    };
    if (event.type === 'DeliveryDelayed') {
      // The real schedule from here (mox's text promises 4, 8 and 16 hours, but retries at 2, 6 and 14).
      const max = maxAttemptsOf(this.queue.get(message.QueueMsgID)?.MaxAttempts ?? 0);
      const offsets: number[] = [];
      let at = new Date(event.data.NextAttempt).getTime() - now.getTime();
      for (let attempt = message.Attempts + 1; attempt <= max; attempt++) {
        offsets.push(at);
        at += backoffMs(attempt - 1, 0);
      }
      input.nextAttemptsIn = offsets;
      input.willRetryUntil = new Date(now.getTime() + (offsets[offsets.length - 1] ?? 0));
    }
    return input;
  }

  /** The DeliveryAttempted appended just before, in the same append: remote host and reply lines. */
  private async attemptedBefore(event: Handled): Promise<{ RemoteHost: string; SMTPLines?: string[] } | null> {
    if (event.revision < 1) return null;
    const [previous] = await this.runtime.store.readStream(event.streamId, { fromRevision: event.revision - 1, maxCount: 1 });
    return previous?.type === 'DeliveryAttempted' ? (previous.data as { RemoteHost: string; SMTPLines?: string[] }) : null;
  }

  private async originalHeaders(message: MessageSummary): Promise<string> {
    const chunks: Buffer[] = [Buffer.from(message.MsgPrefix)];
    try {
      for await (const chunk of this.runtime.content.read(message.Content.Sha256)) {
        chunks.push(chunk);
        const soFar = Buffer.concat(chunks);
        const end = soFar.indexOf('\r\n\r\n');
        if (end >= 0) return soFar.subarray(0, end + 2).toString('utf8');
        if (soFar.length > HEADER_LIMIT) break;
      }
    } catch (err) {
      if (!(err instanceof ContentNotFound)) throw err;
    }
    return message.MsgPrefix;
  }
}
