// Step 3, remembering bounces: the application's own list of addresses that bounced, so the sign-up form
// can ask for another address instead of mailing a dead one again. Postwire keeps a suppression list of
// its own (and refuses to send to listed addresses), but it is per mail account and knows nothing of the
// application's users; this list is where the application decides what a bounce means to it.
//   - `failed`: the delivery failed for good (a 5xx answer, the last retry of a 4xx, or a bounce message
//     matched to the mail). `Suppressing: true` says Postwire put the address on its suppression list just
//     now (a hard bounce such as 550 "no such user").
//   - `suppressed`: Postwire did not even try, because the address was already on its suppression list.
// A real application keeps this in its database; memory is enough for the example.
import type { OutgoingPayload } from './postwire-client';

export interface BouncedAddress {
  address: string;
  event: 'failed' | 'suppressed';
  /** Postwire suppresses the address too: it will not send to it until someone removes it (SuppressionRemove). */
  suppressedByPostwire: boolean;
  smtpCode: number;
  enhancedCode: string;
  /** The reason, for people (the SMTP answer or the bounce's diagnostic). */
  error: string;
  /** From a bounce message (a DSN) rather than from Postwire's own delivery attempt. */
  fromBounceMessage: boolean;
  at: string;
}

export class BounceList {
  private readonly entries = new Map<string, BouncedAddress>();

  has(address: string): boolean {
    return this.entries.has(address.toLowerCase());
  }

  /** Records the address when the event is a bounce; returns whether it was one. */
  record(address: string, payload: OutgoingPayload): boolean {
    if (payload.Event !== 'failed' && payload.Event !== 'suppressed') return false;
    const key = address.toLowerCase();
    const before = this.entries.get(key);
    this.entries.set(key, {
      address,
      event: payload.Event,
      // A later `suppressed` repeats what an earlier `failed` with Suppressing started.
      suppressedByPostwire: payload.Suppressing || payload.Event === 'suppressed' || (before?.suppressedByPostwire ?? false),
      smtpCode: payload.SMTPCode,
      enhancedCode: payload.SMTPEnhancedCode,
      error: payload.Error,
      fromBounceMessage: payload.DSN,
      at: payload.WebhookQueued,
    });
    return true;
  }

  list(): BouncedAddress[] {
    return [...this.entries.values()];
  }
}
