// The client address used for rate limiting and logs. Behind a reverse proxy (the listener's `forwarded`
// switch) it comes from X-Forwarded-For, else from the connection.
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The client IP, or null when none can be found (mox then answers 500). Of X-Forwarded-For's
 * comma-separated list this takes the last entry: the one our proxy appended. Entries before it come
 * from the client or from proxies we do not know, and taking the first, as mox does, would let a client
 * choose the address it is rate limited as.
 */
export function clientIP(raw: IncomingMessage, forwarded: boolean): string | null {
  if (!forwarded) return usable(raw.socket.remoteAddress);
  const header = raw.headers['x-forwarded-for'];
  const list = (Array.isArray(header) ? header.join(',') : header ?? '').split(',');
  return usable(list[list.length - 1]);
}

function usable(address: string | undefined): string | null {
  const ip = address?.trim().replace(/^\[(.*)\]$/, '$1');
  if (!ip || isIP(ip.replace(/%.*$/, '')) === 0) return null;
  // Report IPv4 clients of a dual-stack socket in their usual form.
  return ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}
