// The session layer of SMTP submission (RFC 6409; port 587, localserve 1587): an authenticated account
// hands over a message to be delivered. MAIL FROM must be an address of the account; recipients in our
// own domains must exist; after DATA the message goes through the same checks and queueing as webapi
// Send (sending limits, DKIM signing, fromid, Extra limits, queue-submission.ts), in mox's order:
// From header, Message-ID/Date, sending limits, X-Mox-Extra headers, DKIM, fromid, localserve failures,
// queueing.
import { parseDomain, type ParsedDomain } from '../../config/addresses';
import type { AccountConfig, ConfigView } from '../../config/config-view';
import { ApiError } from '../../api/api-error';
import { failureAtMail, failureAtRcpt, simulatedFailure } from '../../localserve/special-localparts';
import { recipientKey } from '../../../projections/sending-limits';
import type { Runtime } from '../../runtime/runtime';
import { DkimSigningFailed, dkimSignatures } from '../../sending/dkim-signing';
import { checkExtraLimits } from '../../sending/extra-limits';
import { newFromID } from '../../sending/fromid';
import { FromIDInUse, queueSubmission, type SubmissionRecipient } from '../../sending/queue-submission';
import { sendLimitReached } from '../../sending/sending-limits';
import { isInternational, parseSmtpAddress, type SmtpAddress } from '../../sending/smtp-address';
import { readSubmittedHeader } from '../header-fields';
import type { SmtpServiceSettings } from '../inbound-settings';
import { okText, refuse, REPLIES } from '../reply-codes';
import { simulatedRefusal } from '../simulated-failures';
import type { AuthAttempt, SessionHooks, SmtpAddress as EnvelopeAddress, SmtpSession } from '../smtp-listener';
import { protocolName, receivedHeader } from '../trace-headers';
import { extraFromHeaders } from './extra-headers';
import { authenticateSubmission, type AuthDependencies, type SubmissionUser } from './submission-auth';
import { planFromID, type FromIDPlan } from './submission-fromid';
import { hasHeaderAndBody, readSubmittedHeaders } from './submitted-message';

const NULL_SENDER: SmtpAddress = { localpart: '', domain: { ascii: '', unicode: '' } };

export class SubmissionSession implements SessionHooks {
  constructor(
    private readonly runtime: Runtime,
    private readonly config: ConfigView,
    private readonly authDeps: AuthDependencies,
    private readonly settings: SmtpServiceSettings,
  ) {}

  auth(attempt: AuthAttempt, session: SmtpSession): Promise<SubmissionUser> {
    return authenticateSubmission(this.authDeps, attempt, session.remoteAddress);
  }

  async mailFrom(address: EnvelopeAddress, session: SmtpSession, signal: AbortSignal): Promise<void> {
    const user = session.user as SubmissionUser;
    if (address.address === '') return; // RFC 6409 §4.1 allows the null reverse path
    const parsed = parseSmtpAddress(address.address);
    if (this.settings.localserve && parsed.ok) {
      const failure = failureAtMail(parsed.address.localpart);
      if (failure) throw await simulatedRefusal(failure, 'mail', this.settings.simulatedTimeoutMs, signal);
    }
    // RFC 6409 §6.1: the reverse path must be one the authenticated account may use.
    const owner = parsed.ok ? this.config.lookupAddress(address.address) : null;
    if (!owner || owner.account.Name !== user.account) throw refuse(REPLIES.senderNotAllowed, address.address);
  }

  async rcptTo(address: EnvelopeAddress, _session: SmtpSession, signal: AbortSignal): Promise<void> {
    if (/@\[.*\]$/.test(address.address)) throw refuse(REPLIES.addressLiteralRecipient, address.address);
    const parsed = parseSmtpAddress(address.address);
    if (!parsed.ok) throw refuse(REPLIES.badRecipientSyntax, parsed.error);
    if (this.settings.localserve) {
      const failure = failureAtRcpt(parsed.address.localpart);
      if (failure) throw await simulatedRefusal(failure, 'rcpt', this.settings.simulatedTimeoutMs, signal);
      return;
    }
    // Mail to other domains is what submission is for; in our own domains the address must exist (mox).
    if (this.config.domain(parsed.address.domain.ascii) && !this.config.lookupAddress(address.address)) throw refuse(REPLIES.noSuchUser, address.address);
  }

