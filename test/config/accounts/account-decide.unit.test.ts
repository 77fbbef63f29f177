import { describe, it } from 'node:test';
import { decideAddAccount, type AddAccountInput } from '../../../src/config/accounts/add-account';
import { decideAddAddress } from '../../../src/config/accounts/add-address';
import { accountStream, type AccountEvent } from '../../../src/config/accounts/account-stream';
import { decideRemoveAccount } from '../../../src/config/accounts/remove-account';
import { decideRemoveAddress } from '../../../src/config/accounts/remove-address';
import { decideSaveAccountLoginDisabled } from '../../../src/config/accounts/save-account-login-disabled';
import { decideSaveAccountSettings, type AccountSettingsInput } from '../../../src/config/accounts/save-account-settings';
import { decideSetAccountPassword } from '../../../src/config/accounts/set-account-password';
import { parseAddress } from '../../../src/config/addresses';
import { specification } from '../decider-spec';
import { accountAdded, facts } from '../fixtures';

const HASH = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5';

describe('AddAccount', () => {
  const spec = specification(accountStream, decideAddAccount);
  const input = (more: Partial<AddAccountInput> = {}): AddAccountInput => ({
    Account: 'shop',
    FullName: 'Example Shop',
    PasswordHash: HASH,
    PasswordProblem: null,
    address: facts('Shop@Example.ORG'),
    ...more,
  });

  it('adds the account with mox defaults, its canonical address and the password hash, in one append', () => {
    spec
      .given([])
      .when(input())
      .then([
        {
          type: 'AccountAdded',
          data: { Account: 'shop', FullName: 'Example Shop', MaxOutgoingMessagesPerDay: 1000, MaxFirstTimeRecipientsPerDay: 200, KeepRetiredMessagePeriod: '0s', KeepRetiredWebhookPeriod: '0s' },
        },
        { type: 'AccountAddressAdded', data: { Account: 'shop', Address: 'shop@example.org', Domain: 'example.org' } },
        { type: 'AccountPasswordChanged', data: { Account: 'shop', PasswordHash: HASH } },
      ]);
  });

  it('writes an IDNA address with the Unicode domain and keys it by the ASCII name', () => {
    spec
      .given([])
      .when(input({ address: facts('info@xn--bcher-kva.example'), PasswordHash: '' }))
      .then([
        {
          type: 'AccountAdded',
          data: { Account: 'shop', FullName: 'Example Shop', MaxOutgoingMessagesPerDay: 1000, MaxFirstTimeRecipientsPerDay: 200, KeepRetiredMessagePeriod: '0s', KeepRetiredWebhookPeriod: '0s' },
        },
        { type: 'AccountAddressAdded', data: { Account: 'shop', Address: 'info@bücher.example', Domain: 'xn--bcher-kva.example' } },
      ]);
  });

  for (const [name, more, code, message] of [
    ['a name that is not valid', { Account: '-shop' }, 'user', /account name "-shop" is not valid/],
    ['a name with a space', { Account: 'my shop' }, 'user', /is not valid/],
    ['an address that does not parse', { address: facts('not an address') }, 'badAddress', /no "@"/],
    ['an address in an unknown domain', { address: facts('shop@unknown.example', { separators: null }) }, 'notFound', /domain unknown\.example does not exist/],
    ['an address with a catch-all separator', { address: facts('shop+x@example.org') }, 'user', /contains the catch-all separator "\+"/],
    ['an address of another account', { address: facts('shop@example.org', { owner: 'other' }) }, 'user', /already belongs to account other/],
    ['a full name with a line break', { FullName: 'Shop\r\nBcc: x@y' }, 'user', /FullName must not contain line breaks/],
    ['a short password', { PasswordProblem: 'the password is shorter than 8 characters' }, 'user', /shorter than 8/],
  ] as const) {
    it(`refuses ${name}`, () => {
      spec.given([]).when(input(more as Partial<AddAccountInput>)).thenRejects(code, message);
    });
  }

  it('refuses a name in use, before looking at the address', () => {
    spec.given(accountAdded('shop', 'shop@example.org')).when(input({ address: facts('bad') })).thenRejects('user', /account shop already exists/);
  });
});

describe('RemoveAccount', () => {
  const spec = specification(accountStream, decideRemoveAccount);

  it('removes the account, naming its addresses for the read models', () => {
    spec
      .given(accountAdded('shop', 'shop@example.org', '@example.org'))
      .when({ Account: 'shop' })
      .then([
        {
          type: 'AccountRemoved',
          data: { Account: 'shop', Addresses: [{ Address: 'shop@example.org', Domain: 'example.org' }, { Address: '@example.org', Domain: 'example.org' }] },
        },
      ]);
  });

  it('answers notFound for an unknown or removed account', () => {
    spec.given([]).when({ Account: 'shop' }).thenRejects('notFound', /no account named shop/);
    spec
      .given([...accountAdded('shop', 'shop@example.org'), { type: 'AccountRemoved', data: { Account: 'shop', Addresses: [] } }])
      .when({ Account: 'shop' })
      .thenRejects('notFound', /no account named shop/);
  });
});

