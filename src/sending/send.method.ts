// webapi Send: compose a message and queue it for every recipient, in mox's processing order, which
// decides which error a bad request gets (reference 1.7):
//   1 missingBody · 2 From default, multipleFrom · 3 From/To/CC/BCC: user (display name), badAddress ·
//   4 domainDisabled, badFrom · 5 noRecipients · 6 messageLimitReached, recipientLimitReached ·
//   7 ReplyTo: user, badAddress · 8 SMTPUTF8 · 9 composition: user (subject), malformedMessageID, user
//   (message-id, references, headers, files), messageTooLarge · 10 user (From domain gone or disabled) ·
//   11 DKIM: server · 12 user (fromid separator, FutureRelease, Extra), queueing: server · 13 SaveSent:
//   sentOverQuota, server (the message is queued by then).
// An Idempotency-Key seen within 24 hours answers before all of this with the first call's result.
import { Injectable } from '@nestjs/common';
import { parseDomain, type ParsedDomain } from '../config/addresses';
import { recipientKey } from '../../projections/sending-limits';
import { ApiError } from '../api/api-error';
import { ApiMethod, type ApiMethodHandler, type Caller, type UploadedFile } from '../api/api-method';
import type { WebapiRequest, WebapiResponse } from '../api/api-types';
import { ConfigView, type AccountConfig } from '../config/config-view';
import { MailboxService } from '../mailbox/mailbox-service';
import { Runtime } from '../runtime/runtime';
import { checkExtraLimits } from './extra-limits';
import { futureRelease } from './future-release';
import { idempotencyKeyOf } from './idempotency';
import { findRepeatedSubmission, queueSubmission } from './queue-submission';
import { saveSentCopy } from './save-sent';
import { checkFromAllowed, fromEntries, parseAddressList, type RequestAddress } from './send-addresses';
import { composeSendMessage } from './send-composition';
import { envelopeRecipients, signForFromDomain } from './send-envelope';
import { sendLimitReached } from './sending-limits';
import { isInternational } from './smtp-address';

type SendRequest = WebapiRequest<'Send'>;
type SendResult = WebapiResponse<'Send'>;

@Injectable()
@ApiMethod('webapi', 'Send')
export class SendMethod implements ApiMethodHandler<SendRequest, SendResult> {
  constructor(
    private readonly runtime: Runtime,
    private readonly config: ConfigView,
    private readonly mailboxes: MailboxService,
  ) {}

  async handle(request: SendRequest, caller: Caller, files: UploadedFile[] = []): Promise<SendResult> {
    if (caller.kind !== 'account') throw new ApiError('server', 'Send needs an account caller');
    const key = idempotencyKeyOf(caller.request.headers);
    const now = this.runtime.clock.now();
    if (key !== null) {
      const repeat = await findRepeatedSubmission(this.runtime, caller.account, key, now);
      if (repeat) return repeat.result as SendResult;
    }
    const account = this.config.account(caller.account);
    if (!account) throw new ApiError('server', `account ${caller.account} is not configured`);

    if (!request.Text && !request.HTML) throw new ApiError('missingBody', 'at least text or html body required');
    const [from] = parseAddressList(fromEntries(request.From, account, caller.loginAddress), 'From');
    const to = parseAddressList(request.To, 'To');
    const cc = parseAddressList(request.CC, 'CC');
    const bcc = parseAddressList(request.BCC, 'BCC');
    checkFromAllowed(this.config, account.Name, from);
    const recipients = [...to, ...cc, ...bcc];
    if (recipients.length === 0) throw new ApiError('noRecipients', 'no recipients: To, CC and BCC are all empty');
    this.checkSendingLimits(account, recipients, now);
    const replyTo = parseAddressList(request.ReplyTo, 'ReplyTo');
    // RFC 6531: a non-ASCII localpart anywhere means SMTPUTF8, and then UTF-8 headers throughout.
    const smtputf8 = [from, ...recipients, ...replyTo].some((a) => isInternational(a.address.localpart));

    const host = this.hostname();
    const { message, messageID } = await composeSendMessage(request, files, {
      smtputf8,
      from,
      replyTo,
      to,
      cc,
      hostname: host,
      now,
      maxMessageSize: this.runtime.bootstrap.limits.maxMessageSize,
    });
    const { domain, signatures } = await signForFromDomain(this.config, from, message, now);
    const envelope = envelopeRecipients({ account, loginAddress: caller.loginAddress, from, fromDomain: domain, recipients, signatures, smtputf8, host, now });
    const release = request.FutureRelease ? futureRelease(request.FutureRelease, now) : null;
    const extra = request.Extra ?? {};
    checkExtraLimits(extra);

    let outcome;
    try {
      outcome = await queueSubmission(this.runtime, {
        account: account.Name,
        source: 'webapi',
        message,
        recipients: envelope,
        messageID,
        subject: request.Subject ?? '',
        extra,
        smtputf8,
        requireTLS: request.RequireTLS ?? null,
        futureRelease: release,
        idempotencyKey: key,
        result: (ids): SendResult => ({
          MessageID: messageID,
          Submissions: envelope.map((r, i) => ({ Address: r.address, QueueMsgID: ids[i], FromID: r.fromID })),
        }),
        now,
        correlationId: caller.request.correlationId,
      });
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw new ApiError('server', `adding messages to the delivery queue: ${(err as Error).message}`);
    }
    if (request.SaveSent && !outcome.repeated) {
      await saveSentCopy(this.mailboxes, { account: account.Name, submissionId: outcome.submissionId, from, bcc, smtputf8, signatures, message, now });
    }
    return outcome.result as SendResult;
  }

  private checkSendingLimits(account: AccountConfig, recipients: RequestAddress[], now: Date): void {
    const keys = recipients.map((r) => recipientKey(r.address.localpart, r.address.domain.unicode));
    const reached = sendLimitReached(this.runtime.readDb, account, keys, now);
    if (reached?.code === 'messageLimitReached') {
      throw new ApiError('messageLimitReached', `outgoing message rate limit reached: at most ${reached.limit} messages (recipients) per 24 hours`);
    }
    if (reached?.code === 'recipientLimitReached') {
      throw new ApiError('recipientLimitReached', `outgoing new recipient rate limit reached: at most ${reached.limit} first-time recipients per 24 hours`);
    }
  }

  private hostname(): ParsedDomain {
    const name = this.runtime.bootstrap.hostname;
    const parsed = parseDomain(name);
    return parsed.ok ? parsed.value : { ascii: name, unicode: name };
  }
}
