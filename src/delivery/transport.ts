// The seam between the delivery worker and the ways a message leaves: direct delivery to the recipient
// domain's MX hosts, a configured smarthost, or (in localserve) Postwire's own SMTP port. A transport
// gets one SMTP transaction's worth of recipients, all in one domain, and answers per recipient; it never
// throws for a failed delivery, only for a bug.
import type { Readable } from 'node:stream';
import type { AttemptError, ParsedReply } from './attempt-error';

export interface DeliveryRecipient {
  queueMsgId: number;
  /** As it goes in RCPT TO: ASCII domain, or the Unicode form when the message uses SMTPUTF8. */
  address: string;
}

export interface DeliveryRequest {
  /** As it goes in MAIL FROM; "" for the null reverse-path. */
  mailFrom: string;
  /** ASCII (IDNA) recipient domain, or an address literal like `[192.0.2.1]`: what direct delivery resolves. */
  recipientDomain: string;
  recipients: DeliveryRecipient[];
  /** A fresh stream of the bytes to send (MsgPrefix, then the stored content), for each try. */
  message: () => Readable;
  size: number;
  has8bit: boolean;
  smtputf8: boolean;
  /**
   * RFC 8689: true asks for REQUIRETLS (verified TLS and the extension at every hop); false is the
   * `TLS-Required: No` header (TLS problems never stop delivery); null is the default policy.
   */
  requireTLS: boolean | null;
  /** Aborted when the attempt runs out of time or the node stops. */
  signal: AbortSignal;
}

export interface RecipientOutcome {
  queueMsgId: number;
  /** Null: delivered. */
  error: AttemptError | null;
  /** The reply that accepted the message (delivered recipients). */
  reply: ParsedReply | null;
}

export interface DeliveryOutcome {
  /** The host the (last) connection went to, "" when none was made. */
  remoteHost: string;
  /** One per requested recipient. */
  recipients: RecipientOutcome[];
}

export interface DeliveryTransport {
  /** "direct", or the configured transport's name: for logs. */
  readonly name: string;
  deliver(request: DeliveryRequest): Promise<DeliveryOutcome>;
  /** Closes idle connections (the node is stopping). */
  close(): Promise<void>;
}

/** Every recipient gets the same failure (a failure before or outside any SMTP transaction). */
export function failAll(request: DeliveryRequest, error: AttemptError, remoteHost = ''): DeliveryOutcome {
  return { remoteHost, recipients: request.recipients.map((r) => ({ queueMsgId: r.queueMsgId, error, reply: null })) };
}
