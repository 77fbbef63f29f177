// The read side of the dynamic configuration (domains and accounts), which is event-sourced: every
// capability asks here, never the event store. Backed by the `config` read model, so a reader sees every
// change once the projections have caught up with it.

export interface DkimKey {
  Selector: string;
  Algorithm: 'ed25519' | 'rsa';
  /** PKCS#8 PEM. */
  PrivateKeyPem: string;
  /** Base64 of the public key as published in the DNS TXT record (p=). */
  PublicKey: string;
  /** Used to sign outgoing mail. */
  Sign: boolean;
}

export interface DomainConfig {
  /** ASCII (IDNA) form, lower-case: the key. */
  Name: string;
  /** Unicode form. */
  Unicode: string;
  LocalpartCatchallSeparators: string[];
  Disabled: boolean;
  DKIM: DkimKey[];
}

export interface WebhookConfig {
  URL: string;
  Authorization: string;
}

export interface OutgoingWebhookConfig extends WebhookConfig {
  /** Empty: all events. */
  Events: string[];
}

export interface AccountConfig {
  Name: string;
  FullName: string;
  /** Full addresses with Unicode domains; `@domain` is a catch-all destination. */
  Addresses: string[];
  /** `scrypt$...`; empty when no password is set. */
  PasswordHash: string;
  /** Non-empty: logins refused, the text says why. */
  LoginDisabled: string;
  NoCustomPassword: boolean;
  OutgoingWebhook: OutgoingWebhookConfig | null;
  IncomingWebhook: WebhookConfig | null;
  /** Standard Webhooks secret `whsec_...`, empty when webhooks are not signed. */
  WebhookSecret: string;
  FromIDLoginAddresses: string[];
  /** Durations such as "72h"; "0s" keeps nothing. */
  KeepRetiredMessagePeriod: string;
  KeepRetiredWebhookPeriod: string;
  MaxOutgoingMessagesPerDay: number;
  MaxFirstTimeRecipientsPerDay: number;
}

export interface AddressLookup {
  account: AccountConfig;
  domain: DomainConfig;
  /** The configured address the input resolved to (catch-all suffix cut, case folded). */
  canonical: string;
}

export abstract class ConfigView {
  /** By ASCII or Unicode name, any case. */
  abstract domain(name: string): DomainConfig | null;
  abstract domains(): DomainConfig[];
  abstract account(name: string): AccountConfig | null;
  abstract accounts(): AccountConfig[];
  /**
   * Resolves an e-mail address to the account it belongs to: an exact address, a catch-all separator
   * variant (`user+tag@domain` when `+` is a separator of the domain), or the domain's catch-all
   * destination. Null when no account has it.
   */
  abstract lookupAddress(address: string): AddressLookup | null;
}
