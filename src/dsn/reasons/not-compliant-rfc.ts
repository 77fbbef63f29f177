// notcompliantrfc: the message breaks RFC 5322 syntax (duplicate header fields, bare line feeds, ...).
import type { PhraseTable } from './phrase-table';

export const notCompliantRfc: PhraseTable = {
  reason: 'notcompliantrfc',
  phrases: [
    'rfc 5322 compliant', 'rfc5322 compliant', 'not rfc 5322', 'not rfc5322', 'rfc 2822 compliant', 'not rfc 2822',
    'not rfc compliant', 'non rfc compliant', 'non-compliant with rfc', 'multiple subject headers',
    'multiple from headers', 'multiple date headers', 'duplicate header', 'bare line feed', 'bare lf', 'bare cr',
    'header syntax error', 'message is not rfc',
  ],
};
