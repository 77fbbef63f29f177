// exceedlimit: a per-mailbox limit on message length was exceeded (RFC 3463 X.2.3).
import type { PhraseTable } from './phrase-table';

export const exceedLimit: PhraseTable = {
  reason: 'exceedlimit',
  phrases: ['message length exceeds administrative limit', 'exceeds the maximum size the user accepts', 'exeeded the maximum size the user accepts'],
};
