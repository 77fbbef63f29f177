// An account's stream, `account-<name>`: its events, its state and how events fold into it. Addresses are
// written `localpart@unicode-domain` (`@domain` for a catch-all) and carry the domain's ASCII name, the key
// read models use. A removed account's name may be used again, starting from a clean state.
import type { StoredEvent } from '../../event-store/event-store';
import type { OutgoingWebhookConfig, WebhookConfig } from '../config-view';
import { ACCOUNT_DEFAULTS } from '../setting-rules';

export interface AccountAddress {
  Address: string;
  /** ASCII name of the address's domain. */
  Domain: string;
}

export interface AccountSettings {
  FullName: string;
  MaxOutgoingMessagesPerDay: number;
  MaxFirstTimeRecipientsPerDay: number;
  NoCustomPassword: boolean;
}

export interface RetentionPeriods {
  KeepRetiredMessagePeriod: string;
  KeepRetiredWebhookPeriod: string;
}

type Of<T> = { Account: string } & T;

export type AccountEvent =
  /** The defaults are written into the event, so history keeps its meaning if defaults change. */
  | { type: 'AccountAdded'; data: Of<{ FullName: string; MaxOutgoingMessagesPerDay: number; MaxFirstTimeRecipientsPerDay: number } & RetentionPeriods> }
  | { type: 'AccountAddressAdded'; data: Of<AccountAddress> }
  | { type: 'AccountAddressRemoved'; data: Of<AccountAddress> }
  /** Only the hash (`scrypt$...`), or "" for no password. */
  | { type: 'AccountPasswordChanged'; data: Of<{ PasswordHash: string }> }
  | { type: 'AccountSettingsChanged'; data: Of<AccountSettings> }
  | { type: 'AccountLoginDisabledChanged'; data: Of<{ LoginDisabled: string }> }
  | { type: 'OutgoingWebhookChanged'; data: Of<{ OutgoingWebhook: OutgoingWebhookConfig | null }> }
  | { type: 'IncomingWebhookChanged'; data: Of<{ IncomingWebhook: WebhookConfig | null }> }
  | { type: 'WebhookSecretChanged'; data: Of<{ Secret: string }> }
  | { type: 'FromIDLoginAddressesChanged'; data: Of<{ LoginAddresses: string[] }> }
  | { type: 'RetentionPeriodsChanged'; data: Of<RetentionPeriods> }
  /** Lists the addresses so read models can drop them without reading the stream. */
  | { type: 'AccountRemoved'; data: Of<{ Addresses: AccountAddress[] }> };

export type AccountEventType = AccountEvent['type'];

export const ACCOUNT_EVENT_TYPES: readonly AccountEventType[] = [
  'AccountAdded',
  'AccountAddressAdded',
  'AccountAddressRemoved',
  'AccountPasswordChanged',
  'AccountSettingsChanged',
  'AccountLoginDisabledChanged',
  'OutgoingWebhookChanged',
  'IncomingWebhookChanged',
  'WebhookSecretChanged',
  'FromIDLoginAddressesChanged',
  'RetentionPeriodsChanged',
  'AccountRemoved',
];

export interface AccountState extends AccountSettings, RetentionPeriods {
  exists: boolean;
  Account: string;
  Addresses: AccountAddress[];
  PasswordHash: string;
  LoginDisabled: string;
  OutgoingWebhook: OutgoingWebhookConfig | null;
  IncomingWebhook: WebhookConfig | null;
  WebhookSecret: string;
  FromIDLoginAddresses: string[];
}

export const accountStreamId = (name: string) => `account-${name}`;

export function initialAccountState(): AccountState {
  return {
    exists: false,
    Account: '',
    FullName: '',
    Addresses: [],
    PasswordHash: '',
    LoginDisabled: '',
    NoCustomPassword: false,
    OutgoingWebhook: null,
    IncomingWebhook: null,
    WebhookSecret: '',
    FromIDLoginAddresses: [],
    ...ACCOUNT_DEFAULTS,
  };
}

export function evolveAccount(state: AccountState, stored: StoredEvent): AccountState {
  const event = stored as unknown as AccountEvent;
  switch (event.type) {
    case 'AccountAdded': {
      const { Account, ...rest } = event.data;
      return { ...initialAccountState(), ...rest, exists: true, Account };
    }
    case 'AccountAddressAdded':
      return { ...state, Addresses: [...state.Addresses, { Address: event.data.Address, Domain: event.data.Domain }] };
    case 'AccountAddressRemoved':
      return { ...state, Addresses: state.Addresses.filter((a) => a.Address !== event.data.Address) };
    case 'AccountPasswordChanged':
      return { ...state, PasswordHash: event.data.PasswordHash };
    case 'AccountSettingsChanged': {
      const { Account: _account, ...settings } = event.data;
      return { ...state, ...settings };
    }
    case 'AccountLoginDisabledChanged':
      return { ...state, LoginDisabled: event.data.LoginDisabled };
    case 'OutgoingWebhookChanged':
      return { ...state, OutgoingWebhook: event.data.OutgoingWebhook };
    case 'IncomingWebhookChanged':
      return { ...state, IncomingWebhook: event.data.IncomingWebhook };
    case 'WebhookSecretChanged':
      return { ...state, WebhookSecret: event.data.Secret };
    case 'FromIDLoginAddressesChanged':
      return { ...state, FromIDLoginAddresses: event.data.LoginAddresses };
    case 'RetentionPeriodsChanged':
      return { ...state, KeepRetiredMessagePeriod: event.data.KeepRetiredMessagePeriod, KeepRetiredWebhookPeriod: event.data.KeepRetiredWebhookPeriod };
    case 'AccountRemoved':
      return initialAccountState();
    default:
      return state;
  }
}

export const accountStream = { initialState: initialAccountState, evolve: evolveAccount };
