// Which SMTP command (RFC 5321 §4.1) the remote server answered with the error. It matters: "user unknown"
// in reply to RCPT TO says the mailbox does not exist, the same words after DATA usually come from a content
// filter. MTAs say it in their own ways; the generic fallback looks for the command words themselves.
import type { SmtpCommand } from './types';

const PHRASES: Array<[RegExp, SmtpCommand]> = [
  // Postfix: "(in reply to RCPT TO command)", "(in reply to end of DATA command)".
  [/in reply to (?:the )?rcpt to command/i, 'RCPT'],
  [/in reply to (?:the )?mail from command/i, 'MAIL'],
  [/in reply to (?:end of )?data command/i, 'DATA'],
  [/in reply to (?:the )?(?:helo|ehlo) command/i, 'EHLO'],
  [/in reply to (?:the )?starttls command/i, 'STARTTLS'],
  // Exim: "SMTP error from remote mail server after RCPT TO:<...>:", "after end of data:".
  [/after (?:pipelined )?rcpt to\b/i, 'RCPT'],
  [/after (?:pipelined )?mail from\b/i, 'MAIL'],
  [/after (?:end of data|data)\b/i, 'DATA'],
  [/after initial connection/i, 'CONN'],
  [/after (?:helo|ehlo)\b/i, 'EHLO'],
  [/(?:error|failed) (?:from remote server )?(?:for|on) (?:text|data) command/i, 'DATA'],
  [/after rcpt command/i, 'RCPT'],
  [/after mail command/i, 'MAIL'],
  // qmail-remote: "does not like recipient", "failed on DATA command", "sender was rejected".
  [/does not like recipient/i, 'RCPT'],
  [/failed on data command|failed after i sent the message/i, 'DATA'],
  [/but sender was rejected/i, 'MAIL'],
  [/but my name was rejected/i, 'EHLO'],
  [/but greeting failed/i, 'CONN'],
  [/most progress was rcpt to response/i, 'RCPT'],
  // DragonFly: "did not like our RCPT TO:".
  [/did not like our rcpt to/i, 'RCPT'],
  [/did not like our mail from/i, 'MAIL'],
  [/did not like our data/i, 'DATA'],
  // Yahoo: "[RCPT_TO]", "[MAIL_FROM]".
  [/\[rcpt_to\]/i, 'RCPT'],
  [/\[mail_from\]/i, 'MAIL'],
];

// Session transcripts (sendmail, Courier, au): ">>> RCPT To:<a@b>".
const TRANSCRIPT = />>>\s*(HELO|EHLO|MAIL|RCPT|DATA|QUIT|STARTTLS|AUTH)\b/gi;

// Bare command words, upper case, not inside a word or an address ("DATABASE@EXAMPLE").
const WORDS: Array<[RegExp, SmtpCommand]> = [
  [/(?<![A-Za-z0-9@._-])(?:EHLO|HELO)(?![A-Za-z0-9@_-])/, 'EHLO'],
  [/(?<![A-Za-z0-9@._-])MAIL FROM(?![A-Za-z0-9@_-])/, 'MAIL'],
  [/(?<![A-Za-z0-9@._-])RCPT(?: TO)?(?![A-Za-z0-9@_-])/, 'RCPT'],
  [/(?<![A-Za-z0-9@._-])DATA(?![A-Za-z0-9@_.-])/, 'DATA'],
];

// Gmail's older notices end the remote reply with "(state N)", the point of its SMTP session that failed.
const GMAIL_STATES: Record<string, SmtpCommand> = {
  '6': 'MAIL', '8': 'AUTH', '9': 'AUTH', '12': 'AUTH', '13': 'EHLO', '14': 'RCPT', '15': 'DATA', '17': 'DATA', '18': 'DATA',
};

export function commandIn(text: string): SmtpCommand {
  if (text === '') return '';
  for (const [pattern, command] of PHRASES) if (pattern.test(text)) return command;
  const state = /\(state (\d{1,2})\)/.exec(text);
  if (state && Object.hasOwn(GMAIL_STATES, state[1])) return GMAIL_STATES[state[1]];
  let last: SmtpCommand = '';
  for (const m of text.matchAll(TRANSCRIPT)) last = normalize(m[1]);
  if (last !== '') return last;
  // Of several bare words the one latest in a session wins (DATA over RCPT over MAIL).
  let found: SmtpCommand = '';
  for (const [pattern, command] of WORDS) if (pattern.test(text)) found = command;
  return found;
}

function normalize(word: string): SmtpCommand {
  const upper = word.toUpperCase();
  if (upper === 'HELO' || upper === 'EHLO') return 'EHLO';
  return upper as SmtpCommand;
}
