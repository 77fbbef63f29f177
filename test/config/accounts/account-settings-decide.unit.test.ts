// The account's own settings (webapi), with mox's account page tests (reference 10.44).
import { describe, it } from 'node:test';
import { accountStream } from '../../../src/config/accounts/account-stream';
import { decideSaveFromIDLoginAddresses, type SaveFromIDLoginAddressesInput } from '../../../src/config/accounts/save-fromid-login-addresses';
import { decideSaveIncomingWebhook } from '../../../src/config/accounts/save-incoming-webhook';
import { decideSaveKeepRetiredPeriods } from '../../../src/config/accounts/save-keep-retired-periods';
import { decideSaveOutgoingWebhook, type SaveOutgoingWebhookInput } from '../../../src/config/accounts/save-outgoing-webhook';
import { decideSaveWebhookSecret } from '../../../src/config/accounts/save-webhook-secret';
import { specification } from '../decider-spec';
import { accountAdded } from '../fixtures';

const mjl = accountAdded('mjl', 'mjl@mox.example', 'other@mox2.example');

describe('SaveOutgoingWebhook', () => {
  const spec = specification(accountStream, decideSaveOutgoingWebhook);
  const save = (more: Partial<SaveOutgoingWebhookInput>): SaveOutgoingWebhookInput => ({
    Account: 'mjl',
    URL: 'https://app.example.org/hook',
    Authorization: '',
    Events: [],
    allowPrivateTargets: false,
    ...more,
  });
  const hook = (Events: string[]) => ({ type: 'OutgoingWebhookChanged', data: { Account: 'mjl', OutgoingWebhook: { URL: 'https://app.example.org/hook', Authorization: 'Basic dXNlcm5hbWU6cGFzc3dvcmQ=', Events } } });

  it('accepts events ["delivered"] and [] (all)', () => {
    spec.given(mjl).when(save({ Authorization: 'Basic dXNlcm5hbWU6cGFzc3dvcmQ=', Events: ['delivered'] })).then([hook(['delivered'])]);
    spec.given(mjl).when(save({ Authorization: 'Basic dXNlcm5hbWU6cGFzc3dvcmQ=', Events: [] })).then([hook([])]);
  });

  it('clears the webhook with an empty URL, and records nothing when there is none', () => {
    spec.given([...mjl, hook([]) as never]).when(save({ URL: '', Events: ['bogus'] })).then([{ type: 'OutgoingWebhookChanged', data: { Account: 'mjl', OutgoingWebhook: null } }]);
    spec.given(mjl).when(save({ URL: '' })).then([]);
  });

  it('records nothing when saved unchanged', () => {
    spec.given([...mjl, hook(['failed']) as never]).when(save({ Authorization: 'Basic dXNlcm5hbWU6cGFzc3dvcmQ=', Events: ['failed'] })).then([]);
  });

  for (const [name, more, message] of [
    ['event "bogus"', { Events: ['bogus'] }, /unknown event "bogus"/],
    ['an event twice', { Events: ['failed', 'failed'] }, /listed twice/],
    ['URL "invalid"', { URL: 'invalid' }, /"invalid" is not an absolute URL/],
    ['an ftp URL', { URL: 'ftp://app.example.org/' }, /must start with http/],
    ['a loopback URL', { URL: 'http://127.0.0.1:8080/hook' }, /loopback or private/],
    ['a localhost URL', { URL: 'http://localhost/hook' }, /loopback or private/],
    ['a private IPv6 URL', { URL: 'http://[fd00::1]/hook' }, /loopback or private/],
    ['an IPv4-mapped loopback URL', { URL: 'http://[::ffff:127.0.0.1]/hook' }, /loopback or private/],
    ['an Authorization with a line break', { Authorization: 'Bearer x\r\nX-Evil: 1' }, /Authorization must not contain line breaks/],
  ] as const) {
    it(`refuses ${name} as a user error`, () => {
      spec.given(mjl).when(save(more as Partial<SaveOutgoingWebhookInput>)).thenRejects('user', message);
    });
  }

  it('allows private targets where the bootstrap file allows them (localserve)', () => {
    spec
      .given(mjl)
      .when(save({ URL: 'http://127.0.0.1:8080/hook', allowPrivateTargets: true }))
      .then([{ type: 'OutgoingWebhookChanged', data: { Account: 'mjl', OutgoingWebhook: { URL: 'http://127.0.0.1:8080/hook', Authorization: '', Events: [] } } }]);
  });
});

