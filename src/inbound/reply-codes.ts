// Every reply Postwire's SMTP servers choose themselves, by name: the reply code (RFC 5321 §4.2), the
// enhanced status code (RFC 3463, registry of RFC 5248) and the text. Replies to the protocol itself
// (syntax, sequence, too many connections, recipients or unknown commands, idle timeout) come from the
// smtp-server library with its own texts. Replies are written as
// "<code> <enhanced> <text>"; the listener does not announce ENHANCEDSTATUSCODES (RFC 2034) because the
// protocol library would then put its own guess in front of ours, but clients read the codes either way.
// A reply is thrown as an SmtpReplyError; the listener turns it into the answer to the command.

export interface SmtpReply {
  code: number;
  enhanced: string;
  text: string;
}

export const REPLIES = {
  // MAIL FROM (RFC 5321 §4.1.1.2).
  senderNeedsDomain: { code: 550, enhanced: '5.1.7', text: 'a domain name is required in the sender address' },
  senderNotAllowed: { code: 550, enhanced: '5.7.1', text: 'must match authenticated user' },

  // RCPT TO (RFC 5321 §4.1.1.3).
  badRecipientSyntax: { code: 501, enhanced: '5.1.3', text: 'recipient address cannot be parsed' },
  noSuchUser: { code: 550, enhanced: '5.1.1', text: 'no such user' },
  domainNotServed: { code: 550, enhanced: '5.1.2', text: 'not accepting mail for this domain' },
  domainDisabled: { code: 450, enhanced: '4.2.1', text: 'domain temporarily disabled, try again later' },
  addressLiteralRecipient: { code: 550, enhanced: '5.1.2', text: 'not accepting mail for an address literal' },
  // mox: a null reverse path is for notifications, which go to one recipient (RFC 5321 §4.5.5).
  oneRecipientForNullSender: { code: 452, enhanced: '4.5.3', text: 'only one recipient allowed with a null sender address' },

  // DATA (RFC 5321 §4.1.1.4).
  delivered: { code: 250, enhanced: '2.0.0', text: 'message delivered' },
  queued: { code: 250, enhanced: '2.0.0', text: 'message queued for delivery' },
  messageTooLarge: { code: 552, enhanced: '5.3.4', text: 'message too large' },
  noHeaderSection: { code: 554, enhanced: '5.6.0', text: 'message has no header section (RFC 5322 §2.1)' },
  noBody: { code: 554, enhanced: '5.6.0', text: 'message requires both header and body section' },
  localError: { code: 451, enhanced: '4.3.0', text: 'error processing the message, try again later' },

  // Submission (RFC 6409).
  badFromHeader: { code: 550, enhanced: '5.6.0', text: 'cannot parse header or From address' },
  fromNotAllowed: { code: 550, enhanced: '5.7.1', text: 'message from address must belong to authenticated user' },
  duplicateExtraKey: { code: 554, enhanced: '5.6.0', text: 'duplicate x-mox-extra- key' },
  extraTooLarge: { code: 554, enhanced: '5.6.0', text: 'x-mox-extra- headers exceed the limits' },
  chosenFromIDMultipleRecipients: { code: 554, enhanced: '5.5.3', text: 'cannot send to multiple recipients with chosen fromid' },
  fromIDInUse: { code: 554, enhanced: '5.1.7', text: 'bad fromid in smtp mail from address' },
  noCatchallSeparator: { code: 554, enhanced: '5.1.7', text: 'fromid needs a catch-all separator configured for the from domain' },
  messageLimitReached: { code: 451, enhanced: '4.7.1', text: 'max number of messages over past 24h reached' },
  recipientLimitReached: { code: 451, enhanced: '4.7.1', text: 'max number of new/first-time recipients over past 24h reached' },

  // AUTH (RFC 4954 §6).
  authFailed: { code: 535, enhanced: '5.7.8', text: 'bad user/pass' },
  tooManyAuthFailures: { code: 454, enhanced: '4.7.0', text: 'too many failed logins from your network, try again later' },
} as const satisfies Record<string, SmtpReply>;

/** A refusal, with the reply the client gets. */
export class SmtpReplyError extends Error {
  override readonly name = 'SmtpReplyError';
  /** smtp-server reads the reply code from this property. */
  readonly responseCode: number;

  constructor(
    readonly reply: SmtpReply,
    readonly detail?: string,
  ) {
    // smtp-server writes "<responseCode> <message>": the enhanced code leads the message.
    super(`${reply.enhanced} ${reply.text}${detail ? `: ${detail}` : ''}`);
    this.responseCode = reply.code;
  }
}

export const refuse = (reply: SmtpReply, detail?: string) => new SmtpReplyError(reply, detail);

/** The text of a positive reply for smtp-server's callbacks ("2.0.0 message delivered"). */
export const okText = (reply: SmtpReply, detail?: string) => `${reply.enhanced} ${reply.text}${detail ? ` ${detail}` : ''}`;
