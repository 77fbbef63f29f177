// A DNS table for SPF, DKIM and DMARC verification in tests (mailauth's resolver shape: TXT records as
// arrays of strings); a name without an entry answers ENOTFOUND at once, as node:dns would.
import type { MailauthResolver } from '../../../src/inbound/message-authentication';

export interface MailauthDnsEntries {
  txt?: Record<string, string[]>;
  a?: Record<string, string[]>;
  mx?: Record<string, { exchange: string; priority: number }[]>;
}

export function mailauthDns(entries: MailauthDnsEntries = {}): MailauthResolver & { lookups: string[] } {
  const lookups: string[] = [];
  const resolver = async (name: string, rrtype: string): Promise<string[][] | string[]> => {
    const key = name.toLowerCase().replace(/\.$/, '');
    lookups.push(`${rrtype} ${key}`);
    const table = rrtype === 'TXT' ? entries.txt : rrtype === 'A' ? entries.a : rrtype === 'MX' ? entries.mx : undefined;
    const found = table?.[key];
    if (!found) throw Object.assign(new Error(`query${rrtype} ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    return rrtype === 'TXT' ? (found as string[]).map((s) => [s]) : (found as string[]);
  };
  return Object.assign(resolver, { lookups });
}
