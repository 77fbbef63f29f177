// suspend: the mailbox exists but is disabled or suspended (RFC 3463 X.2.1 in its "disabled" sense, X.7.13).
import type { PhraseTable } from './phrase-table';

export const suspend: PhraseTable = {
  reason: 'suspend',
  phrases: [
    'account disabled', 'account has been disabled', 'account is disabled', 'mailbox disabled', 'mailbox is disabled',
    'mailbox has been disabled', 'account suspended', 'account is suspended', 'account has been suspended',
    'suspended account', 'user suspended', 'recipient suspended', 'mailbox is frozen', 'account is frozen',
    'administratively disabled', 'administrativly disabled', 'account is locked', 'account expired',
    'mailbox unavailable due to inactivity', 'inactive account', 'account that you tried to reach is disabled',
    'account that you tried to reach is inactive',
  ],
};