describe('SaveAccountSettings', () => {
  const spec = specification(accountStream, decideSaveAccountSettings);
  const settings = (more: Partial<AccountSettingsInput> = {}): AccountSettingsInput => ({
    Account: 'shop',
    FullName: '',
    MaxOutgoingMessagesPerDay: 1000,
    MaxFirstTimeRecipientsPerDay: 200,
    NoCustomPassword: false,
    KeepRetiredMessagePeriod: '0s',
    KeepRetiredWebhookPeriod: '0s',
    ...more,
  });

  it('records the settings and, separately, the retention periods', () => {
    spec
      .given(accountAdded('shop', 'shop@example.org'))
      .when(settings({ MaxOutgoingMessagesPerDay: 5000, NoCustomPassword: true, KeepRetiredMessagePeriod: '168h' }))
      .then([
        { type: 'AccountSettingsChanged', data: { Account: 'shop', FullName: '', MaxOutgoingMessagesPerDay: 5000, MaxFirstTimeRecipientsPerDay: 200, NoCustomPassword: true } },
        { type: 'RetentionPeriodsChanged', data: { Account: 'shop', KeepRetiredMessagePeriod: '168h', KeepRetiredWebhookPeriod: '0s' } },
      ]);
  });

  it('records nothing when nothing changes', () => {
    spec.given(accountAdded('shop', 'shop@example.org')).when(settings()).then([]);
  });

  it('only the periods when only they change', () => {
    spec
      .given(accountAdded('shop', 'shop@example.org'))
      .when(settings({ KeepRetiredWebhookPeriod: '72h' }))
      .then([{ type: 'RetentionPeriodsChanged', data: { Account: 'shop', KeepRetiredMessagePeriod: '0s', KeepRetiredWebhookPeriod: '72h' } }]);
  });

  it('refuses periods that are not durations and negative limits, listing every problem', () => {
    spec
      .given(accountAdded('shop', 'shop@example.org'))
      .when(settings({ KeepRetiredMessagePeriod: '3 days', MaxOutgoingMessagesPerDay: -1 }))
      .thenRejects('user', /MaxOutgoingMessagesPerDay must be a whole number.*KeepRetiredMessagePeriod: "3 days" is not a duration/);
  });

  it('answers notFound for an unknown account', () => {
    spec.given([]).when(settings()).thenRejects('notFound', /no account named shop/);
  });
});

describe('SaveAccountLoginDisabled', () => {
  const spec = specification(accountStream, decideSaveAccountLoginDisabled);

  it('disables with a reason and enables with ""', () => {
    const disabled: AccountEvent = { type: 'AccountLoginDisabledChanged', data: { Account: 'shop', LoginDisabled: 'unpaid invoice' } };
    spec.given(accountAdded('shop', 'shop@example.org')).when({ Account: 'shop', LoginDisabled: 'unpaid invoice' }).then([disabled]);
    spec
      .given([...accountAdded('shop', 'shop@example.org'), disabled])
      .when({ Account: 'shop', LoginDisabled: '' })
      .then([{ type: 'AccountLoginDisabledChanged', data: { Account: 'shop', LoginDisabled: '' } }]);
  });

  it('records nothing when unchanged, refuses line breaks and unknown accounts', () => {
    spec.given(accountAdded('shop', 'shop@example.org')).when({ Account: 'shop', LoginDisabled: '' }).then([]);
    spec.given(accountAdded('shop', 'shop@example.org')).when({ Account: 'shop', LoginDisabled: 'a\nb' }).thenRejects('user', /line breaks/);
    spec.given([]).when({ Account: 'shop', LoginDisabled: 'x' }).thenRejects('notFound', /no account/);
  });
});

