// Schema violations become one message that names each field and says what to change, through the
// validators compiled from openapi/ (the same ones the server uses).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileValidators, formatValidationErrors, type ApiName } from '../../src/api/spec';

const validators = compileValidators();

const cases: [string, { api: ApiName; method: string; given: unknown; says: string }][] = [
  ['a wrong type deep inside', { api: 'webapi', method: 'Send', given: { To: [{ Address: 5 }], Text: 'hi' }, says: 'request field "To[0].Address": must be string' }],
  ['a misspelled field', { api: 'webapi', method: 'Send', given: { To: [{ Address: 'a@example.com' }], Subjct: 'hi' }, says: 'unknown field "Subjct" (did you mean "Subject"?)' }],
  ['a misspelled nested field', { api: 'webapi', method: 'Send', given: { To: [{ Nmae: 'Alice', Address: 'a@example.com' }] }, says: 'unknown field "To[0].Nmae" (did you mean "To[0].Name"?)' }],
  ['an unknown field without a near name', { api: 'webapi', method: 'SuppressionPresent', given: { Address: 'a@example.com' }, says: 'unknown field "Address" (known fields: EmailAddress)' }],
  ['any field for a method without parameters', { api: 'webapi', method: 'SuppressionList', given: { Account: 'shop' }, says: 'unknown field "Account" (request takes no fields)' }],
  ['not an object', { api: 'webapi', method: 'SuppressionList', given: [], says: 'request: must be object' }],
  ['a missing required field', { api: 'adminapi', method: 'DomainAdd', given: {}, says: 'missing required field "Domain"' }],
  ['a header that is not a pair', { api: 'webapi', method: 'Send', given: { Headers: [['X-Order']] }, says: 'request field "Headers[0]": must have at least 2 items' }],
  ['a time that is not RFC 3339', { api: 'webapi', method: 'Send', given: { FutureRelease: 'tomorrow' }, says: 'request field "FutureRelease": must be an RFC 3339 date-time such as "2025-03-14T09:26:53Z" (got "tomorrow")' }],
  ['a nullable boolean given a string', { api: 'webapi', method: 'Send', given: { RequireTLS: 'yes' }, says: 'request field "RequireTLS": must be boolean or null' }],
  ['a nullable object given a number', { api: 'webapi', method: 'OutgoingWebhookTest', given: { URL: 'https://app.example.org/', Payload: 5 }, says: 'request field "Payload": must be object' }],
  ['a map key that is not an identifier', { api: 'webapi', method: 'Send', given: { Extra: { 'order id': 5 } }, says: 'request field "Extra["order id"]": must be string' }],
  ['a misspelled event', { api: 'webapi', method: 'OutgoingWebhookSave', given: { URL: 'https://app.example.org/', Events: ['delivred'] }, says: 'request field "Events[0]": must be one of "delivered", "suppressed", "delayed", "failed", "relayed", "expanded", "canceled", "unrecognized" (got "delivred") (did you mean "delivered"?)' }],
  ['a time filter without < or >', { api: 'adminapi', method: 'QueueList', given: { Filter: { NextAttempt: '1h' } }, says: 'request field "Filter.NextAttempt": must be "<" or ">" followed by "now" or a duration relative to now, such as "<-1h" or ">10m" (got "1h")' }],
  ['a sort field in the wrong case', { api: 'adminapi', method: 'RetiredList', given: { Sort: { Field: 'queued' } }, says: 'request field "Sort.Field": must be one of "", "LastActivity", "Queued" (got "queued") (did you mean "Queued"?)' }],
  ['a duration in words', { api: 'webapi', method: 'KeepRetiredPeriodsSave', given: { KeepRetiredMessagePeriod: '3 days', KeepRetiredWebhookPeriod: '72h' }, says: 'request field "KeepRetiredMessagePeriod": must be a duration such as "72h", "90m" or "0s" (got "3 days")' }],
  ['a webhook secret that is too short', { api: 'webapi', method: 'WebhookSecretSave', given: { Secret: 'whsec_c2hvcnQ=' }, says: 'request field "Secret": must be "whsec_" followed by the base64 of 24 to 64 random bytes, or empty (got "whsec_c2hvcnQ=")' }],
  ['a negative count', { api: 'adminapi', method: 'AccountSettingsSave', given: { Account: 'shop', FullName: '', MaxOutgoingMessagesPerDay: -1, MaxFirstTimeRecipientsPerDay: 0, NoCustomPassword: false, KeepRetiredMessagePeriod: '0s', KeepRetiredWebhookPeriod: '0s' }, says: 'request field "MaxOutgoingMessagesPerDay": must be >= 0 (got -1)' }],
  ['a fraction where an ID goes', { api: 'webapi', method: 'MessageGet', given: { MsgID: 4.5 }, says: 'request field "MsgID": must be a whole number within 64 bits (got 4.5)' }],
];
for (const [name, { api, method, given, says }] of cases) {
  test(`names the problem: ${name}`, () => {
    const validate = validators[api][method];
    assert.equal(validate(given), false);
    assert.equal(formatValidationErrors(validate.errors, given), says);
  });
}

