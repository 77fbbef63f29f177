// systemerror: a failure inside the destination system (RFC 3463 X.3.x).
import type { PhraseTable } from './phrase-table';

export const systemError: PhraseTable = {
  reason: 'systemerror',
  phrases: [
    'system error', 'internal error', 'server error', 'local error', 'service unavailable', 'service currently unavailable',
    'temporary local problem', 'temporary failure', 'mail system configuration error', 'system config error',
    'too many hops', 'server configuration problem', 'server is busy', 'system is busy',
    'several matches found in domino directory', "this domain's dns violates rfc 1035", 'delivery to file forbidden', 'delivery to pipe forbidden', 'lmtp error after',
  ],
};
