// The limits and knobs of the SMTP services. Defaults follow RFC 5321 and mox; a service's `settings`
// may be changed before it starts (tests use short timeouts and a DNS table).
import type { Bootstrap } from '../config/bootstrap';
import { systemMailauthResolver, type MailauthResolver } from './message-authentication';
import type { ListenerLimits } from './smtp-listener';

export interface SmtpServiceSettings {
  limits: ListenerLimits;
  /** DNS for SPF, DKIM and DMARC verification. */
  resolver: MailauthResolver;
  /** Longest wait for the SPF, DKIM and DMARC checks of one message; after it they count as not passed. */
  authenticationTimeoutMs: number;
  /** localserve behaviour: any recipient accepted, simulated failures, SPF/DKIM faked on loopback. */
  localserve: boolean;
  /** How long a "...timeout" localpart keeps the client waiting before the 451 (mox: an hour). */
  simulatedTimeoutMs: number;
}

export function defaultSettings(bootstrap: Bootstrap, localserve: boolean): SmtpServiceSettings {
  return {
    limits: {
      maxMessageSize: bootstrap.limits.maxMessageSize,
      maxConnections: 500,
      // RFC 5321 §4.5.3.1.8 requires at least 100; mox allows 1000.
      maxRecipients: 1000,
      // RFC 5321 §4.5.3.2.7: a server should wait at least 5 minutes for the next command.
      idleTimeoutMs: 5 * 60_000,
      maxUnauthenticatedCommands: 10,
      closeTimeoutMs: 10_000,
    },
    resolver: systemMailauthResolver(),
    authenticationTimeoutMs: 30_000,
    localserve,
    // Longer than the 60 s localserve's queue waits for a reply, so its attempt times out as mox's does.
    simulatedTimeoutMs: 90_000,
  };
}
