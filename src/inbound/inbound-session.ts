// The session layer of the incoming SMTP service (port 25, localserve 1025): what MAIL, RCPT and DATA
// mean for mail from other servers. Policy lives in recipient-policy.ts, verification in
// message-authentication.ts, storing in incoming-delivery.ts; this file puts them in SMTP order.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { ConfigView } from '../config/config-view';
import { dataReplyFor, failureAtMail, failureAtRcpt, simulatedFailure, simulatedReply, type RecipientFailure } from '../localserve/special-localparts';
import { headerFirst, parseMessage, parseMessageId } from '../mime';
import { parseSmtpAddress } from '../sending/smtp-address';
import { isDeliveryReport } from './dsn-matching/dsn-interpretation';
import { deliverToRecipient, type IncomingDeliveryDependencies, type ReceivedMessage } from './incoming-delivery';
import type { SmtpServiceSettings } from './inbound-settings';
import { fakedForLoopback, verifyMessage, type AuthenticationResult } from './message-authentication';
import { decideRecipient, type AcceptedRecipient } from './recipient-policy';
import { okText, refuse, REPLIES } from './reply-codes';
import { simulatedRefusal, sleep } from './simulated-failures';
import type { SessionHooks, SmtpAddress, SmtpSession } from './smtp-listener';
import { authenticationResultsHeader, protocolName, receivedHeader, returnPathHeader } from './trace-headers';

export function isLoopback(ip: string): boolean {
  const plain = ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return plain === '::1' || (isIP(plain) === 4 && plain.startsWith('127.'));
}

const localpartOf = (address: string) => {
  const parsed = parseSmtpAddress(address);
  return parsed.ok ? parsed.address.localpart : address.slice(0, Math.max(0, address.lastIndexOf('@')));
};

export class InboundSession implements SessionHooks {
  constructor(
    private readonly deps: IncomingDeliveryDependencies & { config: ConfigView },
    private readonly settings: SmtpServiceSettings,
    private readonly hostname: string,
  ) {}

  async mailFrom(address: SmtpAddress, _session: SmtpSession, signal: AbortSignal): Promise<void> {
    if (this.settings.localserve && address.address !== '') {
      const failure = failureAtMail(localpartOf(address.address));
      if (failure) throw await simulatedRefusal(failure, 'mail', this.settings.simulatedTimeoutMs, signal);
    }
    // RFC 5321 §4.1.3: an address literal names no domain whose policy (SPF, DMARC) could be checked.
    if (/@\[.*\]$/.test(address.address)) throw refuse(REPLIES.senderNeedsDomain, address.address);
  }

  async rcptTo(address: SmtpAddress, session: SmtpSession, signal: AbortSignal): Promise<void> {
    if (this.settings.localserve) {
      const failure = failureAtRcpt(localpartOf(address.address));
      if (failure) throw await simulatedRefusal(failure, 'rcpt', this.settings.simulatedTimeoutMs, signal);
    }
    const mailFrom = session.envelope.mailFrom;
    if (mailFrom && mailFrom.address === '' && session.envelope.rcptTo.length > 0) throw refuse(REPLIES.oneRecipientForNullSender);
    const decision = decideRecipient(this.deps.config, address.address, this.settings.localserve);
    if (!decision.accept) throw refuse(decision.reply, decision.detail);
  }

