// badreputation: refused because of the sending IP's or domain's reputation.
import type { PhraseTable } from './phrase-table';

export const badReputation: PhraseTable = {
  reason: 'badreputation',
  phrases: ['ip reputation', 'bad reputation', 'poor reputation', 'low reputation', 'sender reputation', 'domain reputation', 'reputation of'],
};
