// The per-recipient part of a submission: what the caller decides for each recipient (SubmissionRecipient)
// and how it becomes a QueuedRecipient of the MessageQueued event, with its id, BaseID and hold.
import { isAscii } from 'node:buffer';
import type { HoldRule } from '../holdrules/holdrule-events';
import { firstMatchingRule } from '../holdrules/holdrule-matching';
import type { QueuedRecipient } from '../queue/message-events';
import { addressText, type SmtpAddress } from './smtp-address';

export interface SubmissionRecipient {
  /** The recipient as the caller wrote it: reported back (Submission.Address) and used for suppression and DSN matching. */
  address: string;
  recipient: SmtpAddress;
  /** The envelope sender (MAIL FROM) for this recipient; with fromid it carries the FromID. */
  sender: SmtpAddress;
  /** "" when fromid is not used. */
  fromID: string;
  /** Headers to prepend for this recipient (Received, DKIM-Signature), CRLF-terminated. */
  msgPrefix: string;
}

/** Whether the bytes need 8-bit transport (RFC 6152). */
export function has8bit(message: Buffer, prefixes: string[]): boolean {
  return !isAscii(message) || prefixes.some((p) => /[^\x00-\x7f]/.test(p));
}

/** mox queue.Add: recipients share a BaseID (the first id) when all have the same sender and prefix, so one SMTP transaction can carry them. */
function baseIdOf(recipients: SubmissionRecipient[], ids: number[], smtputf8: boolean): number {
  if (recipients.length < 2) return 0;
  const sender = addressText(recipients[0].sender, smtputf8);
  const same = recipients.every((r) => addressText(r.sender, smtputf8) === sender && r.msgPrefix === recipients[0].msgPrefix);
  return same ? ids[0] : 0;
}

/** The recipients as MessageQueued holds them, numbered with `ids`, each held when a rule matches. */
export function queuedRecipients(account: string, recipients: SubmissionRecipient[], ids: number[], smtputf8: boolean, rules: HoldRule[]): QueuedRecipient[] {
  const baseId = baseIdOf(recipients, ids, smtputf8);
  return recipients.map((r, i) => {
    const row = {
      QueueMsgID: ids[i],
      BaseID: baseId,
      FromID: r.fromID,
      SenderLocalpart: r.sender.localpart,
      SenderDomain: r.sender.domain.ascii,
      SenderDomainStr: r.sender.domain.unicode,
      RecipientLocalpart: r.recipient.localpart,
      RecipientDomain: r.recipient.domain.ascii,
      RecipientDomainStr: r.recipient.domain.unicode,
      RecipientAddress: r.address,
      MsgPrefix: r.msgPrefix,
      Hold: false,
    };
    row.Hold = firstMatchingRule(rules, { SenderAccount: account, SenderDomain: row.SenderDomain, RecipientDomain: row.RecipientDomain }) !== null;
    return row;
  });
}
