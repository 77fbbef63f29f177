import { describe, it } from 'node:test';
import { decideAddDomain } from '../../../src/config/domains/add-domain';
import { decideAddDomainDKIMKey } from '../../../src/config/domains/add-domain-dkim-key';
import { domainStream, type DomainEvent } from '../../../src/config/domains/domain-stream';
import { decideRemoveDomain } from '../../../src/config/domains/remove-domain';
import { decideRemoveDomainDKIMKey } from '../../../src/config/domains/remove-domain-dkim-key';
import { decideSaveDomainDisabled } from '../../../src/config/domains/save-domain-disabled';
import { decideSaveDomainLocalpartConfig, type SaveDomainLocalpartConfigInput } from '../../../src/config/domains/save-domain-localpart-config';
import { specification } from '../decider-spec';
import { domain, domainAdded } from '../fixtures';

const example = domain('example.org');
const key = { Algorithm: 'ed25519' as const, PrivateKeyPem: '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n', PublicKey: 'AAAA' };
const keyAdded: DomainEvent = { type: 'DomainDKIMKeyAdded', data: { Domain: 'example.org', Selector: '2025a', ...key } };

describe('AddDomain', () => {
  const spec = specification(domainStream, decideAddDomain);

  it('adds a new domain with its separators, keyed by the ASCII name', () => {
    spec
      .given([])
      .when({ domain: domain('Bücher.Example'), LocalpartCatchallSeparators: ['+', '-'] })
      .then([{ type: 'DomainAdded', data: { Domain: 'xn--bcher-kva.example', Unicode: 'bücher.example', LocalpartCatchallSeparators: ['+', '-'] } }]);
  });

  it('refuses a domain that exists', () => {
    spec.given([domainAdded('example.org')]).when({ domain: example, LocalpartCatchallSeparators: [] }).thenRejects('user', /already exists/);
  });

  it('adds a domain again after it was removed', () => {
    spec
      .given([domainAdded('example.org'), { type: 'DomainRemoved', data: { Domain: 'example.org', Selectors: [] } }])
      .when({ domain: example, LocalpartCatchallSeparators: [] })
      .then([{ type: 'DomainAdded', data: { Domain: 'example.org', Unicode: 'example.org', LocalpartCatchallSeparators: [] } }]);
  });

  for (const [name, separators, message] of [
    ['an empty separator', [''], /empty/],
    ['a letter', ['a'], /"a" is not valid/],
    ['a digit', ['1'], /"1" is not valid/],
    ['a dot', ['.'], /"\." is not valid/],
    ['"@"', ['@'], /"@" is not valid/],
    ['a space', [' '], /" " is not valid/],
    ['two characters', ['++'], /"\+\+" is not valid/],
    ['a duplicate', ['+', '-', '+'], /"\+" is listed twice/],
  ] as const) {
    it(`refuses ${name} as separator`, () => {
      spec.given([]).when({ domain: example, LocalpartCatchallSeparators: [...separators] }).thenRejects('user', message);
    });
  }
});

describe('RemoveDomain', () => {
  const spec = specification(domainStream, decideRemoveDomain);

  it('removes the domain and names its DKIM selectors for the read models', () => {
    spec
      .given([domainAdded('example.org'), keyAdded])
      .when({ domain: example, addresses: [] })
      .then([{ type: 'DomainRemoved', data: { Domain: 'example.org', Selectors: ['2025a'] } }]);
  });

  it('answers notFound for an unknown domain', () => {
    spec.given([]).when({ domain: example, addresses: [] }).thenRejects('notFound', /no domain example\.org/);
  });

  it('refuses while addresses remain, naming them and their accounts', () => {
    spec
      .given([domainAdded('example.org')])
      .when({ domain: example, addresses: [{ Address: 'shop@example.org', Account: 'shop' }] })
      .thenRejects('user', /shop@example\.org \(account shop\)/);
  });
});

