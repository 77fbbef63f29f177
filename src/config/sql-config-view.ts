// ConfigView over the `config` read model (projections/config/) in the node's read-model database. Answers
// are a few indexed SQLite reads, cached until the projection runner applies a configuration event (or swaps
// rebuilt tables), so callers need no cache of their own, see a change as soon as the projection has
// applied it, and a Send does not pay for the same lookups again and again. Hold rules, dynamic
// configuration too, have their own read model (projections/holdrules); they are read as they are, uncached.
import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { configProjection } from '../../projections/config';
import type { HoldRule } from '../holdrules/holdrule-events';
import { readHoldRules } from '../holdrules/holdrule-store';
import { Runtime } from '../runtime/runtime';
import { cutAtSeparators, parseAddress, parseDomain } from './addresses';
import { CONFIG_TABLES } from './config-tables';
import { ConfigView, type AccountConfig, type AddressLookup, type DkimKey, type DomainConfig } from './config-view';

interface DomainRow {
  Name: string;
  Unicode: string;
  LocalpartCatchallSeparators: string;
  Disabled: number;
}
interface DkimRow {
  Domain: string;
  Selector: string;
  Algorithm: 'ed25519' | 'rsa';
  PrivateKeyPem: string;
  PublicKey: string;
  Sign: number;
}
interface AccountRow {
  Name: string;
  FullName: string;
  PasswordHash: string;
  LoginDisabled: string;
  NoCustomPassword: number;
  OutgoingWebhook: string | null;
  IncomingWebhook: string | null;
  WebhookSecret: string;
  FromIDLoginAddresses: string;
  KeepRetiredMessagePeriod: string;
  KeepRetiredWebhookPeriod: string;
  MaxOutgoingMessagesPerDay: number;
  MaxFirstTimeRecipientsPerDay: number;
}
interface AddressRow {
  Domain: string;
  Localpart: string;
  Address: string;
  Account: string;
}

export interface AddressOwner {
  /** The configured address, `localpart@unicode-domain` or `@domain`. */
  Address: string;
  Account: string;
}

const { domains, dkimKeys, accounts, addresses } = CONFIG_TABLES;

const QUERIES = {
  domain: `SELECT * FROM ${domains} WHERE Name = ?`,
  allDomains: `SELECT * FROM ${domains} ORDER BY Name`,
  dkimOf: `SELECT * FROM ${dkimKeys} WHERE Domain = ? ORDER BY Position`,
  allDkim: `SELECT * FROM ${dkimKeys} ORDER BY Domain, Position`,
  account: `SELECT * FROM ${accounts} WHERE Name = ?`,
  allAccounts: `SELECT * FROM ${accounts} ORDER BY Name`,
  addressesOf: `SELECT * FROM ${addresses} WHERE Account = ? ORDER BY Position`,
  allAddresses: `SELECT * FROM ${addresses} ORDER BY Account, Position`,
  address: `SELECT * FROM ${addresses} WHERE Domain = ? AND Localpart = ?`,
  addressesInDomain: `SELECT * FROM ${addresses} WHERE Domain = ? ORDER BY Position`,
} as const;

@Injectable()
export class SqlConfigView extends ConfigView {
  private readonly statements = new Map<keyof typeof QUERIES, Database.Statement>();
  private readonly db: Database.Database;
  private readonly cache = new Map<string, unknown>();

  constructor(runtime: Runtime) {
    super();
    this.db = runtime.readDb;
    const configTypes = new Set(configProjection.eventTypes as readonly string[]);
    runtime.projections.onApplied((events) => {
      if (events === 'swapped' || events.some((e) => configTypes.has(e.type))) this.cache.clear();
    });
  }

  /** Answers are frozen: they are shared between callers until the configuration changes. */
  private cached<T>(key: string, load: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = deepFreeze(load());
    if (this.cache.size >= 10_000) this.cache.clear();
    this.cache.set(key, value);
    return value;
  }

  /** Statements are prepared on first use: the tables exist once the projection runner has started. */
  private query<T>(name: keyof typeof QUERIES): Database.Statement<unknown[], T> {
    let statement = this.statements.get(name);
    if (!statement) {
      statement = this.db.prepare(QUERIES[name]);
      this.statements.set(name, statement);
    }
    return statement as Database.Statement<unknown[], T>;
  }

  domain(name: string): DomainConfig | null {
    return this.cached(`d:${name}`, () => this.loadDomain(name));
  }

