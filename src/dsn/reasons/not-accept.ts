// notaccept: the destination accepts no mail at all (null MX, RFC 7505; reply 521/556, RFC 7504). Hard when
// permanent (5xx or no code), soft when the server said 4xx.
import type { PhraseTable } from './phrase-table';

export const notAccept: PhraseTable = {
  reason: 'notaccept',
  phrases: [
    'does not accept mail', 'host/domain does not accept mail', 'null mx', 'nullmx', 'no mx record found for domain',
    "couldn't find a mail exchanger", 'could not find a mail exchanger', 'mail receiving disabled',
    'domain does not accept', 'name server: .: host not found', 'no route for current request',
    'smtp protocol returned a permanent error', 'an mx or srv record indicated no smtp service',
    'no host found for existing smtp connection', 'destination seem to reject all mails', 'no mx found for domain',
    'no mx found for destination',
  ],
};