describe('SetAccountPassword', () => {
  const spec = specification(accountStream, decideSetAccountPassword);
  const noCustom: AccountEvent = {
    type: 'AccountSettingsChanged',
    data: { Account: 'shop', FullName: '', MaxOutgoingMessagesPerDay: 1000, MaxFirstTimeRecipientsPerDay: 200, NoCustomPassword: true },
  };

  it('records the new hash', () => {
    spec
      .given(accountAdded('shop', 'shop@example.org'))
      .when({ Account: 'shop', PasswordHash: HASH, PasswordProblem: null, ByAccount: true })
      .then([{ type: 'AccountPasswordChanged', data: { Account: 'shop', PasswordHash: HASH } }]);
  });

  it('refuses the account itself under NoCustomPassword, before looking at the password', () => {
    spec
      .given([...accountAdded('shop', 'shop@example.org'), noCustom])
      .when({ Account: 'shop', PasswordHash: '', PasswordProblem: 'the password is shorter than 8 characters', ByAccount: true })
      .thenRejects('user', /NoCustomPassword/);
  });

  it('lets the administrator set it under NoCustomPassword', () => {
    spec
      .given([...accountAdded('shop', 'shop@example.org'), noCustom])
      .when({ Account: 'shop', PasswordHash: HASH, PasswordProblem: null, ByAccount: false })
      .then([{ type: 'AccountPasswordChanged', data: { Account: 'shop', PasswordHash: HASH } }]);
  });

  it('refuses a password with a problem, and unknown accounts', () => {
    spec
      .given(accountAdded('shop', 'shop@example.org'))
      .when({ Account: 'shop', PasswordHash: '', PasswordProblem: 'the password is shorter than 8 characters', ByAccount: false })
      .thenRejects('user', /shorter than 8/);
    spec.given([]).when({ Account: 'shop', PasswordHash: HASH, PasswordProblem: null, ByAccount: false }).thenRejects('notFound', /no account/);
  });
});

describe('AddAddress', () => {
  const spec = specification(accountStream, decideAddAddress);

  it('adds an address and a catch-all', () => {
    spec
      .given(accountAdded('shop', 'shop@example.org'))
      .when({ Account: 'shop', address: facts('Orders@example.org') })
      .then([{ type: 'AccountAddressAdded', data: { Account: 'shop', Address: 'orders@example.org', Domain: 'example.org' } }]);
    spec
      .given(accountAdded('shop', 'shop@example.org'))
      .when({ Account: 'shop', address: facts('@example.org') })
      .then([{ type: 'AccountAddressAdded', data: { Account: 'shop', Address: '@example.org', Domain: 'example.org' } }]);
  });

  for (const [name, address, code, message] of [
    ['a bad address', facts('a@@'), 'badAddress', /the domain is empty/],
    ['an unknown domain', facts('x@other.example', { separators: null }), 'notFound', /does not exist/],
    ['an address of another account', facts('x@example.org', { owner: 'other' }), 'user', /already belongs to account other/],
    ['an address with a separator', facts('x+y@example.org'), 'user', /separator/],
  ] as const) {
    it(`refuses ${name}`, () => {
      spec.given(accountAdded('shop', 'shop@example.org')).when({ Account: 'shop', address }).thenRejects(code, message);
    });
  }

  it('refuses an address the account already has, even when the read model lags', () => {
    spec.given(accountAdded('shop', 'shop@example.org')).when({ Account: 'shop', address: facts('shop@example.org') }).thenRejects('user', /already belongs to account shop/);
  });

  it('answers notFound for an unknown account first', () => {
    spec.given([]).when({ Account: 'shop', address: facts('bad') }).thenRejects('notFound', /no account named shop/);
  });
});

describe('RemoveAddress', () => {
  const spec = specification(accountStream, decideRemoveAddress);
  const parsed = (a: string) => {
    const p = parseAddress(a, { allowCatchall: true });
    if (!p.ok) throw new Error(p.error);
    return p.value;
  };

  it('removes an address', () => {
    spec
      .given(accountAdded('shop', 'shop@example.org', 'orders@example.org'))
      .when({ address: parsed('orders@example.org'), separators: ['+'] })
      .then([{ type: 'AccountAddressRemoved', data: { Account: 'shop', Address: 'orders@example.org', Domain: 'example.org' } }]);
  });

  it('refuses the last address', () => {
    spec.given(accountAdded('shop', 'shop@example.org')).when({ address: parsed('shop@example.org'), separators: ['+'] }).thenRejects('user', /last address/);
  });

  it('answers notFound when the account does not have it', () => {
    spec.given(accountAdded('shop', 'shop@example.org')).when({ address: parsed('x@example.org'), separators: ['+'] }).thenRejects('notFound', /no account has address x@example\.org/);
  });

  it('drops FromID login addresses that only belonged through the removed address', () => {
    spec
      .given([
        ...accountAdded('shop', 'shop@example.org', 'orders@example.org'),
        { type: 'FromIDLoginAddressesChanged', data: { Account: 'shop', LoginAddresses: ['shop+fromid@example.org', 'orders+fromid@example.org'] } },
      ])
      .when({ address: parsed('orders@example.org'), separators: ['+'] })
      .then([
        { type: 'AccountAddressRemoved', data: { Account: 'shop', Address: 'orders@example.org', Domain: 'example.org' } },
        { type: 'FromIDLoginAddressesChanged', data: { Account: 'shop', LoginAddresses: ['shop+fromid@example.org'] } },
      ]);
  });
});
