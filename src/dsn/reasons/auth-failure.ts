// authfailure: SPF, DKIM or DMARC checks failed (RFC 7372 X.7.20-X.7.26).
import type { PhraseTable } from './phrase-table';

export const authFailure: PhraseTable = {
  reason: 'authfailure',
  phrases: [
    'dmarc', 'spf check failed', 'spf validation', 'spf fail', 'failed spf', 'spf record', 'sender policy framework',
    'dkim signature', 'dkim check', 'dkim validation', 'failed dkim', 'no passing dkim', 'unauthenticated email',
    'not authorized to send on behalf', 'is not allowed to send from', 'does not designate', 'arc validation',
  ],
};
