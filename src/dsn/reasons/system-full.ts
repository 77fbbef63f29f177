// systemfull: the destination system is out of storage (RFC 3463 X.3.1, X.4.5 congestion).
import type { PhraseTable } from './phrase-table';

export const systemFull: PhraseTable = {
  reason: 'systemfull',
  phrases: [
    'insufficient disk space', 'insufficient system storage', 'not enough disk space', 'disk full', 'disk is full',
    'mail system full', 'system full', 'out of disk space', 'no space left on device', 'not enough free space',
    'queue full', 'mail queue is full',
  ],
};
