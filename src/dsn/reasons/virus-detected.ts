// virusdetected: a virus scanner refused the message.
import type { PhraseTable } from './phrase-table';

export const virusDetected: PhraseTable = {
  reason: 'virusdetected',
  phrases: ['virus', 'malware', 'infected', 'trojan', 'worm detected', 'malicious content', 'dangerous attachment'],
};
