// Keeps webhook calls off the server's own networks (server-side request forgery): unless
// `webhooks.allowPrivateTargets` is set (localserve and tests set it), a call to an address in a
// loopback, private, link-local, shared (CGNAT), unspecified, multicast or reserved range is refused,
// and so is an IPv6 address that carries such an IPv4 address (IPv4-mapped, NAT64, 6to4, ...): it reaches
// or is translated to that IPv4 address.
// The check runs on the address actually connected to: names are resolved by guardedLookup, which the
// HTTP client uses for its connections, so a name that resolves to a public address when a URL is saved
// and to a private one at call time (DNS rebinding) is still refused.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { embeddedIPv4 } from './embedded-ipv4';

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
  // Local-use NAT64 (RFC 8215): translated by the site's own gateway, where to depends on the site.
  ['64:ff9b:1::', 48, 'ipv6', 'local-use NAT64'],
];

const lists = ranges.map(([net, prefix, family, kind]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, family);
  return { list, family, kind };
});

/** Why an address may not be called ("loopback", "private", ...), or null when it is a public address. */
export function refusedKind(address: string): string | null {
  const host = bare(address);
  const family = isIP(host);
  if (family === 0) return null;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const { list, family: f, kind } of lists) if (f === type && list.check(host, type)) return kind;
  const embedded = type === 'ipv6' ? embeddedIPv4(host) : null;
  return embedded ? refusedKind(embedded.ipv4) : null;
}

function bare(address: string): string {
  return address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
}

export class RefusedTarget extends Error {
  override readonly name = 'RefusedTarget';
  readonly code = 'EREFUSEDTARGET';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly kind: string,
  ) {
    super(`refusing to call ${describeTarget(host, address)}: ${kind} address; webhooks must reach the application over the network (the bootstrap setting webhooks.allowPrivateTargets allows it)`);
  }
}

/** "name (address)", with the IPv4 address an IPv6 one carries: "::ffff:7f00:1 (IPv4-mapped 127.0.0.1)". */
function describeTarget(host: string, address: string): string {
  const embedded = embeddedIPv4(bare(address));
  const details = [bare(host) === bare(address) ? '' : address, embedded ? `${embedded.form} ${embedded.ipv4}` : ''].filter(Boolean);
  return details.length ? `${bare(host)} (${details.join(', ')})` : bare(host);
}

/** Throws RefusedTarget when `host` is an IP literal (or `localhost`) in a refused range. */
export function checkLiteralHost(host: string): void {
  const name = bare(host).toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost')) throw new RefusedTarget(name, name, 'loopback');
  const kind = refusedKind(name);
  if (kind) throw new RefusedTarget(name, name, kind);
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
