// A domain's stream, `domain-<ascii name>`: its events, its state and how events fold into it. A removed
// domain's stream may be written again by adding the domain anew, which starts from a clean state.
import type { StoredEvent } from '../../event-store/event-store';
import type { DkimAlgorithm } from '../dkim-keys';

export interface DomainAddedData {
  /** ASCII (IDNA) name, lower case. */
  Domain: string;
  Unicode: string;
  LocalpartCatchallSeparators: string[];
}
export interface DomainDKIMKeyAddedData {
  Domain: string;
  Selector: string;
  Algorithm: DkimAlgorithm;
  PrivateKeyPem: string;
  PublicKey: string;
}

export type DomainEvent =
  | { type: 'DomainAdded'; data: DomainAddedData }
  | { type: 'DomainLocalpartConfigChanged'; data: { Domain: string; LocalpartCatchallSeparators: string[] } }
  | { type: 'DomainDisabledChanged'; data: { Domain: string; Disabled: boolean } }
  | { type: 'DomainDKIMKeyAdded'; data: DomainDKIMKeyAddedData }
  | { type: 'DomainDKIMKeyRemoved'; data: { Domain: string; Selector: string } }
  /** Lists the selectors so read models can drop the keys without reading the stream. */
  | { type: 'DomainRemoved'; data: { Domain: string; Selectors: string[] } };

export type DomainEventType = DomainEvent['type'];

export const DOMAIN_EVENT_TYPES: readonly DomainEventType[] = [
  'DomainAdded',
  'DomainLocalpartConfigChanged',
  'DomainDisabledChanged',
  'DomainDKIMKeyAdded',
  'DomainDKIMKeyRemoved',
  'DomainRemoved',
];

export interface DomainState {
  exists: boolean;
  Domain: string;
  Unicode: string;
  LocalpartCatchallSeparators: string[];
  Disabled: boolean;
  DKIMKeys: Omit<DomainDKIMKeyAddedData, 'Domain'>[];
}

export const domainStreamId = (ascii: string) => `domain-${ascii}`;

export function initialDomainState(): DomainState {
  return { exists: false, Domain: '', Unicode: '', LocalpartCatchallSeparators: [], Disabled: false, DKIMKeys: [] };
}

export function evolveDomain(state: DomainState, stored: StoredEvent): DomainState {
  const event = stored as unknown as DomainEvent;
  switch (event.type) {
    case 'DomainAdded':
      return { ...initialDomainState(), exists: true, Domain: event.data.Domain, Unicode: event.data.Unicode, LocalpartCatchallSeparators: event.data.LocalpartCatchallSeparators };
    case 'DomainLocalpartConfigChanged':
      return { ...state, LocalpartCatchallSeparators: event.data.LocalpartCatchallSeparators };
    case 'DomainDisabledChanged':
      return { ...state, Disabled: event.data.Disabled };
    case 'DomainDKIMKeyAdded': {
      const { Domain: _domain, ...key } = event.data;
      return { ...state, DKIMKeys: [...state.DKIMKeys, key] };
    }
    case 'DomainDKIMKeyRemoved':
      return { ...state, DKIMKeys: state.DKIMKeys.filter((k) => k.Selector !== event.data.Selector) };
    case 'DomainRemoved':
      return initialDomainState();
    default:
      return state;
  }
}

export const domainStream = { initialState: initialDomainState, evolve: evolveDomain };