  async data(raw: Buffer, session: SmtpSession, signal: AbortSignal): Promise<string> {
    const root = parseMessage(raw);
    // RFC 5322 §2.1: a message is header fields, optionally followed by a body.
    if (root.headers.length === 0) throw refuse(REPLIES.noHeaderSection);
    const recipients = this.acceptedRecipients(session);
    const failures = this.settings.localserve ? await this.simulatedFailures(recipients, signal) : [];
    const failed = new Set(failures.map((f) => f.recipient));
    const reply = dataReplyFor(failures, recipients.length);
    if (reply) throw refuse(reply);

    const now = this.deps.runtime.clock.now();
    const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    const auth = await this.authenticate(raw, session, mailFrom);
    const deliverable = recipients.filter((r) => !failed.has(r.address));
    const message: ReceivedMessage = {
      raw,
      prefix: this.tracePrefix(session, mailFrom, auth, deliverable, now),
      messageID: parseMessageId(headerFirst(root.headers, 'message-id')?.value),
      meta: {
        MailFrom: mailFrom,
        MailFromValidated: auth.mailFromValidated,
        MsgFrom: headerFirst(root.headers, 'from')?.value ?? '',
        MsgFromValidated: auth.msgFromValidated,
        DKIMVerifiedDomains: auth.dkimVerifiedDomains,
        RemoteIP: session.remoteAddress,
        DSN: isDeliveryReport(root),
      },
      now,
      correlationId: `smtp-${session.id}-${session.transaction}`,
    };
    for (const rcpt of deliverable) await deliverToRecipient(this.deps, message, rcpt);
    if (failures.length > 0) {
      // reference 7: in localserve no DSN is queued for the recipients that failed.
      this.deps.runtime.logger.info({ failed: [...failed] }, 'localserve: not sending a DSN for recipients that failed on purpose');
    }
    return okText(REPLIES.delivered);
  }

  /** Every RCPT of the transaction, decided again: the configuration may have changed since. */
  private acceptedRecipients(session: SmtpSession): AcceptedRecipient[] {
    const out: AcceptedRecipient[] = [];
    for (const rcpt of session.envelope.rcptTo) {
      const decision = decideRecipient(this.deps.config, rcpt.address, this.settings.localserve);
      if (decision.accept) out.push(decision.recipient);
      else this.deps.runtime.logger.warn({ rcpt: rcpt.address, reply: decision.reply.code }, 'recipient no longer accepted at DATA; skipped');
    }
    if (out.length === 0) throw refuse(REPLIES.noSuchUser, 'none of the recipients is accepted any more');
    return out;
  }

  /** localserve after DATA: every recipient's localpart may ask for a failure (reference 7). */
  private async simulatedFailures(recipients: AcceptedRecipient[], signal: AbortSignal): Promise<RecipientFailure[]> {
    const failures = recipients.flatMap((r) => {
      const failure = simulatedFailure(r.localpart);
      return failure ? [{ recipient: r.address, failure }] : [];
    });
    if (failures.some((f) => f.failure.kind === 'timeout')) await sleep(this.settings.simulatedTimeoutMs, signal);
    return failures.map((f) => ({ recipient: f.recipient, reply: simulatedReply(f.failure, 'data') }));
  }

  private async authenticate(raw: Buffer, session: SmtpSession, mailFrom: string): Promise<AuthenticationResult> {
    const input = { raw, remoteIP: session.remoteAddress, helo: session.hostNameAppearsAs || '', mailFrom, hostname: this.hostname };
    if (this.settings.localserve && isLoopback(session.remoteAddress)) {
      return fakedForLoopback(input, (domain) => this.deps.config.domain(domain) !== null);
    }
    return verifyMessage(input, this.settings.resolver, this.settings.authenticationTimeoutMs);
  }

  private tracePrefix(session: SmtpSession, mailFrom: string, auth: AuthenticationResult, recipients: AcceptedRecipient[], now: Date): string {
    const utf8 = !!session.envelope.smtpUtf8;
    const received = receivedHeader({
      client: { helo: session.hostNameAppearsAs || '', ip: session.remoteAddress },
      by: this.hostname,
      protocol: protocolName(session.openingCommand === 'EHLO', utf8, session.secure, false),
      id: `${session.id}.${session.transaction}.${randomBytes(3).toString('hex')}`,
      forRecipient: recipients.length === 1 ? recipients[0].address : undefined,
      now,
    });
    return returnPathHeader(mailFrom) + authenticationResultsHeader(auth.resultsHeader) + received;
  }
}

