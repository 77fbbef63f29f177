// What particular providers mean by their notices, where their words alone would mislead.
import { headerFirst, parseAddress, type MimePart } from '../mime';
import type { Reason } from './reasons/phrase-table';

/** What the notice as a whole says, worked out once per message. */
export interface ProviderHints {
  /** A reason the provider states for every recipient of this notice. */
  everyRecipient?: Reason;
  /** Verizon's SMS gateway wrote the notice. */
  verizon: boolean;
  /** The notice comes from Google Groups. */
  googleGroups: boolean;
}

// au (KDDI, EZweb) states the account's condition above the remote server's reply; that statement is the
// reason, whatever the reply's words ("550 user unknown" for a disabled account).
const AU_STATEMENTS: ReadonlyArray<readonly [RegExp, Reason]> = [
  [/the user\(s\) account is (?:disabled|temporarily limited)/i, 'suspend'],
  [/the user\(s\) account is temporarily over quota/i, 'mailboxfull'],
  [/your message was not delivered within \d+ days/i, 'expired'],
];

export function providerHints(root: MimePart, notification: string): ProviderHints {
  const from = (parseAddress(headerFirst(root.headers, 'from')?.value ?? '')?.Address ?? '').toLowerCase();
  let everyRecipient: Reason | undefined;
  // au marks mail its spam filter refused with "X-SPASIGN: NG".
  if ((headerFirst(root.headers, 'x-spasign')?.value ?? '').toUpperCase() === 'NG') everyRecipient = 'filtered';
  else everyRecipient = AU_STATEMENTS.find(([pattern]) => pattern.test(notification))?.[1];
  return {
    everyRecipient,
    verizon: from === 'post_master@vtext.com' || /^sysadmin@.*\.vzwpix\.com$/.test(from),
    googleGroups: /google groups|groups\.google\.com/i.test(notification),
  };
}

/** A reason the provider's notice implies for this recipient, or undefined. */
export function providerReason(hints: ProviderHints, recipient: string, text: string): Reason | undefined {
  if (hints.everyRecipient) return hints.everyRecipient;
  // Verizon reports the RCPT TO refusal of a non-existent handset address as "550 - Requested action not
  // taken: no such user here" without naming the command.
  if (hints.verizon && /no such user here|no valid recipients/i.test(text)) return 'userunknown';
  // Google Groups returns mail to a group that does not exist or refuses the sender: the sender is refused,
  // the group address is not an unknown mailbox.
  if (hints.googleGroups && /@googlegroups\.com$/i.test(recipient)) return 'rejected';
  return undefined;
}
