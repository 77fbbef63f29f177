// The error lists in the method descriptions ("Errors, in the order they are checked") name the codes the
// methods answer: each case here provokes one error on a running node and checks both the answer and that
// the method's description lists its code. Cases that need a race (the calling account removed while a
// webapi call runs) call the method with the login of an account removed beforehand.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErrorCode } from '../../src/api/api-error';
import { ApiError } from '../../src/api/api-error';
import type { ApiMethodHandler, ApiName } from '../../src/api/api-method';
import { loadSpecs } from '../../src/api/spec';
import { hashPassword } from '../../src/auth/passwords';
import {
  AccountSettingsGetMethod,
  FromIDLoginAddressesSaveMethod,
  IncomingWebhookSaveMethod,
  KeepRetiredPeriodsSaveMethod,
  OutgoingWebhookSaveMethod,
  PasswordSaveMethod,
  WebhookSecretSaveMethod,
} from '../../src/config/api/account-settings-methods';
import { SendMethod } from '../../src/sending/send.method';
import { accountCaller } from '../support/delivery-node';
import { startTestNode, type TestNode } from '../support/test-node';

const specs = loadSpecs();

/** The codes each bullet of the description's error list starts with (`a` / `b`: both), in order. */
function documentedCodes(api: ApiName, method: string): string[] {
  const op = specs.operations.find((o) => o.api === api && o.method === method);
  assert.ok(op, `${api} ${method} is not in the spec`);
  const start = op.description.indexOf('Errors, in the order they are checked:');
  assert.ok(start >= 0, `${api} ${method} has no error list`);
  return [...op.description.slice(start).matchAll(/^- ((?:`[A-Za-z]+`(?: \/ )?)+)/gm)].flatMap((m) => [...m[1].matchAll(/`([A-Za-z]+)`/g)].map((c) => c[1]));
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const ADMIN = basic('admin', 'admin password');
const MJL = basic('mjl@mox.example', 'a-password-for-tests');

interface Case {
  api: ApiName;
  method: string;
  body: unknown;
  code: ErrorCode;
  /** What the case shows, for the test name. */
  what: string;
}

const TOO_FAR = '<99999999999h';

const cases: Case[] = [
  // webapi: the calling account's settings.
  { api: 'webapi', method: 'KeepRetiredPeriodsSave', body: { KeepRetiredMessagePeriod: '99999999h', KeepRetiredWebhookPeriod: '0s' }, code: 'user', what: 'a period beyond 292 years' },
  { api: 'webapi', method: 'OutgoingWebhookSave', body: { URL: 'https://app.example.org/hooks', Events: ['delivered', 'delivered'] }, code: 'user', what: 'an event listed twice' },
  { api: 'webapi', method: 'OutgoingWebhookSave', body: { URL: 'https://app.example.org/hooks', Authorization: 'Basic a\r\nX: y' }, code: 'user', what: 'a line break in Authorization' },
  { api: 'webapi', method: 'IncomingWebhookSave', body: { URL: 'https://app.example.org/hooks', Authorization: 'Basic a\nb' }, code: 'user', what: 'a line break in Authorization' },
  { api: 'webapi', method: 'FromIDLoginAddressesSave', body: { LoginAddresses: ['mjl+a@mox.example', 'MJL+a@mox.example'] }, code: 'user', what: 'an address listed twice' },
  { api: 'webapi', method: 'PasswordSave', body: { Password: 'long enough\u0007but a bell' }, code: 'user', what: 'a control character in the password' },
  { api: 'webapi', method: 'OutgoingWebhookTest', body: { URL: 'https://app.example.org/hooks', Authorization: 'a\nb', Payload: outgoingPayload() }, code: 'user', what: 'a line break in Authorization' },
  // webapi Send.
  { api: 'webapi', method: 'Send', body: { To: [{ Address: 'ann@example.org' }], ReplyTo: [{ Name: 'Bad\u0007Name', Address: 'reply@example.org' }], Text: 'hi' }, code: 'user', what: 'a control character in a ReplyTo name' },
  { api: 'webapi', method: 'Send', body: { To: [{ Address: 'ann@example.org' }], Date: '2016-12-31T23:59:60Z', Text: 'hi' }, code: 'user', what: 'a leap second as Date' },
  // webapi listings.
  { api: 'webapi', method: 'QueueList', body: { Filter: { NextAttempt: TOO_FAR }, Sort: {} }, code: 'user', what: 'a time filter beyond the last date' },
  { api: 'webapi', method: 'QueueList', body: { Filter: {}, Sort: { LastID: 5 } }, code: 'user', what: 'Sort.LastID without Sort.Last' },
  { api: 'webapi', method: 'QueueList', body: { Filter: { Max: 1e300 }, Sort: {} }, code: 'user', what: 'a Max beyond 2^53' },
  { api: 'webapi', method: 'RetiredList', body: { Filter: { LastActivity: TOO_FAR }, Sort: {} }, code: 'user', what: 'a time filter beyond the last date' },
  { api: 'webapi', method: 'RetiredList', body: { Filter: {}, Sort: { LastID: 5, Last: '2016-12-31T23:59:60Z' } }, code: 'user', what: 'a leap second as Sort.Last' },
  { api: 'webapi', method: 'HookList', body: { Filter: { Submitted: TOO_FAR }, Sort: {} }, code: 'user', what: 'a time filter beyond the last date' },
  { api: 'webapi', method: 'HookList', body: { Filter: {}, Sort: { LastID: 5 } }, code: 'user', what: 'Sort.LastID without Sort.Last' },
  { api: 'webapi', method: 'HookRetiredList', body: { Filter: { LastActivity: TOO_FAR }, Sort: {} }, code: 'user', what: 'a time filter beyond the last date' },
  { api: 'webapi', method: 'HookRetiredList', body: { Filter: {}, Sort: { LastID: 5 } }, code: 'user', what: 'Sort.LastID without Sort.Last' },
  // adminapi: accounts, addresses and domains.
  { api: 'adminapi', method: 'AccountSettingsSave', body: accountSettings({ KeepRetiredMessagePeriod: '99999999h' }), code: 'user', what: 'a period beyond 292 years' },
  { api: 'adminapi', method: 'AccountSettingsSave', body: accountSettings({ FullName: 'Mechiel\nLukkien' }), code: 'user', what: 'a line break in FullName' },
  { api: 'adminapi', method: 'AccountSettingsSave', body: accountSettings({ MaxOutgoingMessagesPerDay: 1e300 }), code: 'user', what: 'a limit beyond 2^53' },
  { api: 'adminapi', method: 'AccountSettingsSave', body: accountSettings({ Account: 'nobody' }), code: 'notFound', what: 'an unknown account' },
  { api: 'adminapi', method: 'AccountLoginDisabledSave', body: { Account: 'mjl', LoginDisabled: 'paused\nfor now' }, code: 'user', what: 'a line break in the message' },
  { api: 'adminapi', method: 'AccountAdd', body: { Account: 'newcomer', Address: 'newcomer@mox.example', FullName: 'New\ncomer' }, code: 'user', what: 'a line break in FullName' },
  { api: 'adminapi', method: 'AccountAdd', body: { Account: 'newcomer', Address: 'new+comer@mox.example' }, code: 'user', what: 'an address with a catch-all separator' },
  { api: 'adminapi', method: 'AccountPasswordSet', body: { Account: 'mjl', Password: 'long enough\u0007but a bell' }, code: 'user', what: 'a control character in the password' },
  { api: 'adminapi', method: 'AddressAdd', body: { Account: 'mjl', Address: 'mjl+extra@mox.example' }, code: 'user', what: 'an address with a catch-all separator' },
  { api: 'adminapi', method: 'DomainLocalpartConfigSave', body: { Domain: 'mox.example', LocalpartCatchallSeparators: ['-'] }, code: 'user', what: 'an address that would become unreachable' },
  { api: 'adminapi', method: 'DomainLocalpartConfigSave', body: { Domain: 'mox.example', LocalpartCatchallSeparators: [] }, code: 'user', what: 'a FromID login address that would stop working' },
  { api: 'adminapi', method: 'DomainAdd', body: { Domain: 'other.example', LocalpartCatchallSeparators: ['@'] }, code: 'user', what: 'a separator that needs quoting' },
  // adminapi: the queue, webhooks and replays.
  { api: 'adminapi', method: 'QueueList', body: { Filter: { Submitted: TOO_FAR }, Sort: {} }, code: 'user', what: 'a time filter beyond the last date' },
  { api: 'adminapi', method: 'QueueList', body: { Filter: {}, Sort: { LastID: 5 } }, code: 'user', what: 'Sort.LastID without Sort.Last' },
  { api: 'adminapi', method: 'RetiredList', body: { Filter: { Max: 1e300 }, Sort: {} }, code: 'user', what: 'a Max beyond 2^53' },
  { api: 'adminapi', method: 'QueueHoldSet', body: { Filter: { NextAttempt: TOO_FAR }, OnHold: true }, code: 'user', what: 'a time filter beyond the last date' },
  { api: 'adminapi', method: 'QueueHoldSet', body: { Filter: { Max: 1e300 }, OnHold: true }, code: 'user', what: 'a Max beyond 2^53' },
  { api: 'adminapi', method: 'QueueNextAttemptSet', body: { Filter: {}, Minutes: 2_000_000_000 }, code: 'user', what: 'Minutes out of range' },
  { api: 'adminapi', method: 'QueueNextAttemptAdd', body: { Filter: {}, Minutes: -2_000_000_000 }, code: 'user', what: 'Minutes out of range' },
  { api: 'adminapi', method: 'QueueNextAttemptAdd', body: { Filter: { Submitted: TOO_FAR }, Minutes: 1 }, code: 'user', what: 'a time filter beyond the last date' },
  { api: 'adminapi', method: 'QueueTransportSet', body: { Filter: { Submitted: TOO_FAR }, Transport: '' }, code: 'user', what: 'a time filter beyond the last date' },
  { api: 'adminapi', method: 'QueueRequireTLSSet', body: { Filter: { Submitted: TOO_FAR }, RequireTLS: null }, code: 'user', what: 'a time filter beyond the last date' },
  { api: 'adminapi', method: 'QueueFail', body: { Filter: { Submitted: TOO_FAR } }, code: 'user', what: 'a time filter beyond the last date' },
  { api: 'adminapi', method: 'QueueDrop', body: { Filter: { Max: 1e300 } }, code: 'user', what: 'a Max beyond 2^53' },
  { api: 'adminapi', method: 'HookList', body: { Filter: { NextAttempt: TOO_FAR }, Sort: {} }, code: 'user', what: 'a time filter beyond the last date' },
  { api: 'adminapi', method: 'HookRetiredList', body: { Filter: {}, Sort: { LastID: 5 } }, code: 'user', what: 'Sort.LastID without Sort.Last' },
  { api: 'adminapi', method: 'HookNextAttemptSet', body: { Filter: { Submitted: TOO_FAR }, Minutes: 0 }, code: 'user', what: 'a time filter beyond the last date' },
  { api: 'adminapi', method: 'HookNextAttemptAdd', body: { Filter: { Max: 1e300 }, Minutes: 0 }, code: 'user', what: 'a Max beyond 2^53' },
  { api: 'adminapi', method: 'HookNextAttemptSet', body: { Filter: {}, Minutes: 2_000_000_000 }, code: 'user', what: 'Minutes out of range' },
  { api: 'adminapi', method: 'HookNextAttemptAdd', body: { Filter: {}, Minutes: 1e300 }, code: 'user', what: 'Minutes out of range' },
  { api: 'adminapi', method: 'HookCancel', body: { Filter: { NextAttempt: TOO_FAR } }, code: 'user', what: 'a time filter beyond the last date' },
  { api: 'adminapi', method: 'WebhookReplay', body: { Account: 'mjl', Since: '2016-12-31T23:59:60Z' }, code: 'user', what: 'a leap second as Since' },
];

function accountSettings(change: Record<string, unknown>): Record<string, unknown> {
  return {
    Account: 'mjl',
    FullName: 'Mechiel Lukkien',
    MaxOutgoingMessagesPerDay: 1000,
    MaxFirstTimeRecipientsPerDay: 200,
    NoCustomPassword: false,
    KeepRetiredMessagePeriod: '0s',
    KeepRetiredWebhookPeriod: '0s',
    ...change,
  };
}

function outgoingPayload(): unknown {
  const hook = specs.webhooks.find((h) => h.name === 'outgoing');
  assert.ok(hook && hook.examples.length > 0, 'no outgoing webhook example');
  return hook.examples[0].value;
}

describe('the documented error codes are the ones answered', () => {
  let node: TestNode;

  async function call(api: ApiName, method: string, body: unknown): Promise<{ status: number; json: any }> {
    const response = await fetch(`${node.url}/${api}/v0/${method}`, {
      method: 'POST',
      headers: { authorization: api === 'adminapi' ? ADMIN : MJL, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text.startsWith('{') ? JSON.parse(text) : text };
  }

  async function ok(api: ApiName, method: string, body: unknown): Promise<void> {
    const answer = await call(api, method, body);
    assert.equal(answer.status, 200, `${method}: ${JSON.stringify(answer.json)}`);
  }

  before(async () => {
    node = await startTestNode({ listen: true, bootstrap: { adminPasswordHash: await hashPassword('admin password') } });
    await ok('adminapi', 'DomainAdd', { Domain: 'mox.example', LocalpartCatchallSeparators: ['+'] });
    await ok('adminapi', 'AccountAdd', { Account: 'mjl', Address: 'mjl@mox.example', Password: 'a-password-for-tests' });
    // For DomainLocalpartConfigSave: an address a "-" separator would split, and a FromID login address
    // that needs the "+" separator.
    await ok('adminapi', 'AddressAdd', { Account: 'mjl', Address: 'mjl-list@mox.example' });
    await ok('webapi', 'FromIDLoginAddressesSave', { LoginAddresses: ['mjl+fromid@mox.example'] });
    await ok('adminapi', 'AccountAdd', { Account: 'gone', Address: 'gone@mox.example', Password: 'a-password-for-tests' });
    await ok('adminapi', 'AccountRemove', { Account: 'gone' });
  });
  after(async () => node?.stop());

  for (const c of cases) {
    it(`${c.api} ${c.method}: ${c.what} is ${c.code}, and documented`, async () => {
      const answer = await call(c.api, c.method, c.body);
      assert.equal(answer.status, 400, JSON.stringify(answer.json));
      assert.equal(answer.json.Code, c.code, answer.json.Message);
      assert.ok(documentedCodes(c.api, c.method).includes(c.code), `${c.api} ${c.method} does not list ${c.code}`);
    });
  }

  // The login was checked before the account went away; the method runs for an account that is gone.
  const removedMeanwhile: [string, new (...args: any[]) => ApiMethodHandler, unknown, ErrorCode][] = [
    ['AccountSettingsGet', AccountSettingsGetMethod, {}, 'user'],
    ['OutgoingWebhookSave', OutgoingWebhookSaveMethod, { URL: '' }, 'notFound'],
    ['IncomingWebhookSave', IncomingWebhookSaveMethod, { URL: '' }, 'notFound'],
    ['WebhookSecretSave', WebhookSecretSaveMethod, { Secret: '' }, 'notFound'],
    ['FromIDLoginAddressesSave', FromIDLoginAddressesSaveMethod, { LoginAddresses: [] }, 'notFound'],
    ['KeepRetiredPeriodsSave', KeepRetiredPeriodsSaveMethod, { KeepRetiredMessagePeriod: '0s', KeepRetiredWebhookPeriod: '0s' }, 'notFound'],
    ['PasswordSave', PasswordSaveMethod, { Password: 'a-new-password' }, 'notFound'],
    ['Send', SendMethod, { To: [{ Address: 'ann@example.org' }], Text: 'hi' }, 'server'],
  ];
  for (const [method, type, request, code] of removedMeanwhile) {
    it(`webapi ${method}: the calling account removed meanwhile is ${code}, and documented`, async () => {
      await assert.rejects(node.get(type).handle(request, accountCaller('gone', 'gone@mox.example'), []), (err: unknown) => {
        assert.ok(err instanceof ApiError, String(err));
        assert.equal(err.code, code, err.message);
        return true;
      });
      assert.ok(documentedCodes('webapi', method).includes(code), `webapi ${method} does not list ${code}`);
    });
  }
});
