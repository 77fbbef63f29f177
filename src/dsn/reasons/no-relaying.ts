// norelaying: the server is not the destination and refuses to relay (RFC 5321 §3.6.2).
import type { PhraseTable } from './phrase-table';

export const noRelaying: PhraseTable = {
  reason: 'norelaying',
  phrases: [
    'relaying denied', 'relay denied', 'relay access denied', 'relay not permitted', 'not permitted to relay',
    'relaying not allowed', 'relay not allowed', 'no relaying', 'unable to relay', 'we do not relay', 'relay prohibited',
    'relaying is prohibited', "isn't in my list of allowed rcpthosts", 'not in my list of allowed rcpthosts',
    'relaying mail to', 'mail server is not configured to relay', 'does not relay', 'relay rejected',
    'due to the following smtp relay error',
  ],
};
