// mailererror: a local delivery program failed (a pipe, procmail, a script).
import type { PhraseTable } from './phrase-table';

export const mailerError: PhraseTable = {
  reason: 'mailererror',
  phrases: [
    'pipe to |', 'mailer error', 'mailer failed', 'procmail', 'exited with', 'command died', 'command output:',
    'bad interpreter', 'unknown mailer error', 'operating system error', 'x-unix;', 'local delivery failed',
  ],
};
