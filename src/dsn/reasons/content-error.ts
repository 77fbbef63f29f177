// contenterror: the content cannot be carried or converted (RFC 3463 X.6.x).
import type { PhraseTable } from './phrase-table';

export const contentError: PhraseTable = {
  reason: 'contenterror',
  phrases: [
    'improper use of 8-bit data', '8-bit data in message header', 'message header size exceeds', 'invalid mime',
    'malformed mime', 'mime syntax', 'conversion required', 'content conversion', 'message content rejected',
    'illegal attachment', 'invalid character in header', 'non-ascii characters in header',
  ],
};
