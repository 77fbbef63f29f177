// requireptr: the sending IP lacks a (matching) reverse DNS name (RFC 7372 X.7.25).
import type { PhraseTable } from './phrase-table';

export const requirePtr: PhraseTable = {
  reason: 'requireptr',
  phrases: [
    'no ptr record', 'ptr record', 'reverse dns', 'reverse lookup', 'rdns', 'cannot find your hostname',
    "can't find your hostname", 'cannot resolve your address', 'unresolvable ip', 'no reverse', 'mismatches client ip',
    'does not match client ip', 'client host rejected: cannot find your reverse hostname', 'ip address has no ptr',
    'without a valid reverse', 'reverse hostname',
  ],
};