describe('SaveIncomingWebhook', () => {
  const spec = specification(accountStream, decideSaveIncomingWebhook);

  it('sets and clears the webhook', () => {
    const set = { type: 'IncomingWebhookChanged', data: { Account: 'mjl', IncomingWebhook: { URL: 'https://app.example.org/in', Authorization: 'Bearer t' } } };
    spec.given(mjl).when({ Account: 'mjl', URL: 'https://app.example.org/in', Authorization: 'Bearer t', allowPrivateTargets: false }).then([set]);
    spec.given([...mjl, set as never]).when({ Account: 'mjl', URL: '', Authorization: '', allowPrivateTargets: false }).then([{ type: 'IncomingWebhookChanged', data: { Account: 'mjl', IncomingWebhook: null } }]);
  });

  it('refuses a URL that is not http(s)', () => {
    spec.given(mjl).when({ Account: 'mjl', URL: 'mailto:x@y', Authorization: '', allowPrivateTargets: false }).thenRejects('user', /must start with http/);
  });
});

describe('SaveWebhookSecret', () => {
  const spec = specification(accountStream, decideSaveWebhookSecret);
  const secret = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;

  it('sets and clears the secret', () => {
    spec.given(mjl).when({ Account: 'mjl', Secret: secret }).then([{ type: 'WebhookSecretChanged', data: { Account: 'mjl', Secret: secret } }]);
    spec
      .given([...mjl, { type: 'WebhookSecretChanged', data: { Account: 'mjl', Secret: secret } }])
      .when({ Account: 'mjl', Secret: '' })
      .then([{ type: 'WebhookSecretChanged', data: { Account: 'mjl', Secret: '' } }]);
  });

  it('refuses a secret without whsec_ or with too few bytes', () => {
    spec.given(mjl).when({ Account: 'mjl', Secret: 'secret' }).thenRejects('user', /whsec_/);
    spec.given(mjl).when({ Account: 'mjl', Secret: `whsec_${Buffer.alloc(12).toString('base64')}` }).thenRejects('user', /whsec_/);
  });
});

describe('SaveFromIDLoginAddresses', () => {
  const spec = specification(accountStream, decideSaveFromIDLoginAddresses);
  const domains = [
    { ascii: 'mox.example', separators: ['+'] },
    { ascii: 'mox2.example', separators: [] },
  ];
  const save = (LoginAddresses: string[]): SaveFromIDLoginAddressesInput => ({ Account: 'mjl', LoginAddresses, domains });
  const changed = (LoginAddresses: string[]) => [{ type: 'FromIDLoginAddressesChanged', data: { Account: 'mjl', LoginAddresses } }];

  it("accepts the account's address, its +fromid variant, or []", () => {
    spec.given(mjl).when(save(['mjl@mox.example'])).then(changed(['mjl@mox.example']));
    spec.given(mjl).when(save(['mjl+fromid@mox.example'])).then(changed(['mjl+fromid@mox.example']));
    spec.given(mjl).when(save([])).then([]);
  });

  it('stores entries canonical: lower-case localpart, Unicode domain', () => {
    spec.given(mjl).when(save(['MJL+FromID@MOX.example'])).then(changed(['mjl+fromid@mox.example']));
  });

  it('accepts any variant when the account has the catch-all', () => {
    spec.given(accountAdded('mjl', 'mjl@mox.example', '@mox.example')).when(save(['anything+x@mox.example'])).then(changed(['anything+x@mox.example']));
  });

  for (const [name, entries, code, message] of [
    ['an address in an unknown domain', ['mjl+fromid@unknown.example'], 'user', /domain unknown\.example is not configured/],
    ['an address of a domain without separator', ['other@mox2.example'], 'user', /has no catch-all separator/],
    ['an address of someone else', ['other+fromid@mox.example'], 'user', /is not an address of the account/],
    ['something that is not an address', ['not an address'], 'badAddress', /no "@"/],
    ['an entry twice', ['mjl+a@mox.example', 'MJL+A@mox.example'], 'user', /listed twice/],
  ] as const) {
    it(`refuses ${name}`, () => {
      spec.given(mjl).when(save([...entries])).thenRejects(code, message);
    });
  }
});

describe('SaveKeepRetiredPeriods', () => {
  const spec = specification(accountStream, decideSaveKeepRetiredPeriods);

  it('records new periods, nothing when unchanged', () => {
    spec
      .given(mjl)
      .when({ Account: 'mjl', KeepRetiredMessagePeriod: '72h', KeepRetiredWebhookPeriod: '1h30m' })
      .then([{ type: 'RetentionPeriodsChanged', data: { Account: 'mjl', KeepRetiredMessagePeriod: '72h', KeepRetiredWebhookPeriod: '1h30m' } }]);
    spec.given(mjl).when({ Account: 'mjl', KeepRetiredMessagePeriod: '0s', KeepRetiredWebhookPeriod: '0s' }).then([]);
  });

  it('refuses what is not a duration, naming the field', () => {
    spec.given(mjl).when({ Account: 'mjl', KeepRetiredMessagePeriod: '72', KeepRetiredWebhookPeriod: '-1h' }).thenRejects('user', /KeepRetiredMessagePeriod: "72".*KeepRetiredWebhookPeriod: "-1h"/);
  });
});
