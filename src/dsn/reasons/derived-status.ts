// A status code for a bounce that quotes none: the RFC 3463 code that names the reason, in the class the
// bounce implies (the SMTP reply's class, else 4 for a delay, else 5).
import type { Reason } from './phrase-table';

const SUBJECT_DETAIL: Record<Reason, string> = {
  userunknown: '1.1', hostunknown: '1.2', hasmoved: '1.6', notaccept: '1.10',
  mailboxfull: '2.2', mesgtoobig: '3.4', exceedlimit: '2.3', suspend: '2.1', norelaying: '7.1', authfailure: '7.26',
  filtered: '7.1', requireptr: '7.25', notcompliantrfc: '6.0', badreputation: '7.1', contenterror: '6.0',
  rejected: '7.1', spamdetected: '7.1', speeding: '7.0', toomanyconn: '7.0', blocked: '7.1', virusdetected: '7.1',
  policyviolation: '7.1', systemerror: '3.0', networkerror: '4.0', systemfull: '3.1', expired: '4.7',
  securityerror: '7.0', mailererror: '3.0', syntaxerror: '5.2', failedstarttls: '7.10', suppressed: '0.0',
  delivered: '0.0', undefined: '0.0',
};

export function derivedStatus(reason: Reason, statusClass: '2' | '4' | '5'): string {
  if (reason === 'delivered') return '2.0.0';
  return `${statusClass}.${SUBJECT_DETAIL[reason]}`;
}
