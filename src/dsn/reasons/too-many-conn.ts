// toomanyconn: too many concurrent connections or sessions from the sender.
import type { PhraseTable } from './phrase-table';

export const tooManyConn: PhraseTable = {
  reason: 'toomanyconn',
  phrases: [
    'too many connections', 'too many concurrent', 'too many simultaneous', 'too many smtp sessions',
    'connection limit', 'connections limit', 'frequency limited', 'too many recipients', 'too many sessions',
  ],
};
