// speeding: too many messages too fast; a rate limit (RFC 3463 X.7.0 with rate wording, 421/450/451 replies).
import type { PhraseTable } from './phrase-table';

export const speeding: PhraseTable = {
  reason: 'speeding',
  phrases: [
    'rate limit', 'rate-limit', 'ratelimit', 'rate limited', 'sending too fast', 'too many messages', 'too many emails',
    'too many mails', 'exceeded the rate', 'throttled', 'throttling', 'temporarily deferred due to unexpected volume',
    'messages per hour', 'messages per day', 'sending rate', 'slow down',
  ],
};
