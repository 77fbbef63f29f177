// Steps 10-12 of Send (reference 1.7): the From domain checked once more and its DKIM signatures made,
// then per recipient (To, CC, BCC) the envelope sender (with a fresh FromID when the login address asks
// for one) and the prefix: a Received header, naming the recipient only when there is one so that
// several recipients share identical bytes, followed by the DKIM signatures.
import { randomBytes } from 'node:crypto';
import { ApiError, userError } from '../api/api-error';
import type { ParsedDomain } from '../config/addresses';
import type { AccountConfig, ConfigView, DomainConfig } from '../config/config-view';
import { DkimSigningFailed, dkimSignatures } from './dkim-signing';
import { fromIDLocalpart, newFromID, usesFromID } from './fromid';
import type { SubmissionRecipient } from './queue-submission';
import { receivedHeader } from './received-header';
import type { RequestAddress } from './send-addresses';
import { addressText } from './smtp-address';
import { utc } from './time-text';

/** Steps 10 and 11: the From domain, still enabled, and the DKIM-Signature headers for the message. */
export async function signForFromDomain(config: ConfigView, from: RequestAddress, message: Buffer, now: Date): Promise<{ domain: DomainConfig; signatures: string }> {
  const domain = config.domain(from.address.domain.ascii);
  // The configuration may have changed while the message was composed.
  if (!domain) throw userError(`the domain ${from.address.domain.unicode} of the from-address is no longer configured`);
  if (domain.Disabled) throw userError(`the domain ${domain.Unicode} of the from-address is disabled`);
  try {
    return { domain, signatures: await dkimSignatures(message, domain, now) };
  } catch (err) {
    if (err instanceof DkimSigningFailed) throw new ApiError('server', `sign dkim: ${err.message}`);
    throw err;
  }
}

export interface EnvelopeInput {
  account: AccountConfig;
  loginAddress: string;
  from: RequestAddress;
  fromDomain: DomainConfig;
  /** To, CC, BCC, in that order. */
  recipients: RequestAddress[];
  signatures: string;
  smtputf8: boolean;
  host: ParsedDomain;
  now: Date;
}

/** Step 12 up to queueing: one SubmissionRecipient per recipient. */
export function envelopeRecipients(e: EnvelopeInput): SubmissionRecipient[] {
  const fromID = usesFromID(e.account, e.loginAddress);
  if (fromID && e.fromDomain.LocalpartCatchallSeparators.length === 0) {
    throw userError(`composing unique "from" address: a localpart catch-all separator must be configured for domain ${e.fromDomain.Unicode} to use fromid`);
  }
  // One id for the Received headers of this submission, like an SMTP session's.
  const receivedId = randomBytes(9).toString('base64url');
  return e.recipients.map((rcpt) => {
    const id = fromID ? newFromID() : '';
    const sender = fromID ? { ...e.from.address, localpart: fromIDLocalpart(e.from.address.localpart, e.fromDomain, id) } : e.from.address;
    const received = receivedHeader({
      host: e.host,
      smtputf8: e.smtputf8,
      id: receivedId,
      forRecipient: e.recipients.length === 1 ? addressText(rcpt.address, e.smtputf8) : undefined,
      date: utc(e.now),
    });
    return { address: rcpt.original, recipient: rcpt.address, sender, fromID: id, msgPrefix: received + e.signatures };
  });
}