describe('SaveDomainLocalpartConfig', () => {
  const spec = specification(domainStream, decideSaveDomainLocalpartConfig);
  const input = (separators: string[], more: Partial<SaveDomainLocalpartConfigInput> = {}): SaveDomainLocalpartConfigInput => ({
    domain: example,
    LocalpartCatchallSeparators: separators,
    addresses: [],
    fromIdUsers: [],
    ...more,
  });

  it('changes the separators', () => {
    spec
      .given([domainAdded('example.org', ['+'])])
      .when(input(['+', '-']))
      .then([{ type: 'DomainLocalpartConfigChanged', data: { Domain: 'example.org', LocalpartCatchallSeparators: ['+', '-'] } }]);
  });

  it('records nothing when the separators are unchanged', () => {
    spec.given([domainAdded('example.org', ['+'])]).when(input(['+'])).then([]);
  });

  it('answers notFound for an unknown domain', () => {
    spec.given([]).when(input(['+'])).thenRejects('notFound', /no domain/);
  });

  it('refuses a separator that is not valid', () => {
    spec.given([domainAdded('example.org')]).when(input(['x'])).thenRejects('user', /"x" is not valid/);
  });

  it('refuses a separator that configured addresses contain', () => {
    spec
      .given([domainAdded('example.org', ['+'])])
      .when(input(['+', '-'], { addresses: [{ Address: 'first-last@example.org', Account: 'people' }] }))
      .thenRejects('user', /first-last@example\.org \(account people\)/);
  });

  it('refuses to leave FromID login addresses without a separator', () => {
    const fromIdUsers = [{ Account: 'shop', LoginAddresses: ['shop+fromid@example.org'], Addresses: ['shop@example.org'] }];
    spec.given([domainAdded('example.org', ['+'])]).when(input([], { fromIdUsers })).thenRejects('user', /shop\+fromid@example\.org \(account shop\)/);
  });

  it('keeps FromID login addresses that still resolve under the new separators', () => {
    const fromIdUsers = [{ Account: 'shop', LoginAddresses: ['shop+fromid@example.org'], Addresses: ['shop@example.org'] }];
    spec
      .given([domainAdded('example.org', ['-'])])
      .when(input(['+'], { fromIdUsers }))
      .then([{ type: 'DomainLocalpartConfigChanged', data: { Domain: 'example.org', LocalpartCatchallSeparators: ['+'] } }]);
  });
});

describe('SaveDomainDisabled', () => {
  const spec = specification(domainStream, decideSaveDomainDisabled);

  it('disables and enables', () => {
    spec.given([domainAdded('example.org')]).when({ domain: example, Disabled: true }).then([{ type: 'DomainDisabledChanged', data: { Domain: 'example.org', Disabled: true } }]);
    spec
      .given([domainAdded('example.org'), { type: 'DomainDisabledChanged', data: { Domain: 'example.org', Disabled: true } }])
      .when({ domain: example, Disabled: false })
      .then([{ type: 'DomainDisabledChanged', data: { Domain: 'example.org', Disabled: false } }]);
  });

  it('records nothing when unchanged', () => {
    spec.given([domainAdded('example.org')]).when({ domain: example, Disabled: false }).then([]);
  });

  it('answers notFound for an unknown domain', () => {
    spec.given([]).when({ domain: example, Disabled: true }).thenRejects('notFound', /no domain/);
  });
});

describe('AddDomainDKIMKey', () => {
  const spec = specification(domainStream, decideAddDomainDKIMKey);

  it('adds a key under a new selector', () => {
    spec.given([domainAdded('example.org')]).when({ domain: example, Selector: '2025a', key }).then([keyAdded]);
  });

  it('refuses a selector in use, in any case', () => {
    spec.given([domainAdded('example.org'), keyAdded]).when({ domain: example, Selector: '2025A', key }).thenRejects('user', /already has a DKIM key with selector/);
  });

  it('refuses a selector that is not a DNS label', () => {
    spec.given([domainAdded('example.org')]).when({ domain: example, Selector: 'a_b', key }).thenRejects('user', /not a DNS label/);
  });

  it('answers notFound for an unknown domain', () => {
    spec.given([]).when({ domain: example, Selector: '2025a', key }).thenRejects('notFound', /no domain/);
  });
});

describe('RemoveDomainDKIMKey', () => {
  const spec = specification(domainStream, decideRemoveDomainDKIMKey);

  it('removes the key', () => {
    spec
      .given([domainAdded('example.org'), keyAdded])
      .when({ domain: example, Selector: '2025a' })
      .then([{ type: 'DomainDKIMKeyRemoved', data: { Domain: 'example.org', Selector: '2025a' } }]);
  });

  it('answers notFound for an unknown selector, listing the known ones', () => {
    spec.given([domainAdded('example.org'), keyAdded]).when({ domain: example, Selector: '2024a' }).thenRejects('notFound', /has 2025a/);
  });

  it('answers notFound for an unknown domain', () => {
    spec.given([]).when({ domain: example, Selector: '2025a' }).thenRejects('notFound', /no domain/);
  });
});
