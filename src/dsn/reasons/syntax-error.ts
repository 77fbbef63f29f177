// syntaxerror: the remote server did not understand a command (RFC 5321 500-504 replies, X.5.2, X.5.4).
import type { PhraseTable } from './phrase-table';

export const syntaxError: PhraseTable = {
  reason: 'syntaxerror',
  phrases: [
    'syntax error', 'command unrecognized', 'command not recognized', 'unrecognized command', 'command not implemented',
    'parameter not implemented', 'bad sequence of commands', 'line too long', 'invalid command', 'command not allowed',
    'angle-brackets nested too deep', 'expected word or "<"', 'domain missing in source-routed address', 'malformed address:',
  ],
};
