// securityerror: authentication, encryption or another security requirement was not met (RFC 3463 X.7.x).
import type { PhraseTable } from './phrase-table';

export const securityError: PhraseTable = {
  reason: 'securityerror',
  phrases: [
    'authentication required', 'authentication failed', 'authentication is required', 'must authenticate',
    'encryption required', 'encryption needed', 'tls required', 'requires tls', 'must issue a starttls',
    'security policy', 'insecure', 'certificate', 'access denied', 'could not retrieve credentials',
  ],
};
