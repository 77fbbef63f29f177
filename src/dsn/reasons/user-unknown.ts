// userunknown: the mailbox does not exist at the destination (RFC 3463 X.1.1). A hard bounce.
import type { PhraseTable } from './phrase-table';

/**
 * Wording of a directory lookup by the reporting MTA itself (Lotus Notes, Domino, qmail-local, Google): a
 * verdict on the mailbox even though no remote server and no SMTP command are quoted.
 */
export const localDirectory: PhraseTable = {
  reason: 'userunknown',
  phrases: [
    'not listed in public name & address book', 'not listed in domino directory', 'no mailbox here by that name',
    'not listed in the directory', 'is not listed in the public address book',
    "because the address couldn't be found", 'no se encuentra en el directorio de domino', "non répertorié dans l'annuaire domino", 'domino ディレクトリには見つかりません',
  ],
};

export const userUnknown: PhraseTable = {
  reason: 'userunknown',
  phrases: [
    'user unknown', 'unknown user', 'no such user', 'no such mailbox', 'no such recipient', 'no such person',
    'no such address here', 'unknown recipient', 'recipient unknown', 'unknown mailbox', 'mailbox unknown',
    'mailbox not found', 'mailbox does not exist', 'mailbox is unavailable', 'mailbox not present',
    'requested action not taken: mailbox unavailable', 'user does not exist', 'user not found', 'user not known',
    'recipient not found', 'recipient does not exist', 'recipient not exist', 'address does not exist',
    'address unknown', 'invalid recipient', 'invalid mailbox', 'invalid address', 'not a valid mailbox',
    'not a valid recipient', 'not a valid user', 'is not a known user', 'user not listed',
    'not listed in public name & address book', 'not listed in domino directory', 'bad destination mailbox',
    'no mailbox here by that name', 'no mailbox by that name', 'no account by that name',
    'the email account that you tried to reach does not exist', "this user doesn't have a",
    'email address does not exist', 'email address could not be found', 'address could not be found', "address couldn't be found",
    "email address wasn't found", 'recipient address rejected: user unknown',
    'recipient address rejected: unknown user', 'recipient address rejected: invalid user',
    'recipient address rejected: undeliverable address', 'recipientnotfound', 'recipient not found by smtp address lookup',
    'non-existent user', 'nonexistent user', 'non existent user', 'unknown local part', 'unknown local-part',
    'no valid recipients', 'not our customer', "user's email name is not found", 'there is no one at this address',
    'this address no longer accepts mail', 'destination addresses were unknown', 'sorry, badrcptto',
    'invalid or unknown virtual user', 'user missing home directory', 'mailbox is inactive',
    'utilisateur inconnu', 'destinataire inconnu', 'unbekannter empf', 'benutzer unbekannt', 'no existe ese usuario',
    'usuario desconocido', 'utente sconosciuto', 'invalid final delivery userid',
  ],
  sequences: [
    ['user ', ' does not exist'], ['user ', ' not found'], ['mailbox ', ' does not exist'], ['account ', ' does not exist'],
    ['recipient ', ' was not found'], ['rcpt ', ' does not exist'], ['<', '> not found'],
  ],
};
