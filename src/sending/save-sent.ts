// Send's SaveSent (reference 1.7 step 13): the sent message is stored in the account's Sent mailbox with
// the flags \seen and $notjunk. The stored copy starts with a Bcc header listing the BCC recipients (so
// the sender can see who got it) and the DKIM signatures; the Bcc header breaks the signature of this
// copy, which mox accepts too. The message has been queued already, so a failure here does not unsend it.
import { ApiError } from '../api/api-error';
import type { MailboxService } from '../mailbox/mailbox-service';
import { foldLines } from 'nodemailer/lib/mime-funcs';
import MimeNode from 'nodemailer/lib/mime-node';
import type { MailAddress } from './compose-message';
import { addressText } from './smtp-address';

export interface SentCopy {
  account: string;
  submissionId: string;
  from: MailAddress;
  bcc: MailAddress[];
  smtputf8: boolean;
  signatures: string;
  message: Buffer;
  now: Date;
}

/** The Bcc header as the composer would write it, CRLF-terminated; "" without BCC recipients. */
export function bccHeader(bcc: MailAddress[], smtputf8: boolean): string {
  if (bcc.length === 0) return '';
  const value = MimeNode.encodeHeaderValue('Bcc', bcc.map((a) => ({ name: a.name, address: addressText(a.address, smtputf8) })));
  return `${foldLines(`Bcc: ${value}`, 76)}\r\n`;
}

export async function saveSentCopy(mailboxes: MailboxService, copy: SentCopy): Promise<void> {
  const raw = Buffer.concat([Buffer.from(bccHeader(copy.bcc, copy.smtputf8) + copy.signatures), copy.message]);
  try {
    await mailboxes.append({
      account: copy.account,
      mailbox: 'Sent',
      raw,
      flags: ['\\seen', '$notjunk'],
      meta: {
        MailFrom: '',
        MailFromValidated: false,
        RcptTo: '',
        MsgFrom: addressText(copy.from.address, true),
        MsgFromValidated: false,
        DKIMVerifiedDomains: [],
        RemoteIP: '',
        DSN: false,
      },
      // A retried call stores the copy once.
      idempotencyKey: `sent-${copy.submissionId}`,
      now: copy.now,
    });
  } catch (err) {
    // Accounts have no mailbox quota (yet), so mox's sentOverQuota cannot happen; any failure is the server's.
    throw new ApiError('server', `message was sent, but storing it in the Sent mailbox failed: ${(err as Error).message}`);
  }
}
