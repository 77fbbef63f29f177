// rejected: the envelope sender (MAIL FROM) was refused (RFC 3463 X.1.7, X.1.8).
import type { PhraseTable } from './phrase-table';

export const rejected: PhraseTable = {
  reason: 'rejected',
  phrases: [
    'sender rejected', 'sender address rejected', 'sender email address rejected', 'sender was rejected',
    'sender verify failed', 'sender verification failed', 'domain of sender address', 'invalid sender',
    'sender not pre-approved', 'mail from not owned by user', 'sender is in my black list', 'sender is spammer',
    'bogus mail from', 'null sender is not allowed', 'empty envelope senders not allowed', 'returned mail not accepted here',
    "can't determine purported responsible address", 'sender address has been blacklisted',
    'your email address has been blacklisted', 'access denied (sender blacklisted)', 'unroutable sender address',
    'you are not allowed to post to this mailing list', 'not authorized to send to this group', 'address rejected',
    'administrative prohibition', 'batv failed', 'batv validation failure', 'this server does not accept mail from',
  ],
  unless: ['recipient address rejected', 'sender ip address rejected', '5.1.0 address rejected'],
};
