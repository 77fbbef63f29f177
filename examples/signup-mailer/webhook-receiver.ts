// Step 2, hearing back: Postwire POSTs a JSON payload to the account's outgoing webhook URL for every
// delivery event. Before trusting one, check what only Postwire can know:
//   - the Authorization header: the exact value saved with OutgoingWebhookSave;
//   - the Standard Webhooks signature (webhook-id, webhook-timestamp, webhook-signature): an HMAC-SHA256 of
//     the raw body under the secret saved with WebhookSecretSave, checked by the `standardwebhooks` library,
//     which also refuses timestamps more than 5 minutes off (replays).
// Verify the raw bytes before parsing any JSON. A webhook may come more than once (a retry after a lost
// answer): deduplicate on its ID, which stays the same across attempts.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Webhook } from 'standardwebhooks';
import type { OutgoingPayload } from './postwire-client';

export interface VerifiedWebhook {
  /** webhook-id (= X-Mox-Webhook-ID), the same on every attempt of one webhook. */
  id: string;
  /** X-Mox-Webhook-Attempt, from 1. */
  attempt: number;
  payload: OutgoingPayload;
}

/** A call that is not from Postwire, or not about anything we can read: answer `status`. */
export class WebhookRejected extends Error {
  constructor(
    readonly status: 400 | 401,
    reason: string,
  ) {
    super(reason);
  }
}

export class WebhookVerifier {
  private readonly signature: Webhook;

  constructor(
    secret: string,
    private readonly authorization: string,
  ) {
    this.signature = new Webhook(secret);
  }

  verify(headers: IncomingHttpHeaders, rawBody: string): VerifiedWebhook {
    if (!sameText(headers.authorization ?? '', this.authorization)) throw new WebhookRejected(401, 'wrong Authorization header');
    try {
      this.signature.verify(rawBody, headers as Record<string, string>);
    } catch (err) {
      throw new WebhookRejected(401, `bad signature: ${err instanceof Error ? err.message : String(err)}`);
    }
    let payload: OutgoingPayload;
    try {
      payload = JSON.parse(rawBody) as OutgoingPayload;
    } catch {
      throw new WebhookRejected(400, 'the body is not JSON');
    }
    if (typeof payload.Event !== 'string' || typeof payload.QueueMsgID !== 'number') throw new WebhookRejected(400, 'not an outgoing webhook payload');
    return { id: String(headers['webhook-id']), attempt: Number(headers['x-mox-webhook-attempt'] ?? 1), payload };
  }
}

/** Compares secrets in constant time, so the answer's timing does not reveal how much of a guess was right. */
function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
