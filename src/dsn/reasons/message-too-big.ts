// mesgtoobig: the message is larger than the destination accepts (RFC 3463 X.3.4, RFC 1870 552).
import type { PhraseTable } from './phrase-table';

export const messageTooBig: PhraseTable = {
  reason: 'mesgtoobig',
  phrases: [
    'message too big', 'message too large', 'message is too big', 'message is too large', 'message size exceeds',
    'message exceeds maximum', 'exceeds size limit', 'exceeds the size limit', 'size limit exceeded',
    'message size limit', 'mail size limit', 'exceeds maximum message size', 'exceeded maximum message size',
    'message length exceeds', 'size exceeds my databytes limit', 'too large for', 'email size exceeds',
  ],
};
