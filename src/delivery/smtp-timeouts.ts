// How long an SMTP client waits (RFC 5321 §4.5.3.2 gives the server minutes per command; mox dials for
// 30 s). The whole attempt is also bounded by the worker, below the retry interval, so an attempt always
// ends before its claim runs out.
export interface SmtpTimeouts {
  connectTimeoutMs: number;
  greetingTimeoutMs: number;
  /** Longest silence from the server once connected. */
  socketTimeoutMs: number;
}

export const DEFAULT_TIMEOUTS: SmtpTimeouts = {
  connectTimeoutMs: 30_000,
  greetingTimeoutMs: 60_000,
  socketTimeoutMs: 5 * 60_000,
};
