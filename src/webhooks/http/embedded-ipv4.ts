// Finds the IPv4 address an IPv6 address carries, for the standard forms that make a connection reach
// (or be translated to) that IPv4 address: a URL such as http://[::ffff:127.0.0.1]/ reaches loopback
// as surely as http://127.0.0.1/ does, so the private-target check must judge the IPv4 address.
import { BlockList, isIPv6 } from 'node:net';

export interface EmbeddedIPv4 {
  ipv4: string;
  /** Which form carries it, for error messages ("IPv4-mapped", "NAT64", ...). */
  form: string;
}

interface Embedding {
  prefix: BlockList;
  form: string;
  /** The 32 bits of the IPv4 address, from the address's eight 16-bit groups. */
  bits: (groups: number[]) => number;
}

const lastTwoGroups = (g: number[]) => g[6] * 0x10000 + g[7];

function embedding(network: string, prefixLength: number, form: string, bits: (groups: number[]) => number): Embedding {
  const prefix = new BlockList();
  prefix.addSubnet(network, prefixLength, 'ipv6');
  return { prefix, form, bits };
}

const embeddings: Embedding[] = [
  embedding('::ffff:0:0', 96, 'IPv4-mapped', lastTwoGroups), // RFC 4291 §2.5.5.2
  embedding('::ffff:0:0:0', 96, 'IPv4-translated', lastTwoGroups), // RFC 2765 §2.1 (SIIT)
  embedding('64:ff9b::', 96, 'NAT64', lastTwoGroups), // RFC 6052 §2.1, the well-known prefix
  embedding('2002::', 16, '6to4', (g) => g[1] * 0x10000 + g[2]), // RFC 3056 §2
  // Teredo (RFC 4380 §4): the client's IPv4 address is stored with every bit inverted.
  embedding('2001::', 32, 'Teredo', (g) => (lastTwoGroups(g) ^ 0xffffffff) >>> 0),
  // IPv4-compatible (RFC 4291 §2.5.5.1, deprecated). Last, and only past ::1: "::" and "::1" are IPv6's
  // own unspecified and loopback addresses, judged as such.
  embedding('::', 96, 'IPv4-compatible', lastTwoGroups),
];

/** The IPv4 address `address` (an IPv6 address, no brackets) carries, or null when it carries none. */
export function embeddedIPv4(address: string): EmbeddedIPv4 | null {
  const groups = ipv6Groups(address);
  if (!groups) return null;
  for (const { prefix, form, bits } of embeddings) {
    if (!prefix.check(address.replace(/%.*$/, ''), 'ipv6')) continue;
    if (form === 'IPv4-compatible' && groups[6] === 0 && groups[7] <= 1) return null;
    const n = bits(groups);
    return { ipv4: [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].join('.'), form };
  }
  return null;
}

/**
 * The eight 16-bit groups of an IPv6 address, or null when it is not one. Node validates the text first
 * (isIPv6), so what is parsed here is known to be well formed: groups, at most one "::", perhaps a dotted
 * IPv4 tail and a zone.
 */
export function ipv6Groups(address: string): number[] | null {
  if (!isIPv6(address)) return null;
  let text = address.replace(/%.*$/, '');
  const dotted = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(2).map(Number);
    text = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const halves = text.split('::');
  if (halves.length === 1) return parse(text);
  const [head, tail] = [parse(halves[0]), parse(halves[1])];
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}
