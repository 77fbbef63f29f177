// Step 1, sending: the welcome mail is one webapi call, `Send`. Postwire composes the MIME message, signs
// it, queues one delivery per recipient and answers at once with the queue message ID of each; what
// becomes of the delivery arrives later as webhooks. `Extra` travels with the message into every webhook
// about it, so the webhook handler finds the sign-up without a lookup table keyed by queue IDs.
// `Idempotency-Key` makes a retried request safe: the same key within 24 hours queues nothing new.
import { unwrap, type PostwireClient, type SendRequest } from './postwire-client';

export interface Signup {
  id: string;
  email: string;
  name: string;
}

export function welcomeMail(signup: Signup): SendRequest {
  return {
    To: [{ Name: signup.name, Address: signup.email }],
    Subject: `Welcome, ${signup.name}`,
    Text: `Hello ${signup.name},\n\nthanks for signing up. Your account is ready.\n`,
    HTML: `<p>Hello ${escapeHtml(signup.name)},</p><p>thanks for signing up. Your account is ready.</p>\n`,
    Extra: { signupid: signup.id },
  };
}

/** Queues the welcome mail; returns the queue message ID the webhooks will name. */
export async function sendWelcomeMail(client: PostwireClient, signup: Signup): Promise<number> {
  const sent = unwrap(
    'Send',
    await client.POST('/webapi/v0/Send', {
      body: welcomeMail(signup),
      params: { header: { 'Idempotency-Key': `welcome-${signup.id}` } },
    }),
  );
  return sent.Submissions[0].QueueMsgID;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
