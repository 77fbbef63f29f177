// The dynamic configuration as tables: domains, their DKIM keys, accounts, and addresses with the account
// each belongs to (the table every address lookup reads). Read through SqlConfigView (src/config/).
// Each row remembers the position of the last event applied to it, so an event applied twice (after a
// crash, or by two processes sharing the file) changes nothing the second time.
import type { StoredEvent } from '../../src/event-store/event-store';
import { defineProjection, type Row, type RowKey } from '../../src/projecting/projection';
import { ACCOUNT_EVENT_TYPES, type AccountEvent } from '../../src/config/accounts/account-stream';
import { DOMAIN_EVENT_TYPES, type DomainEvent } from '../../src/config/domains/domain-stream';
import { splitConfigured } from '../../src/config/addresses';
import { CONFIG_PROJECTION, CONFIG_TABLES } from '../../src/config/config-tables';

type Handled = StoredEvent & (DomainEvent | AccountEvent);

/** Skips an event the row has already seen. */
function seen(row: Row | null, event: Handled): boolean {
  return row !== null && event.position <= (row.Position as number);
}

function evolveDomain(row: Row | null, event: Handled): Row | null {
  if (seen(row, event)) return row;
  switch (event.type) {
    case 'DomainAdded':
      return { Name: event.data.Domain, Unicode: event.data.Unicode, LocalpartCatchallSeparators: event.data.LocalpartCatchallSeparators, Disabled: false, Position: event.position };
    case 'DomainLocalpartConfigChanged':
      return row && { ...row, LocalpartCatchallSeparators: event.data.LocalpartCatchallSeparators, Position: event.position };
    case 'DomainDisabledChanged':
      return row && { ...row, Disabled: event.data.Disabled, Position: event.position };
    case 'DomainRemoved':
      return null;
    default:
      return row;
  }
}

function evolveDkimKey(row: Row | null, event: Handled): Row | null {
  if (seen(row, event)) return row;
  switch (event.type) {
    case 'DomainDKIMKeyAdded':
      return { ...event.data, Sign: true, Position: event.position };
    case 'DomainDKIMKeyRemoved':
    case 'DomainRemoved':
      return null;
    default:
      return row;
  }
}

function evolveAccount(row: Row | null, event: Handled): Row | null {
  if (seen(row, event)) return row;
  const at = { Position: event.position };
  switch (event.type) {
    case 'AccountAdded': {
      const { Account, ...settings } = event.data;
      return {
        Name: Account,
        ...settings,
        PasswordHash: '',
        LoginDisabled: '',
        NoCustomPassword: false,
        OutgoingWebhook: null,
        IncomingWebhook: null,
        WebhookSecret: '',
        FromIDLoginAddresses: [],
        ...at,
      };
    }
    case 'AccountRemoved':
      return null;
  }
  if (row === null) return null;
  switch (event.type) {
    case 'AccountPasswordChanged':
      return { ...row, PasswordHash: event.data.PasswordHash, ...at };
    case 'AccountSettingsChanged': {
      const { Account: _account, ...settings } = event.data;
      return { ...row, ...settings, ...at };
    }
    case 'AccountLoginDisabledChanged':
      return { ...row, LoginDisabled: event.data.LoginDisabled, ...at };
    case 'OutgoingWebhookChanged':
      return { ...row, OutgoingWebhook: event.data.OutgoingWebhook, ...at };
    case 'IncomingWebhookChanged':
      return { ...row, IncomingWebhook: event.data.IncomingWebhook, ...at };
    case 'WebhookSecretChanged':
      return { ...row, WebhookSecret: event.data.Secret, ...at };
    case 'FromIDLoginAddressesChanged':
      return { ...row, FromIDLoginAddresses: event.data.LoginAddresses, ...at };
    case 'RetentionPeriodsChanged':
      return { ...row, KeepRetiredMessagePeriod: event.data.KeepRetiredMessagePeriod, KeepRetiredWebhookPeriod: event.data.KeepRetiredWebhookPeriod, ...at };
    default:
      return row;
  }
}

/** Address rows are keyed by (ASCII domain, localpart); the localpart is "" for a catch-all. */
const addressKey = (a: { Address: string; Domain: string }): RowKey => [a.Domain, splitConfigured(a.Address).localpart];

