// A DNS resolver answering from a table, for direct delivery to SMTP peers on loopback: MX records,
// addresses, and the failures node:dns reports (ENOTFOUND for a domain that does not exist, ENODATA for
// no records of the type, ESERVFAIL for a broken server).
import type { DnsResolver, MxRecord } from '../../src/delivery/mx-hosts';

export type DnsFailure = 'ENOTFOUND' | 'ENODATA' | 'ESERVFAIL';

export interface DnsEntries {
  mx?: Record<string, MxRecord[] | DnsFailure>;
  a?: Record<string, string[] | DnsFailure>;
  aaaa?: Record<string, string[] | DnsFailure>;
}

function answer<T>(table: Record<string, T[] | DnsFailure> | undefined, name: string): Promise<T[]> {
  const entry = table?.[name.toLowerCase()];
  if (entry === undefined) return Promise.reject(Object.assign(new Error(`queryTable ENOTFOUND ${name}`), { code: 'ENOTFOUND' }));
  if (typeof entry === 'string') return Promise.reject(Object.assign(new Error(`queryTable ${entry} ${name}`), { code: entry }));
  return Promise.resolve(entry);
}

export function dnsTable(entries: DnsEntries): DnsResolver & { lookups: string[] } {
  const lookups: string[] = [];
  return {
    lookups,
    resolveMx: (d) => (lookups.push(`MX ${d}`), answer(entries.mx, d)),
    resolve4: (h) => (lookups.push(`A ${h}`), answer(entries.a, h)),
    resolve6: (h) => (lookups.push(`AAAA ${h}`), entries.aaaa ? answer(entries.aaaa, h) : Promise.reject(Object.assign(new Error('ENODATA'), { code: 'ENODATA' }))),
  };
}
