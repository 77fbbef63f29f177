// One mail transaction on an open session, and what it means for each recipient. The extension checks
// and their texts follow mox's smtpclient: a message with 8-bit content needs 8BITMIME (permanent),
// UTF-8 addresses or headers need SMTPUTF8 (transient), REQUIRETLS needs the extension on a TLS session
// (RFC 8689 §4.1; transient here, permanent once no host of the domain offers it). A reply to MAIL or
// DATA applies to the whole transaction; replies to RCPT apply to their recipient.
import { parseReply, plainError, replyError, UNEXPECTED_STATUS, type AttemptError, type ParsedReply } from './attempt-error';
import { errorText, type SmtpClient, type SmtpClientError } from './smtp-client';
import type { DeliveryRequest, RecipientOutcome } from './transport';

/** RFC 8689 §5 / RFC 3463: 5.7.30, REQUIRETLS support required. */
export const SECODE_REQUIRETLS = '7.30';

export type HostResult =
  /** The host answered for every recipient (delivered or refused one by one). */
  | { kind: 'done'; outcomes: RecipientOutcome[]; reusable: boolean }
  /** The transaction failed as a whole at this host; another host may do better when it is transient. */
  | { kind: 'failed'; error: AttemptError; reusable: boolean };

export async function transact(client: SmtpClient, host: string, request: DeliveryRequest): Promise<HostResult> {
  const context = `delivering message to ${host}: `;
  if (request.has8bit && !client.supports('8BITMIME')) {
    return { kind: 'failed', error: plainError(`${context}remote smtp server does not implement 8bitmime extension, required by message, permanent`, true), reusable: true };
  }
  if (request.smtputf8 && !client.supports('SMTPUTF8')) {
    return { kind: 'failed', error: plainError(`${context}remote smtp server does not implement smtputf8 extension, required by message, transient`), reusable: true };
  }
  const requireTLS = request.requireTLS === true;
  if (requireTLS && !(client.secure && client.supports('REQUIRETLS'))) {
    const error = plainError(`${context}remote smtp server does not implement requiretls extension, required for delivery, transient`, false, 0, SECODE_REQUIRETLS);
    return { kind: 'failed', error, reusable: true };
  }
  const to = request.recipients.map((r) => r.address);
  try {
    const sent = await client.send(
      { from: request.mailFrom, to, size: request.size, eightBit: request.has8bit, smtputf8: request.smtputf8, requireTLS },
      request.message(),
      request.signal,
    );
    const accepted = parseReply(sent.response) ?? { code: 250, secode: '', lines: [sent.response] };
    return { kind: 'done', outcomes: perRecipient(request, context, sent.rejected.map((r) => r.error), accepted, null), reusable: true };
  } catch (err) {
    const e = err as SmtpClientError;
    const reply = e.response ? parseReply(e.response) : null;
    if (!reply) return { kind: 'failed', error: plainError(`${context}${errorText(e)}`), reusable: false };
    if (e.command === 'RCPT TO') {
      // Every recipient was refused, each with its own reply.
      return { kind: 'done', outcomes: perRecipient(request, context, e.rejectedErrors ?? [], null, replyError(context, UNEXPECTED_STATUS, reply)), reusable: true };
    }
    const whole = replyError(context, UNEXPECTED_STATUS, reply);
    const refusedAtRcpt = e.command === 'DATA' ? client.rejectedInLastTransaction() : [];
    if (refusedAtRcpt.length > 0) {
      // Some recipients were refused at RCPT before DATA failed for the others: keep both answers.
      return { kind: 'done', outcomes: perRecipient(request, context, refusedAtRcpt, null, whole), reusable: true };
    }
    return { kind: 'failed', error: whole, reusable: true };
  }
}

function perRecipient(
  request: DeliveryRequest,
  context: string,
  refused: SmtpClientError[],
  accepted: ParsedReply | null,
  otherwise: AttemptError | null,
): RecipientOutcome[] {
  const byAddress = new Map(refused.map((e) => [e.recipient ?? '', e]));
  return request.recipients.map((r) => {
    const e = byAddress.get(r.address);
    const reply = e?.response ? parseReply(e.response) : null;
    if (e) return { queueMsgId: r.queueMsgId, error: reply ? replyError(context, UNEXPECTED_STATUS, reply) : plainError(`${context}${errorText(e)}`), reply: null };
    if (accepted) return { queueMsgId: r.queueMsgId, error: null, reply: accepted };
    return { queueMsgId: r.queueMsgId, error: otherwise ?? plainError(`${context}no answer for this recipient`), reply: null };
  });
}
