// The DNS records quickstart asks the operator to publish for the first domain, in zone file syntax.
import { dkimRecordName, dkimRecordValue, type DkimAlgorithm } from '../config/dkim-keys';

export interface QuickstartDns {
  /** ASCII name of the mail domain. */
  domain: string;
  hostname: string;
  /** Where DMARC aggregate reports go. */
  reportAddress: string;
  keys: { selector: string; algorithm: DkimAlgorithm; publicKey: string }[];
}

/**
 * RFC 1035 §3.3.14: one character-string holds at most 255 octets; longer TXT values (RSA DKIM keys) are
 * split into several strings, which receivers concatenate (RFC 6376 §3.6.2.2, RFC 7208 §3.3).
 */
export function txtStrings(value: string): string {
  const parts: string[] = [];
  for (let i = 0; i < value.length; i += 255) parts.push(`"${value.slice(i, i + 255)}"`);
  return parts.length === 1 ? parts[0] : `( ${parts.join(' ')} )`;
}

export function quickstartDnsRecords(dns: QuickstartDns): string[] {
  const records: [string, string, string][] = [
    [`${dns.hostname}.`, 'A', '<public IPv4 address of this machine>'],
    [`${dns.hostname}.`, 'AAAA', '<public IPv6 address of this machine, if it has one>'],
    // RFC 5321 §5.1: senders look up the MX of the domain.
    [`${dns.domain}.`, 'MX', `10 ${dns.hostname}.`],
    // RFC 7208: only the MX host sends for the domain; ~all while the setup is new.
    [`${dns.domain}.`, 'TXT', txtStrings('v=spf1 mx ~all')],
    ...dns.keys.map((k): [string, string, string] => [`${dkimRecordName(k.selector, dns.domain)}.`, 'TXT', txtStrings(dkimRecordValue(k.algorithm, k.publicKey))]),
    // RFC 7489 §6.3: reject what fails DMARC, send aggregate reports to the account.
    [`_dmarc.${dns.domain}.`, 'TXT', txtStrings(`v=DMARC1;p=reject;rua=mailto:${dns.reportAddress}`)],
  ];
  const width = Math.max(...records.map((r) => r[0].length));
  return records.map(([name, type, value]) => `${name.padEnd(width)}  IN ${type.padEnd(4)} ${value}`);
}
