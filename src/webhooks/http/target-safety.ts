// Keeps webhook calls off the server's own networks (server-side request forgery): unless
// `webhooks.allowPrivateTargets` is set (localserve and tests set it), a call to an address in a
// loopback, private, link-local, shared (CGNAT), unspecified, multicast or reserved range is refused.
// The check runs on the address actually connected to: names are resolved by guardedLookup, which the
// HTTP client uses for its connections, so a name that resolves to a public address when a URL is saved
// and to a private one at call time (DNS rebinding) is still refused.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const ranges: [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'], // RFC 1122 §3.2.1.3 "this network"
  ['10.0.0.0', 8, 'ipv4', 'private'], // RFC 1918
  ['100.64.0.0', 10, 'ipv4', 'shared (CGNAT)'], // RFC 6598
  ['127.0.0.0', 8, 'ipv4', 'loopback'], // RFC 1122
  ['169.254.0.0', 16, 'ipv4', 'link-local'], // RFC 3927 (also cloud metadata services)
  ['172.16.0.0', 12, 'ipv4', 'private'], // RFC 1918
  ['192.168.0.0', 16, 'ipv4', 'private'], // RFC 1918
  ['224.0.0.0', 4, 'ipv4', 'multicast'], // RFC 5771
  ['240.0.0.0', 4, 'ipv4', 'reserved'], // RFC 1112 §4, including the broadcast address
  ['::', 128, 'ipv6', 'unspecified'], // RFC 4291 §2.5.2
  ['::1', 128, 'ipv6', 'loopback'], // RFC 4291 §2.5.3
  ['fc00::', 7, 'ipv6', 'private'], // RFC 4193 unique local
  ['fe80::', 10, 'ipv6', 'link-local'], // RFC 4291 §2.5.6
  ['fec0::', 10, 'ipv6', 'site-local'], // RFC 3879, deprecated but routable inside sites
  ['ff00::', 8, 'ipv6', 'multicast'], // RFC 4291 §2.7
];

const lists = ranges.map(([net, prefix, family, kind]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, family);
  return { list, family, kind };
});

/** Why an address may not be called ("loopback", "private", ...), or null when it is a public address. */
export function refusedKind(address: string): string | null {
  const host = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(host);
  if (family === 0) return null;
  // An IPv4-mapped IPv6 address (RFC 4291 §2.5.5.2) reaches the IPv4 address it embeds.
  const mapped = family === 6 ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(host) : null;
  if (mapped) return refusedKind(mapped[1]);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const { list, family: f, kind } of lists) if (f === type && list.check(host, type)) return kind;
  return null;
}

export class RefusedTarget extends Error {
  override readonly name = 'RefusedTarget';
  readonly code = 'EREFUSEDTARGET';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly kind: string,
  ) {
    super(`refusing to call ${host === address ? address : `${host} (${address})`}: ${kind} address; webhooks must reach the application over the network (the bootstrap setting webhooks.allowPrivateTargets allows it)`);
  }
}

/** Throws RefusedTarget when `host` is an IP literal (or `localhost`) in a refused range. */
export function checkLiteralHost(host: string): void {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare.toLowerCase() === 'localhost' || bare.toLowerCase().endsWith('.localhost')) throw new RefusedTarget(host, bare, 'loopback');
  const kind = refusedKind(bare);
  if (kind) throw new RefusedTarget(host, bare, kind);
}

/**
 * A `lookup` for net/http connections that resolves as usual and fails with RefusedTarget when any
 * resolved address is refused, so the connection is never made.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '', 0);
    const list = addresses as LookupAddress[];
    for (const a of list) {
      const kind = refusedKind(a.address);
      if (kind) return callback(new RefusedTarget(hostname, a.address, kind) as NodeJS.ErrnoException, '', 0);
    }
    if (list.length === 0) return callback(Object.assign(new Error(`${hostname}: no addresses`), { code: 'ENOTFOUND' }), '', 0);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, list[0].address, list[0].family);
  });
};