test('lists every problem of one request, unknown fields and missing ones alike', () => {
  const given = { OnHlod: true, Filter: { Hold: 'yes' } };
  const validate = validators.adminapi.QueueHoldSet;
  assert.equal(validate(given), false);
  const message = formatValidationErrors(validate.errors, given);
  for (const part of ['missing required field "OnHold"', 'unknown field "OnHlod" (did you mean "OnHold"?)', 'request field "Filter.Hold": must be boolean or null']) {
    assert.ok(message.includes(part), `${message} lacks ${part}`);
  }
});

test('counts the problems beyond the first ten', () => {
  const given = { URL: 'https://app.example.org/', Payload: { Version: 0 } };
  const validate = validators.webapi.OutgoingWebhookTest;
  assert.equal(validate(given), false);
  const message = formatValidationErrors(validate.errors, given);
  assert.equal(message.split('; ').length, 11);
  assert.match(message, /; and 2 more problems$/);
});

const valid: [string, { api: ApiName; method: string; given: unknown }][] = [
  ['a minimal Send', { api: 'webapi', method: 'Send', given: { To: [{ Address: 'alice@example.com' }], Text: 'hi' } }],
  ['Send with mox zero values', { api: 'webapi', method: 'Send', given: { From: [], To: [{ Name: '', Address: 'a@example.com' }], Date: null, RequireTLS: null, FutureRelease: null, Extra: {}, SaveSent: false } }],
  ['an empty request where every field is optional', { api: 'webapi', method: 'QueueList', given: {} }],
  ['time filters with now, negative and fractional durations', { api: 'adminapi', method: 'QueueList', given: { Filter: { Submitted: '<-1h30m', NextAttempt: '> now', Transport: null }, Sort: { LastID: 17, Last: '2025-03-14T09:26:54.016Z' } } }],
  ['an empty webhook secret', { api: 'webapi', method: 'WebhookSecretSave', given: { Secret: '' } }],
  ['a 64-byte webhook secret', { api: 'webapi', method: 'WebhookSecretSave', given: { Secret: `whsec_${Buffer.alloc(64, 7).toString('base64')}` } }],
];
for (const [name, { api, method, given }] of valid) {
  test(`accepts ${name}`, () => {
    const validate = validators[api][method];
    assert.equal(validate(given), true, formatValidationErrors(validate.errors, given));
  });
}

test('webhook secrets outside 24-64 bytes are refused by the schema', () => {
  for (const bytes of [23, 65]) {
    assert.equal(validators.webapi.WebhookSecretSave({ Secret: `whsec_${Buffer.alloc(bytes, 1).toString('base64')}` }), false, `${bytes} bytes`);
  }
  for (const bytes of [24, 25, 26, 63]) {
    assert.equal(validators.webapi.WebhookSecretSave({ Secret: `whsec_${Buffer.alloc(bytes, 1).toString('base64')}` }), true, `${bytes} bytes`);
  }
});

test('without errors there is still a message', () => {
  assert.equal(formatValidationErrors(null, {}), 'request: not valid');
  assert.equal(formatValidationErrors([], {}, 'payload'), 'payload: not valid');
});