  async data(raw: Buffer, session: SmtpSession, signal: AbortSignal): Promise<string> {
    const user = session.user as SubmissionUser;
    const account = this.config.account(user.account);
    if (!account) throw refuse(REPLIES.localError, `account ${user.account} is not configured any more`);
    const now = this.runtime.clock.now();
    const header = readSubmittedHeader(raw);
    if (!hasHeaderAndBody(header)) throw refuse(REPLIES.noBody, header.badLine === null ? undefined : `malformed header line ${JSON.stringify(header.badLine.slice(0, 60))}`);
    const host = this.hostname();
    const headers = readSubmittedHeaders(header, this.config, account.Name, host, now);
    const recipients = session.envelope.rcptTo.map((r) => ({ original: r.address, parsed: parseSmtpAddress(r.address) }));
    const rcpts = recipients.flatMap((r) => (r.parsed.ok ? [{ original: r.original, address: r.parsed.address }] : []));
    this.checkSendingLimits(account, rcpts.map((r) => r.address), now);

    const extra = extraFromHeaders(header.fields);
    if (!extra.ok) throw refuse(REPLIES.duplicateExtraKey, JSON.stringify(extra.duplicate));
    try {
      checkExtraLimits(extra.extra);
    } catch (err) {
      if (err instanceof ApiError) throw refuse(REPLIES.extraTooLarge, err.message);
      throw err;
    }

    const signatures = await this.sign(Buffer.concat([Buffer.from(headers.added), raw]), headers.fromDomain, now);
    const mailFrom = session.envelope.mailFrom && session.envelope.mailFrom.address !== '' ? parseSmtpAddress(session.envelope.mailFrom.address) : null;
    const sender = mailFrom?.ok ? mailFrom.address : NULL_SENDER;
    const plan = planFromID(account, user.loginAddress, sender.localpart, headers.fromDomain, rcpts.length);

    if (this.settings.localserve) {
      // reference 7: on submission every recipient's localpart may fail the whole submission.
      for (const r of rcpts) {
        const failure = simulatedFailure(r.address.localpart);
        if (failure) throw await simulatedRefusal(failure, 'submission', this.settings.simulatedTimeoutMs, signal);
      }
    }

    const smtputf8 = !!session.envelope.smtpUtf8 || [sender, ...rcpts.map((r) => r.address)].some((a) => isInternational(a.localpart));
    const received = (forRecipient?: string) =>
      receivedHeader({
        client: null,
        by: smtputf8 ? host.unicode : host.ascii,
        protocol: protocolName(session.openingCommand === 'EHLO', smtputf8, session.secure, true),
        id: `${session.id}.${session.transaction}`,
        forRecipient,
        now,
      });
    const prefix = (forRecipient?: string) => received(forRecipient) + headers.added + signatures;
    const queued: SubmissionRecipient[] = rcpts.map((r) => {
      const fromID = plan.use ? (plan.chosen ?? newFromID()) : '';
      return {
        address: r.original,
        recipient: r.address,
        sender: plan.use ? { ...sender, localpart: `${plan.base}${plan.separator}${fromID}` } : sender,
        fromID,
        msgPrefix: prefix(rcpts.length === 1 ? r.original : undefined),
      };
    });
    const ids = await this.queue(account, raw, queued, headers, extra.extra, smtputf8, plan, now, session);
    this.runtime.logger.info({ account: account.Name, queueMsgIds: ids, recipients: rcpts.length }, 'submission queued');
    return okText(REPLIES.queued);
  }

  private async queue(
    account: AccountConfig,
    raw: Buffer,
    recipients: SubmissionRecipient[],
    headers: ReturnType<typeof readSubmittedHeaders>,
    extra: Record<string, string>,
    smtputf8: boolean,
    plan: FromIDPlan,
    now: Date,
    session: SmtpSession,
  ): Promise<number[]> {
    try {
      const outcome = await queueSubmission(this.runtime, {
        account: account.Name,
        source: 'submission',
        message: raw,
        recipients,
        messageID: headers.messageID,
        subject: headers.subject,
        extra,
        smtputf8,
        requireTLS: headers.tlsRequiredNo ? false : null,
        futureRelease: null,
        idempotencyKey: null,
        result: (ids) => ({ QueueMsgIDs: ids }),
        now,
        correlationId: `submission-${session.id}-${session.transaction}`,
      });
      return outcome.queueMsgIds;
    } catch (err) {
      // reference 5: a fromid the client chose must be unique over queued and retired messages.
      if (err instanceof FromIDInUse && plan.use && plan.chosen !== null) throw refuse(REPLIES.fromIDInUse, err.message);
      throw err;
    }
  }

  /** mox SendLimitReached: 451 4.7.1 naming the account setting to raise. */
  private checkSendingLimits(account: AccountConfig, recipients: SmtpAddress[], now: Date): void {
    const keys = recipients.map((r) => recipientKey(r.localpart, r.domain.unicode));
    const reached = sendLimitReached(this.runtime.readDb, account, keys, now);
    if (reached?.code === 'messageLimitReached') throw refuse(REPLIES.messageLimitReached, `at most ${reached.limit}, see the account setting MaxOutgoingMessagesPerDay`);
    if (reached?.code === 'recipientLimitReached') throw refuse(REPLIES.recipientLimitReached, `at most ${reached.limit}, see the account setting MaxFirstTimeRecipientsPerDay`);
  }

  /** As mox: a signing failure is logged and the message goes unsigned rather than not at all. */
  private async sign(message: Buffer, domain: ReturnType<typeof readSubmittedHeaders>['fromDomain'], now: Date): Promise<string> {
    try {
      return await dkimSignatures(message, domain, now);
    } catch (err) {
      if (!(err instanceof DkimSigningFailed)) throw err;
      this.runtime.logger.error({ err, domain: domain.Name }, 'DKIM signing of a submitted message failed; queued unsigned');
      return '';
    }
  }

  private hostname(): ParsedDomain {
    const name = this.runtime.bootstrap.hostname;
    const parsed = parseDomain(name);
    return parsed.ok ? parsed.value : { ascii: name, unicode: name };
  }
}
