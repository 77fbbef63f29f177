// policyviolation: the destination's local policy refused the message (RFC 3463 X.7.x wording).
import type { PhraseTable } from './phrase-table';

export const policyViolation: PhraseTable = {
  reason: 'policyviolation',
  phrases: [
    'policy reasons', 'policy violation', 'violates our policy', 'violation of our policy', 'due to policy',
    'by policy', 'policy rejection', 'content policy', 'local policy', 'message rejected by policy',
    'prohibited by policy', 'header error', 'not accepted for policy',
  ],
};
