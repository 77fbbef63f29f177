// The application's own records: who signed up, which welcome mail went out, and what became of it as
// the webhooks tell. Webhooks can arrive out of order (a retried one after a newer one), so each carries
// `WebhookQueued`, the time of the event, and an older event never overwrites a newer one.
import { randomUUID } from 'node:crypto';
import type { OutgoingPayload } from './postwire-client';
import type { Signup } from './welcome-mail';

export type SignupStatus = 'sending' | 'queued' | 'delivered' | 'delayed' | 'bounced' | 'canceled';

export interface SignupRecord extends Signup {
  queueMsgId: number | null;
  status: SignupStatus;
  /** The last webhook event applied, and when it happened. */
  lastEvent: string | null;
  lastEventAt: string | null;
}

const STATUS_OF_EVENT: Record<OutgoingPayload['Event'], SignupStatus | null> = {
  delivered: 'delivered',
  relayed: 'delivered',
  expanded: 'delivered',
  delayed: 'delayed',
  failed: 'bounced',
  suppressed: 'bounced',
  canceled: 'canceled',
  // A message came back to the mail's address but is not a bounce (an auto-reply, a person's answer).
  unrecognized: null,
};

export class Signups {
  private readonly records = new Map<string, SignupRecord>();

  add(email: string, name: string): SignupRecord {
    const record: SignupRecord = { id: randomUUID(), email, name, queueMsgId: null, status: 'sending', lastEvent: null, lastEventAt: null };
    this.records.set(record.id, record);
    return record;
  }

  remove(id: string): void {
    this.records.delete(id);
  }

  list(): SignupRecord[] {
    return [...this.records.values()];
  }

  /** The sign-up an outgoing webhook is about (found by the Extra given to Send), or null. */
  about(payload: OutgoingPayload): SignupRecord | null {
    const id = payload.Extra?.signupid;
    return (id && this.records.get(id)) || null;
  }

  /** Applies an event to its sign-up unless a newer one was applied already. */
  apply(record: SignupRecord, payload: OutgoingPayload): void {
    if (record.lastEventAt && Date.parse(payload.WebhookQueued) < Date.parse(record.lastEventAt)) return;
    const status = STATUS_OF_EVENT[payload.Event];
    if (status) record.status = status;
    record.lastEvent = payload.Event;
    record.lastEventAt = payload.WebhookQueued;
  }
}
