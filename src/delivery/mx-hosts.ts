// Where direct delivery goes (RFC 5321 §5.1): the recipient domain's MX hosts by preference, the domain
// itself when it has no MX records (implicit MX), nowhere for a null MX (RFC 7505). Lookups go through
// an injectable resolver: node:dns by default, a table in tests. A domain that does not exist and a null
// MX are permanent failures; other DNS trouble is temporary. Neither carries an SMTP code, so neither
// ever causes a suppression.
import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { plainError, type AttemptError } from './attempt-error';

export interface MxRecord {
  exchange: string;
  priority: number;
}

/** The lookups direct delivery needs; errors carry node:dns codes (ENOTFOUND, ENODATA, ...). */
export interface DnsResolver {
  resolveMx(domain: string): Promise<MxRecord[]>;
  resolve4(host: string): Promise<string[]>;
  resolve6(host: string): Promise<string[]>;
}

export function systemResolver(timeoutMs = 10_000): DnsResolver {
  const resolver = new dns.Resolver({ timeout: timeoutMs, tries: 2 });
  return {
    resolveMx: (d) => resolver.resolveMx(d),
    resolve4: (h) => resolver.resolve4(h),
    resolve6: (h) => resolver.resolve6(h),
  };
}

const codeOf = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** Host names (or address literals) to try, in order; or why there are none. */
export async function gatherHosts(resolver: DnsResolver, domain: string, random: () => number = Math.random): Promise<string[] | AttemptError> {
  if (domain.startsWith('[')) return [domain];
  let records: MxRecord[];
  try {
    records = await resolver.resolveMx(domain);
  } catch (err) {
    const code = codeOf(err);
    if (code === 'ENODATA') return [domain]; // no MX records: the domain is its own mail host
    if (code === 'ENOTFOUND') return plainError(`recipient domain ${domain} does not exist`, true);
    return plainError(`dns error: mx lookup for ${domain}: ${code}`);
  }
  if (records.length === 0) return [domain];
  if (records.length === 1 && (records[0].exchange === '' || records[0].exchange === '.')) {
    return plainError(`domain ${domain} does not accept email as indicated with single dot for mx record`, true);
  }
  // Lowest preference first; hosts of equal preference in random order (RFC 5321 §5.1).
  const keyed = records.map((r) => ({ r, tie: random() }));
  keyed.sort((a, b) => a.r.priority - b.r.priority || a.tie - b.tie);
  return keyed.map((k) => k.r.exchange.replace(/\.$/, ''));
}

/** IP addresses of one host, IPv4 first; or why there are none (temporary: another host may work). */
export async function hostAddresses(resolver: DnsResolver, host: string): Promise<string[] | AttemptError> {
  if (host.startsWith('[')) return [host.slice(1, -1).replace(/^IPv6:/i, '')];
  if (isIP(host)) return [host];
  const [v4, v6] = await Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)]);
  const addresses = [...(v4.status === 'fulfilled' ? v4.value : []), ...(v6.status === 'fulfilled' ? v6.value : [])];
  if (addresses.length > 0) return addresses;
  const reason = v4.status === 'rejected' ? codeOf(v4.reason) : v6.status === 'rejected' ? codeOf(v6.reason) : 'no addresses';
  return plainError(`dns error: ip lookup for ${host}: ${reason}`);
}
