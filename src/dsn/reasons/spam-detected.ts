// spamdetected: a spam filter refused the message.
import type { PhraseTable } from './phrase-table';

export const spamDetected: PhraseTable = {
  reason: 'spamdetected',
  phrases: [
    'spam detected', 'detected as spam', 'identified as spam', 'classified as spam', 'considered spam', 'considered as spam',
    'rejected as spam', 'message is spam', 'looks like spam', 'looks like junk', 'junk mail', 'spam content',
    'spam message', 'spam score', 'high spam', 'spamassassin', 'suspected spam', 'likely spam', 'unsolicited bulk',
    'unsolicited mail', 'bulk mail rejected', 'blocked for spam', 'spam policy', 'content filter rejected',
    'rejected by spam filter', 'spamfilter', 'spam filter',
  ],
};
