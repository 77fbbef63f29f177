// Counts failed logins per client network and refuses further attempts once a network has failed too
// often, as mox's LimiterFailedAuth does (mox-/limitauth.go on ratelimit/ratelimit.go). The webapi,
// adminapi and SMTP submission share one instance, so guessing passwords over one protocol also slows
// the others.
//
// Each window counts failures in fixed periods (time divided by the window length, like mox), and each
// failure is counted three times: for the address and for two wider networks, so an attacker spreading
// attempts over a subnet still hits a limit:
//   IPv4: /32, /26, /21        IPv6: /64, /48, /32
// A new period drops the previous period's counts, which keeps memory proportional to the networks seen
// in one period; `maxKeysPerWindow` caps even that against floods from very many addresses.
//
// Pure: the time of each call is passed in, nothing reads the clock.
import { isIP } from 'node:net';

export interface LimitWindow {
  /** Length of one counting period in milliseconds. */
  windowMs: number;
  /** Failures allowed per period for the address, the middle and the widest network. */
  limits: readonly [number, number, number];
}

/** mox's windows: 10/30/90 failures a minute, 50/150/450 a day. */
export const FAILED_LOGIN_WINDOWS: readonly LimitWindow[] = [
  { windowMs: 60 * 1000, limits: [10, 30, 90] },
  { windowMs: 24 * 60 * 60 * 1000, limits: [50, 150, 450] },
];

/** Prefix lengths of the three networks an address is counted in. */
const IPV4_PREFIXES = [32, 26, 21] as const;
const IPV6_PREFIXES = [64, 48, 32] as const;

export interface LoginRateLimiterOptions {
  windows?: readonly LimitWindow[];
  /** Counters kept per window; beyond it the oldest counter is dropped. */
  maxKeysPerWindow?: number;
}

interface WindowState {
  window: LimitWindow;
  /** The period the counts belong to: floor(time / windowMs). */
  period: number;
  counts: Map<string, number>;
}

export class LoginRateLimiter {
  private readonly windows: WindowState[];
  private readonly maxKeys: number;

  constructor(options: LoginRateLimiterOptions = {}) {
    this.windows = (options.windows ?? FAILED_LOGIN_WINDOWS).map((window) => ({ window, period: -1, counts: new Map() }));
    this.maxKeys = options.maxKeysPerWindow ?? 100_000;
  }

  /** Whether `n` more failures from `ip` stay within every limit. */
  canAdd(ip: string, now: Date | number, n = 1): boolean {
    return this.checkAdd(false, ip, now, n);
  }

  /** Records `n` failures from `ip`, unless that would exceed a limit; returns whether it recorded. */
  add(ip: string, now: Date | number, n = 1): boolean {
    return this.checkAdd(true, ip, now, n);
  }

  /**
   * Forgets the failures of `ip` in the current periods, after a successful login. The wider networks
   * lose only this address's share, so other addresses in them stay counted.
   */
  reset(ip: string, now: Date | number): void {
    const keys = networkKeys(ip);
    const time = toMillis(now);
    for (const state of this.windows) {
      if (Math.floor(time / state.window.windowMs) !== state.period) continue;
      const own = state.counts.get(keys[0]) ?? 0;
      for (const key of keys) {
        const count = state.counts.get(key);
        if (count === undefined) continue;
        if (count - own > 0) state.counts.set(key, count - own);
        else state.counts.delete(key);
      }
    }
  }

  /** Counters held, over all windows (for tests and metrics). */
  get size(): number {
    return this.windows.reduce((sum, state) => sum + state.counts.size, 0);
  }

  private checkAdd(record: boolean, ip: string, now: Date | number, n: number): boolean {
    const keys = networkKeys(ip);
    const time = toMillis(now);
    for (const state of this.windows) {
      const period = Math.floor(time / state.window.windowMs);
      // A later period starts from zero; the old period's counters are dropped with it.
      if (period > state.period) {
        state.period = period;
        state.counts = new Map();
      }
      for (let i = 0; i < keys.length; i++) {
        if ((state.counts.get(keys[i]) ?? 0) + n > state.window.limits[i]) return false;
      }
    }
    if (record) {
      for (const state of this.windows) {
        for (const key of keys) this.increment(state, key, n);
      }
    }
    return true;
  }

  private increment(state: WindowState, key: string, n: number): void {
    const count = state.counts.get(key);
    if (count === undefined && state.counts.size >= this.maxKeys) {
      // Maps iterate in insertion order: the first key is the longest-held counter.
      const oldest = state.counts.keys().next().value;
      if (oldest !== undefined) state.counts.delete(oldest);
    }
    state.counts.set(key, (count ?? 0) + n);
  }
}

function toMillis(now: Date | number): number {
  return typeof now === 'number' ? now : now.getTime();
}

/** The counter keys of an address: its network at each of the three prefix lengths. */
function networkKeys(ip: string): [string, string, string] {
  const bytes = parseIP(ip);
  const v4 = bytes.length === 4;
  const prefixes = v4 ? IPV4_PREFIXES : IPV6_PREFIXES;
  return prefixes.map((bits, i) => `${i}/${v4 ? 4 : 6}/${mask(bytes, bits).toString('hex')}`) as [string, string, string];
}

function mask(bytes: Buffer, bits: number): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i < out.length; i++) {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    out[i] &= (0xff << (8 - keep)) & 0xff;
  }
  return out;
}

/**
 * An address as 4 bytes (IPv4, including IPv4-mapped IPv6 such as ::ffff:192.0.2.1, as Go's To4 treats
 * them) or 16 bytes (IPv6, RFC 4291 §2.2 text forms; a zone such as %eth0 is ignored).
 */
export function parseIP(ip: string): Buffer {
  const address = ip.replace(/%.*$/, '');
  const family = isIP(address);
  if (family === 4) return Buffer.from(address.split('.').map(Number));
  if (family !== 6) throw new TypeError(`not an IP address: ${JSON.stringify(ip)}`);
  // An embedded IPv4 address in the last 32 bits (::ffff:192.0.2.1) becomes two hexadecimal groups.
  const text = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) => `${((+a << 8) | +b).toString(16)}:${((+c << 8) | +d).toString(16)}`);
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const groups = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const before = groups(head);
  const after = groups(rest);
  const words = [...before, ...Array<number>(8 - before.length - after.length).fill(0), ...after];
  const bytes = Buffer.alloc(16);
  words.forEach((w, i) => bytes.writeUInt16BE(w, i * 2));
  const mapped = bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? Buffer.from(bytes.subarray(12)) : bytes;
}
