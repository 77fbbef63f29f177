// suppressed: the sending service itself did not send, the address being on its suppression list.
import type { PhraseTable } from './phrase-table';

export const suppressed: PhraseTable = {
  reason: 'suppressed',
  phrases: ['suppression list', 'suppressed address', 'address is suppressed', 'on the suppression list'],
};
