// mailboxfull: the recipient's mailbox is over its quota (RFC 3463 X.2.2). Soft: it may empty again.
import type { PhraseTable } from './phrase-table';

export const mailboxFull: PhraseTable = {
  reason: 'mailboxfull',
  phrases: [
    'mailbox full', 'mailbox is full', 'mailbox quota', 'over quota', 'quota exceeded', 'exceeded quota', 'exceeds quota',
    'disk quota exceeded', 'exceeded storage allocation', 'mailfolder is full', 'mailbox size limit exceeded',
    'mailbox exceeds allowed size', 'mailbox would exceed', 'full mailbox', 'user has exceeded quota',
    'user has too many messages', "user's space has been used up", 'quota violation', 'too much mail data',
    'boite du destinataire pleine', 'postfach voll', 'mailbox has exceeded', 'inbox is full', 'is out of storage space',
    'quota exceed', 'mailbox is over quota', 'user mailbox exceeds allowed size',
  ],
  sequences: [['mailbox ', 'full'], ['account is ', ' quota'], ['mailbox ', 'quota'], ['maildir ', 'quota'], ['over ', 'quota'], ['quota ', 'exceeded']],
};
