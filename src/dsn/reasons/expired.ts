// expired: the sending MTA gave up after retrying for its queue lifetime (RFC 3463 X.4.7).
import type { PhraseTable } from './phrase-table';

export const expired: PhraseTable = {
  reason: 'expired',
  phrases: [
    'message expired', 'envelope expired', 'delivery expired', 'delivery time expired', 'has been in the queue too long',
    'in the queue too long', 'retry timeout exceeded', 'retry time not reached for any host after a long failure period',
    'message timed out', 'unable to deliver message after multiple retries', 'was not reachable within the allowed queue period',
    'giving up on', 'gave up', 'connection timed out', 'could not be delivered for', 'message could not be delivered for',
    'your message could not be delivered for more than', 'have been failing for a long time', 'server did not respond',
    'dns error: could not contact dns servers', 'delivery failed 1 attempt', 'delivery failed 2 attempts',
    'delivery failed 3 attempts', 'delivery failed 4 attempts', 'delivery failed 5 attempts', 'the recipient server did not accept our requests to connect', 'queue.expired',
  ],
};

/**
 * Wording that says the lifetime of the message itself ran out: the sending MTA has stopped trying, whatever
 * the DSN calls it, so the matching status is the permanent 5.4.7.
 */
export const GAVE_UP = /\b(?:envelope|message|delivery time|delivery|lifetime)\s+(?:has\s+)?expired\b|\bin the queue too long\b/i;

/**
 * Wording that says the last error was a temporary one the MTA kept retrying (Exim's "retry timeout
 * exceeded" after a 4xx reply): a status made up for such a failure is of class 4 (RFC 3463 §3.1).
 */
export const DEFERRED = /\bretry timeout exceeded\b|\bretry time not reached\b|\bhave been failing for a long time\b|\bdeferred\b|\btemporar(?:y|ily) (?:failure|error|problem)/i;
