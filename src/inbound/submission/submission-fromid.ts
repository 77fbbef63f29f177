// FromID on SMTP submission (reference 5): active when the login address is one of the account's FromID
// login addresses. The MAIL FROM localpart, cut at the From domain's first catch-all separator, is the
// base; a suffix after the separator is a fromid the client chose, allowed with one recipient only
// (554 5.5.3); otherwise a new one is made per recipient. Unlike mox, an empty suffix (`user+@domain`)
// counts as no choice, so an id is made rather than none.
import type { AccountConfig, DomainConfig } from '../../config/config-view';
import { usesFromID } from '../../sending/fromid';
import { refuse, REPLIES } from '../reply-codes';

export type FromIDPlan =
  | { use: false }
  | {
      use: true;
      /** The MAIL FROM localpart before the separator. */
      base: string;
      separator: string;
      /** The client's own fromid, or null to make one per recipient. */
      chosen: string | null;
    };

export function planFromID(account: AccountConfig, loginAddress: string, mailFromLocalpart: string, fromDomain: DomainConfig, recipients: number): FromIDPlan {
  if (mailFromLocalpart === '' || !usesFromID(account, loginAddress)) return { use: false };
  const separator = fromDomain.LocalpartCatchallSeparators[0];
  if (!separator) throw refuse(REPLIES.noCatchallSeparator, fromDomain.Unicode);
  const at = mailFromLocalpart.indexOf(separator);
  const base = at < 0 ? mailFromLocalpart : mailFromLocalpart.slice(0, at);
  const suffix = at < 0 ? '' : mailFromLocalpart.slice(at + separator.length);
  if (suffix !== '' && recipients > 1) throw refuse(REPLIES.chosenFromIDMultipleRecipients);
  return { use: true, base, separator, chosen: suffix === '' ? null : suffix };
}
