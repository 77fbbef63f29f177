// filtered: accepted at RCPT but refused later by the recipient's filter or settings (RFC 3463 X.2.0, X.2.4).
import type { PhraseTable } from './phrase-table';

export const filtered: PhraseTable = {
  reason: 'filtered',
  phrases: [
    'message filtered', 'user refuses to receive this mail', 'refused due to recipient preferences',
    'recipient is only accepting mail from specific email addresses', 'message rejected due to user rules',
    'is not accepting any mail', 'account is protected by', 'you have been blocked by the recipient',
    'not found recipient account', 'user reject', 'has restricted sms e-mail', 'recipient id refuse to receive mail',
    'bounced address', 'delivery to this address is restricted', 'cannot route mail to user',
  ],
};
