// hasmoved: the mailbox has moved and mail is not forwarded (RFC 3463 X.1.6). A hard bounce.
import type { PhraseTable } from './phrase-table';

export const hasMoved: PhraseTable = {
  reason: 'hasmoved',
  phrases: [' has been replaced by ', 'mailbox has moved', 'recipient no longer on server', 'user has moved', 'no forwarding address'],
};
