// SPF (RFC 7208), DKIM (RFC 6376) and DMARC (RFC 7489) verification of a received message with mailauth,
// giving what mox records for incoming mail (reference 2.4 IncomingMeta): MailFromValidated (SPF pass
// for the MAIL FROM domain), MsgFromValidated (DMARC pass for the From domain) and the domains of the
// DKIM signatures that verified. The DNS resolver is injectable; the checks are bounded in time, and a
// failure or timeout counts as "not validated", never as a reason to refuse the message.
//
// localserve (reference 7): a message from loopback is not checked against DNS at all; its MAIL FROM and
// From domains pass when they are domains of this server, as mox fakes SPF and DKIM there.
import { promises as dns } from 'node:dns';
import { authenticate } from 'mailauth';
import { parseAddressList, headerFirst, parseMessage } from '../mime';

export type MailauthResolver = (name: string, rrtype: string) => Promise<string[][] | string[]>;

/** The system's DNS with bounded waits (mailauth's default has none of its own). */
export function systemMailauthResolver(): MailauthResolver {
  const resolver = new dns.Resolver({ timeout: 5_000, tries: 2 });
  return (name, rrtype) => resolver.resolve(name, rrtype) as Promise<string[][] | string[]>;
}

export interface AuthenticationInput {
  raw: Buffer;
  remoteIP: string;
  /** The EHLO/HELO name. */
  helo: string;
  /** The MAIL FROM address, "" for the null sender. */
  mailFrom: string;
  /** This server's name, for the Authentication-Results header. */
  hostname: string;
}

export interface AuthenticationResult {
  mailFromValidated: boolean;
  msgFromValidated: boolean;
  dkimVerifiedDomains: string[];
  /** The value of an Authentication-Results header (RFC 8601) recording the checks. */
  resultsHeader: string;
}

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
}

export async function verifyMessage(input: AuthenticationInput, resolver: MailauthResolver, timeoutMs: number): Promise<AuthenticationResult> {
  const checks = authenticate(input.raw, {
    ip: input.remoteIP,
    helo: input.helo || undefined,
    sender: input.mailFrom || undefined,
    mta: input.hostname,
    resolver,
    disableArc: true,
    disableBimi: true,
  });
  let outcome: Awaited<typeof checks> | 'timeout';
  try {
    outcome = await Promise.race([checks, timeout(timeoutMs)]);
  } catch (err) {
    return unverified(input.hostname, `verification failed: ${(err as Error).message}`);
  }
  if (outcome === 'timeout') {
    checks.catch(() => undefined);
    return unverified(input.hostname, `verification took longer than ${timeoutMs} ms`);
  }
  const spf = outcome.spf;
  const dkimDomains = outcome.dkim.results.filter((r) => r.status.result === 'pass').map((r) => r.signingDomain.toLowerCase());
  const header = outcome.headers.split(/\r?\n(?=\S)/).find((h) => /^Authentication-Results:/i.test(h)) ?? '';
  return {
    mailFromValidated: input.mailFrom !== '' && !!spf && spf.status.result === 'pass',
    msgFromValidated: !!outcome.dmarc && outcome.dmarc.status.result === 'pass',
    dkimVerifiedDomains: [...new Set(dkimDomains)],
    resultsHeader: header.replace(/^Authentication-Results:\s*/i, '').trim() || `${input.hostname}; none`,
  };
}

function unverified(hostname: string, why: string): AuthenticationResult {
  return { mailFromValidated: false, msgFromValidated: false, dkimVerifiedDomains: [], resultsHeader: `${hostname}; none (${why})` };
}

/** The domain of the message's (first) From address, lower case; "" when there is none. */
export function fromDomainOf(raw: Buffer): string {
  const from = headerFirst(parseMessage(raw).headers, 'from')?.value;
  const address = from ? parseAddressList(from)[0]?.Address ?? '' : '';
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase();
}

/** localserve's stand-in for the checks (reference 7): hosted domains pass, nothing is looked up. */
export function fakedForLoopback(input: AuthenticationInput, isHosted: (domain: string) => boolean): AuthenticationResult {
  const mailFromDomain = input.mailFrom.slice(input.mailFrom.lastIndexOf('@') + 1).toLowerCase();
  const fromDomain = fromDomainOf(input.raw);
  const spf = input.mailFrom !== '' && isHosted(mailFromDomain);
  const dkim = fromDomain !== '' && isHosted(fromDomain);
  const parts = [`spf=${spf ? 'pass' : 'none'} (localserve) smtp.mailfrom=${mailFromDomain || '<>'}`, `dkim=${dkim ? 'pass' : 'none'} (localserve) header.d=${fromDomain || 'none'}`];
  return {
    mailFromValidated: spf,
    msgFromValidated: dkim,
    dkimVerifiedDomains: dkim ? [fromDomain] : [],
    resultsHeader: `${input.hostname}; ${parts.join('; ')}`,
  };
}