  private loadDomain(name: string): DomainConfig | null {
    const parsed = parseDomain(name);
    if (!parsed.ok) return null;
    const row = this.query<DomainRow>('domain').get(parsed.value.ascii);
    return row ? toDomain(row, this.query<DkimRow>('dkimOf').all(row.Name)) : null;
  }

  domains(): DomainConfig[] {
    const keys = groupBy(this.query<DkimRow>('allDkim').all(), (k) => k.Domain);
    return this.query<DomainRow>('allDomains')
      .all()
      .map((row) => toDomain(row, keys.get(row.Name) ?? []));
  }

  account(name: string): AccountConfig | null {
    return this.cached(`a:${name}`, () => this.loadAccount(name));
  }

  private loadAccount(name: string): AccountConfig | null {
    const row = this.query<AccountRow>('account').get(name);
    return row ? toAccount(row, this.query<AddressRow>('addressesOf').all(name)) : null;
  }

  accounts(): AccountConfig[] {
    const byAccount = groupBy(this.query<AddressRow>('allAddresses').all(), (a) => a.Account);
    return this.query<AccountRow>('allAccounts')
      .all()
      .map((row) => toAccount(row, byAccount.get(row.Name) ?? []));
  }

  /**
   * mox's LookupAddress: the domain in any case and form (Unicode or ASCII), the localpart without case and
   * cut at the domain's first catch-all separator; an exact address first, then the domain's `@domain`.
   */
  lookupAddress(address: string): AddressLookup | null {
    return this.cached(`l:${address}`, () => this.loadLookup(address));
  }

  private loadLookup(address: string): AddressLookup | null {
    const parsed = parseAddress(address);
    if (!parsed.ok) return null;
    const domain = this.domain(parsed.value.domain.ascii);
    if (!domain) return null;
    const localpart = cutAtSeparators(parsed.value.localpart, domain.LocalpartCatchallSeparators);
    const row =
      (localpart !== '' ? this.query<AddressRow>('address').get(domain.Name, localpart) : undefined) ??
      this.query<AddressRow>('address').get(domain.Name, '');
    if (!row) return null;
    const account = this.account(row.Account);
    return account ? { account, domain, canonical: row.Address } : null;
  }

  /** Which account has exactly this configured address (no catch-all resolution). */
  addressOwner(domainAscii: string, localpart: string): AddressOwner | null {
    const row = this.query<AddressRow>('address').get(domainAscii, localpart);
    return row ? { Address: row.Address, Account: row.Account } : null;
  }

  /** Every configured address in a domain, with its account, in the order they were added. */
  addressesInDomain(domainAscii: string): AddressOwner[] {
    return this.query<AddressRow>('addressesInDomain')
      .all(domainAscii)
      .map((r) => ({ Address: r.Address, Account: r.Account }));
  }

  /** The hold rules in force, by ID. */
  holdRules(): HoldRule[] {
    return readHoldRules(this.db);
  }
}

function toDomain(row: DomainRow, keys: DkimRow[]): DomainConfig {
  return {
    Name: row.Name,
    Unicode: row.Unicode,
    LocalpartCatchallSeparators: JSON.parse(row.LocalpartCatchallSeparators) as string[],
    Disabled: row.Disabled === 1,
    DKIM: keys.map(
      (k): DkimKey => ({ Selector: k.Selector, Algorithm: k.Algorithm, PrivateKeyPem: k.PrivateKeyPem, PublicKey: k.PublicKey, Sign: k.Sign === 1 }),
    ),
  };
}

function toAccount(row: AccountRow, rows: AddressRow[]): AccountConfig {
  return {
    Name: row.Name,
    FullName: row.FullName,
    Addresses: rows.map((a) => a.Address),
    PasswordHash: row.PasswordHash,
    LoginDisabled: row.LoginDisabled,
    NoCustomPassword: row.NoCustomPassword === 1,
    OutgoingWebhook: row.OutgoingWebhook === null ? null : JSON.parse(row.OutgoingWebhook),
    IncomingWebhook: row.IncomingWebhook === null ? null : JSON.parse(row.IncomingWebhook),
    WebhookSecret: row.WebhookSecret,
    FromIDLoginAddresses: JSON.parse(row.FromIDLoginAddresses) as string[],
    KeepRetiredMessagePeriod: row.KeepRetiredMessagePeriod,
    KeepRetiredWebhookPeriod: row.KeepRetiredWebhookPeriod,
    MaxOutgoingMessagesPerDay: row.MaxOutgoingMessagesPerDay,
    MaxFirstTimeRecipientsPerDay: row.MaxFirstTimeRecipientsPerDay,
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as object)) deepFreeze(inner);
  }
  return value;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
