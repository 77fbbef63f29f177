// Which recipients incoming mail is accepted for (RFC 5321 §4.1.1.3 RCPT): an address that resolves to an
// account through the dynamic configuration (ConfigView.lookupAddress: exact addresses, catch-all
// separator variants such as `user+tag@domain`, a domain's catch-all destination) in a domain that is
// configured and not disabled. Unknown users are refused at RCPT, not after DATA as mox does: a clear
// reply is worth more here than hiding which addresses exist.
//
// localserve (reference 7): every recipient is accepted; addresses nobody has go to the localserve
// account, as mox delivers them to its `mox` account.
import type { ParsedDomain } from '../config/addresses';
import type { ConfigView, DomainConfig } from '../config/config-view';
import { LOCALSERVE } from '../localserve/localserve-config';
import { addressText, parseSmtpAddress } from '../sending/smtp-address';
import { REPLIES, type SmtpReply } from './reply-codes';

export interface AcceptedRecipient {
  /** RCPT TO as given. */
  address: string;
  localpart: string;
  domain: ParsedDomain;
  /** Null for an address in a domain that is not ours (localserve only). */
  domainConfig: DomainConfig | null;
  account: string;
  /** `localpart@domain` for the message's metadata (mox RcptTo). */
  rcptTo: string;
}

export type RecipientDecision = { accept: true; recipient: AcceptedRecipient } | { accept: false; reply: SmtpReply; detail?: string };

export function decideRecipient(config: ConfigView, address: string, localserve: boolean): RecipientDecision {
  if (/@\[.*\]$/.test(address)) return { accept: false, reply: REPLIES.addressLiteralRecipient, detail: address };
  const parsed = parseSmtpAddress(address);
  if (!parsed.ok) return { accept: false, reply: REPLIES.badRecipientSyntax, detail: parsed.error };
  const { localpart, domain } = parsed.address;
  const domainConfig = config.domain(domain.ascii);
  const base = { address, localpart, domain, domainConfig, rcptTo: addressText(parsed.address, true) };
  const found = domainConfig ? config.lookupAddress(`${localpart}@${domain.unicode}`) : null;
  if (localserve) {
    if (found) return { accept: true, recipient: { ...base, account: found.account.Name } };
    if (config.account(LOCALSERVE.account)) return { accept: true, recipient: { ...base, account: LOCALSERVE.account } };
    return { accept: false, reply: REPLIES.noSuchUser, detail: `${address} (and the localserve account ${LOCALSERVE.account} is gone)` };
  }
  if (!domainConfig) return { accept: false, reply: REPLIES.domainNotServed, detail: domain.unicode };
  if (domainConfig.Disabled) return { accept: false, reply: REPLIES.domainDisabled, detail: domainConfig.Unicode };
  if (!found) return { accept: false, reply: REPLIES.noSuchUser, detail: address };
  return { accept: true, recipient: { ...base, account: found.account.Name } };
}
