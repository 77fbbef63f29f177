// hostunknown: the domain of the address does not exist (RFC 3463 X.1.2, X.4.4 "unable to route"). A hard bounce.
import type { PhraseTable } from './phrase-table';

export const hostUnknown: PhraseTable = {
  reason: 'hostunknown',
  phrases: [
    'host unknown', 'unknown host', 'no such domain', 'domain does not exist', 'domain not found', 'unknown domain',
    'domain unknown', 'host or domain name not found', 'name or service not known', 'recipient domain must exist',
    'domain must exist', 'unrouteable address', 'unroutable address', 'no such host',
    'mail domain mentioned in email address is unknown', 'the account or domain may not exist',
    "couldn't find any host named", "couldn't find any host by that name", 'bad destination system address',
    'recipient address rejected: unknown domain', 'domain name not found', 'domain does not resolve',
    'non-existent domain', 'nonexistent domain', 'all host address lookups failed permanently',
    'all relevant mx records point to non-existent hosts', 'dns error: domain name not found',
    'dns error: dns server returned answer with no data', 'smtpsend.dns.nonexistentdomain', 'illegal host/domain name found',
    'remote domain doesnt exist', "remote domain doesn't exist", 'invalid domain name',
  ],
  sequences: [['553 ', ' does not exist']],
};
