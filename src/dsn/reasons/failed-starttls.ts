// failedstarttls: TLS could not be set up although it was required (RFC 3207, X.7.10, X.7.30).
import type { PhraseTable } from './phrase-table';

export const failedStarttls: PhraseTable = {
  reason: 'failedstarttls',
  phrases: ['starttls failed', 'tls negotiation failed', 'tls handshake failed', 'cannot start tls', 'starttls is required', 'requiretls'],
};