function evolveAddress(row: Row | null, event: Handled, key: RowKey): Row | null {
  if (seen(row, event)) return row;
  switch (event.type) {
    case 'AccountAddressAdded':
      return { Domain: key[0], Localpart: key[1], Address: event.data.Address, Account: event.data.Account, Position: event.position };
    case 'AccountAddressRemoved':
    case 'AccountRemoved':
      // Only the account's own row: a row another account holds now stays.
      return row && row.Account === event.data.Account ? null : row;
    default:
      return row;
  }
}

export const configProjection = defineProjection({
  name: CONFIG_PROJECTION,
  version: 1,
  eventTypes: [...DOMAIN_EVENT_TYPES, ...ACCOUNT_EVENT_TYPES],
  tables: [
    {
      name: CONFIG_TABLES.domains,
      columns: { Name: 'TEXT', Unicode: 'TEXT', LocalpartCatchallSeparators: 'JSON', Disabled: 'BOOLEAN', Position: 'INTEGER' },
      primaryKey: ['Name'],
    },
    {
      name: CONFIG_TABLES.dkimKeys,
      columns: { Domain: 'TEXT', Selector: 'TEXT', Algorithm: 'TEXT', PrivateKeyPem: 'TEXT', PublicKey: 'TEXT', Sign: 'BOOLEAN', Position: 'INTEGER' },
      primaryKey: ['Domain', 'Selector'],
      indexes: [['Domain', 'Position']],
    },
    {
      name: CONFIG_TABLES.accounts,
      columns: {
        Name: 'TEXT',
        FullName: 'TEXT',
        PasswordHash: 'TEXT',
        LoginDisabled: 'TEXT',
        NoCustomPassword: 'BOOLEAN',
        OutgoingWebhook: 'JSON',
        IncomingWebhook: 'JSON',
        WebhookSecret: 'TEXT',
        FromIDLoginAddresses: 'JSON',
        KeepRetiredMessagePeriod: 'TEXT',
        KeepRetiredWebhookPeriod: 'TEXT',
        MaxOutgoingMessagesPerDay: 'INTEGER',
        MaxFirstTimeRecipientsPerDay: 'INTEGER',
        Position: 'INTEGER',
      },
      primaryKey: ['Name'],
    },
    {
      name: CONFIG_TABLES.addresses,
      columns: { Domain: 'TEXT', Localpart: 'TEXT', Address: 'TEXT', Account: 'TEXT', Position: 'INTEGER' },
      primaryKey: ['Domain', 'Localpart'],
      indexes: [['Account', 'Position']],
    },
  ],
  reducers: [
    {
      table: CONFIG_TABLES.domains,
      keysOf: (event: Handled): RowKey[] => (event.type.startsWith('Domain') && !event.type.startsWith('DomainDKIM') ? [[(event.data as { Domain: string }).Domain]] : []),
      evolve: (row: Row | null, event: Handled) => evolveDomain(row, event),
    },
    {
      table: CONFIG_TABLES.dkimKeys,
      keysOf: (event: Handled): RowKey[] => {
        if (event.type === 'DomainDKIMKeyAdded' || event.type === 'DomainDKIMKeyRemoved') return [[event.data.Domain, event.data.Selector]];
        if (event.type === 'DomainRemoved') return event.data.Selectors.map((s: string) => [event.data.Domain, s]);
        return [];
      },
      evolve: (row: Row | null, event: Handled) => evolveDkimKey(row, event),
    },
    {
      table: CONFIG_TABLES.accounts,
      keysOf: (event: Handled): RowKey[] => ((ACCOUNT_EVENT_TYPES as readonly string[]).includes(event.type) ? [[(event.data as { Account: string }).Account]] : []),
      evolve: (row: Row | null, event: Handled) => evolveAccount(row, event),
    },
    {
      table: CONFIG_TABLES.addresses,
      keysOf: (event: Handled): RowKey[] => {
        if (event.type === 'AccountAddressAdded' || event.type === 'AccountAddressRemoved') return [addressKey(event.data)];
        if (event.type === 'AccountRemoved') return event.data.Addresses.map(addressKey);
        return [];
      },
      evolve: (row: Row | null, event: Handled, key: RowKey) => evolveAddress(row, event, key),
    },
  ],
});
