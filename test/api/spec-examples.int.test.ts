// The OpenAPI documents are complete and consistent: every method is there with examples, every example
// (requests, responses, webhooks) validates against its schema with the server's own validators, and
// the validators refuse unknown fields at every level.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WebapiRequest, WebapiResponse, AdminapiRequest } from '../../src/api/api-types';
import { API_NAMES, compileValidators, formatValidationErrors, loadSpecs, type ApiName, type JsonSchema } from '../../src/api/spec';

const specs = loadSpecs();
const validators = compileValidators(specs);

const MOX_WEBAPI = ['Send', 'SuppressionList', 'SuppressionAdd', 'SuppressionRemove', 'SuppressionPresent', 'MessageGet', 'MessageRawGet', 'MessagePartGet', 'MessageDelete', 'MessageFlagsAdd', 'MessageFlagsRemove', 'MessageMove'];
const OUR_WEBAPI = ['AccountSettingsGet', 'OutgoingWebhookSave', 'IncomingWebhookSave', 'WebhookSecretSave', 'FromIDLoginAddressesSave', 'KeepRetiredPeriodsSave', 'PasswordSave', 'OutgoingWebhookTest', 'IncomingWebhookTest', 'QueueList', 'RetiredList', 'HookList', 'HookRetiredList', 'DeliveryHistory'];
const ADMINAPI = [
  'QueueList', 'QueueHoldSet', 'QueueNextAttemptSet', 'QueueNextAttemptAdd', 'QueueTransportSet', 'QueueRequireTLSSet', 'QueueFail', 'QueueDrop',
  'RetiredList', 'HookList', 'HookRetiredList', 'HookNextAttemptSet', 'HookNextAttemptAdd', 'HookCancel',
  'HoldRuleList', 'HoldRuleAdd', 'HoldRuleRemove', 'DeliveryHistory', 'SuppressionList', 'SuppressionAdd', 'SuppressionRemove',
  'DomainList', 'DomainAdd', 'DomainRemove', 'DomainLocalpartConfigSave', 'DomainDisabledSave', 'DomainDKIMKeyAdd', 'DomainDKIMKeyRemove',
  'AccountList', 'AccountGet', 'AccountAdd', 'AccountRemove', 'AccountSettingsSave', 'AccountLoginDisabledSave', 'AccountPasswordSet',
  'AddressAdd', 'AddressRemove', 'ProjectionStatus', 'ProjectionRebuild', 'DueNow', 'WebhookReplay',
];
const MOX_ERROR_CODES = ['protocol', 'server', 'user', 'error', 'badAddress', 'missingBody', 'multipleFrom', 'domainDisabled', 'badFrom', 'noRecipients', 'messageLimitReached', 'recipientLimitReached', 'messageTooLarge', 'malformedMessageID', 'sentOverQuota', 'messageNotFound', 'partNotFound'];

const methodsOf = (api: ApiName) => specs.operations.filter((op) => op.api === api).map((op) => op.method);

test('the webapi has mox twelve methods and Postwire fourteen, and nothing else', () => {
  assert.deepEqual([...methodsOf('webapi')].sort(), [...MOX_WEBAPI, ...OUR_WEBAPI].sort());
});

test('the adminapi has the forty-one admin methods, and nothing else', () => {
  assert.deepEqual([...methodsOf('adminapi')].sort(), [...ADMINAPI].sort());
});

test('the error codes are mox seventeen plus notFound and tooLarge, the same in both documents', () => {
  for (const api of API_NAMES) {
    const codes = (specs.documents[api].components.schemas.ErrorCode as { enum: string[] }).enum;
    assert.deepEqual(codes, [...MOX_ERROR_CODES, 'notFound', 'tooLarge'], api);
  }
});

test('schemas with the same name in both documents are identical', () => {
  const web = specs.documents.webapi.components.schemas;
  const admin = specs.documents.adminapi.components.schemas;
  const shared = Object.keys(web).filter((name) => name in admin);
  assert.ok(shared.length >= 30, `only ${shared.length} shared schemas`);
  for (const name of shared) assert.deepEqual(admin[name], web[name], `schema ${name} differs between the documents`);
});

for (const op of specs.operations) {
  const label = `${op.api} ${op.method}`;

  test(`${label}: has request and response examples, all valid`, () => {
    assert.ok(op.requestExamples.length > 0, 'no request example');
    assert.ok(op.responseExamples.length > 0, 'no response example');
    const request = validators[op.api][op.method];
    for (const example of op.requestExamples) {
      assert.ok(request(example.value), `request example ${example.name}: ${formatValidationErrors(request.errors, example.value)}`);
    }
    const response = validators.responses[op.api][op.method];
    for (const example of op.responseExamples) {
      assert.ok(response(example.value), `response example ${example.name}: ${formatValidationErrors(response.errors, example.value, 'response')}`);
    }
  });

  test(`${label}: takes JSON and mox's form encoding, and documents its errors`, () => {
    const item = specs.documents[op.api].paths[op.path].post as unknown as OperationShape;
    const content = item.requestBody.content;
    assert.deepEqual(Object.keys(content).sort(), ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data']);
    for (const form of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
      const ref = content[form].schema.$ref;
      assert.ok(ref === '#/components/schemas/FormRequest' || (op.method === 'Send' && ref === '#/components/schemas/SendForm'), `${form}: ${ref}`);
    }
    assert.deepEqual(Object.keys(item.responses).sort(), ['200', '400', '401', '413', '429']);
    assert.ok(op.summary.length > 0, 'no summary');
    const codes = documentedErrorCodes(op.description);
    assert.ok(codes.length > 0, 'the description lists no error codes');
    assert.equal(codes[0], 'protocol', 'schema violations are checked first');
    const known = (specs.documents[op.api].components.schemas.ErrorCode as { enum: string[] }).enum;
    for (const code of codes) assert.ok(known.includes(code), `unknown error code ${code}`);
  });

  test(`${label}: request validators refuse unknown fields, at the top and nested`, () => {
    const validate = validators[op.api][op.method];
    for (const example of op.requestExamples) {
      const top = { ...(example.value as object), Bogus: 1 };
      assert.equal(validate(top), false);
      assert.match(formatValidationErrors(validate.errors, top), /unknown field "Bogus"/);
      for (const nested of nestedObjectPaths(example.value)) {
        const changed = withField(example.value, nested, 'Bogus', 1);
        assert.equal(validate(changed), false, `${example.name}: Bogus accepted at ${nested.join('.')}`);
        assert.match(formatValidationErrors(validate.errors, changed), /Bogus/);
      }
    }
  });
}

test('the operation list is taken from the paths: methods, paths and response types', () => {
  const send = specs.operations.find((op) => op.api === 'webapi' && op.method === 'Send');
  assert.equal(send?.path, '/webapi/v0/Send');
  assert.equal(send?.responseContentType, 'application/json');
  assert.deepEqual(send?.requestSchema, { $ref: '#/components/schemas/SendRequest' });
  const raw = specs.operations.find((op) => op.api === 'webapi' && op.method === 'MessageRawGet');
  assert.equal(raw?.responseContentType, 'text/plain');
  const part = specs.operations.find((op) => op.api === 'webapi' && op.method === 'MessagePartGet');
  assert.equal(part?.responseContentType, 'application/octet-stream');
  const drop = specs.operations.find((op) => op.api === 'adminapi' && op.method === 'QueueDrop');
  assert.equal(drop?.path, '/adminapi/v0/QueueDrop');
});

test('401 answers document WWW-Authenticate with the API realm', () => {
  for (const api of API_NAMES) {
    const unauthorized = (specs.documents[api].components.responses as Record<string, { headers: Record<string, { schema: { const: string } }> }>).Unauthorized;
    assert.equal(unauthorized.headers['WWW-Authenticate'].schema.const, `Basic realm=${api}`);
  }
});

test('both webhooks are documented with valid examples that refuse unknown fields', () => {
  assert.deepEqual(specs.webhooks.map((h) => h.name).sort(), ['incoming', 'outgoing']);
  for (const hook of specs.webhooks) {
    const validate = validators.webhooks[hook.name];
    assert.ok(hook.examples.length > 0, `${hook.name}: no example`);
    for (const example of hook.examples) {
      assert.ok(validate(example.value), `${hook.name} ${example.name}: ${formatValidationErrors(validate.errors, example.value, 'payload')}`);
      for (const path of [[], ...nestedObjectPaths(example.value)]) {
        assert.equal(validate(withField(example.value, path, 'Bogus', 1)), false, `${hook.name}: Bogus accepted at ${path.join('.')}`);
      }
    }
  }
  const outgoing = specs.webhooks.find((h) => h.name === 'outgoing');
  const events = new Set(outgoing?.examples.map((e) => (e.value as { Event: string }).Event));
  for (const event of ['delivered', 'delayed', 'failed']) assert.ok(events.has(event), `no ${event} example`);
});

test('the webhook headers of mox and of Standard Webhooks are documented', () => {
  const outgoing = (specs.documents.webapi.webhooks?.outgoing.post as unknown as { parameters: { $ref: string }[] }).parameters;
  const params = specs.documents.webapi.components.parameters as Record<string, { name: string }>;
  const names = outgoing.map((p) => params[p.$ref.replace('#/components/parameters/', '')].name);
  assert.deepEqual(names, ['X-Mox-Webhook-ID', 'X-Mox-Webhook-Attempt', 'User-Agent', 'webhook-id', 'webhook-timestamp', 'webhook-signature']);
});

test('every object schema says whether it takes other fields', () => {
  const openMaps = new Set(['DeliveryEvent.Data']);
  for (const api of API_NAMES) {
    for (const [name, schema] of Object.entries(specs.documents[api].components.schemas)) {
      walkSchemas(schema, name, (where, s) => {
        const isObject = s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object')) || 'properties' in s;
        if (!isObject) return;
        assert.ok('additionalProperties' in s, `${api} ${where} does not state additionalProperties`);
        if (s.additionalProperties === true) assert.ok(openMaps.has(where), `${api} ${where} accepts any field`);
      });
    }
  }
});

test('a named component schema can be validated on its own', () => {
  const outgoing = validators.schema('webapi', 'Outgoing');
  const example = specs.webhooks.find((h) => h.name === 'outgoing')?.examples[0].value;
  assert.equal(outgoing(example), true);
  assert.equal(outgoing({ ...(example as object), Event: 'bounced' }), false);
  assert.throws(() => validators.schema('adminapi', 'NoSuchSchema'), /adminapi\.yaml has no schema NoSuchSchema/);
});

test('the generated types describe the same requests as the examples', () => {
  const send: WebapiRequest<'Send'> = { To: [{ Address: 'alice@example.com' }], Text: 'hi', Headers: [['X-Order', '1234']] };
  const result: WebapiResponse<'SuppressionPresent'> = { Present: false };
  const raw: WebapiResponse<'MessageRawGet'> = 'From: a@example.com\r\n\r\nhi\r\n';
  const hold: AdminapiRequest<'QueueHoldSet'> = { Filter: { IDs: [18] }, OnHold: false };
  assert.equal(validators.webapi.Send(send), true);
  assert.equal(validators.responses.webapi.SuppressionPresent(result), true);
  assert.equal(validators.responses.webapi.MessageRawGet(raw), true);
  assert.equal(validators.adminapi.QueueHoldSet(hold), true);
});

interface OperationShape {
  requestBody: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, unknown>;
}

/** The codes in the description's "Errors, in the order they are checked:" list, in order. */
function documentedErrorCodes(description: string): string[] {
  const start = description.indexOf('Errors, in the order they are checked:');
  if (start < 0) return [];
  return [...description.slice(start).matchAll(/^- `([A-Za-z]+)`/gm)].map((m) => m[1]);
}

/** Paths (keys and indexes) to every object nested inside a value, not the value itself. */
function nestedObjectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const found: (string | number)[][] = [];
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, child] of children) {
    if (child !== null && typeof child === 'object' && !Array.isArray(child)) found.push([...path, key]);
    found.push(...nestedObjectPaths(child, [...path, key]));
  }
  return found;
}

/** A deep copy of `value` with `field: fieldValue` added to the object at `path`. */
function withField(value: unknown, path: (string | number)[], field: string, fieldValue: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path) node = node[key] as Record<string | number, unknown>;
  node[field] = fieldValue;
  return copy;
}

/** Calls `visit` for every sub-schema, named like `Msg.Results[]`. */
function walkSchemas(schema: JsonSchema, where: string, visit: (where: string, s: Record<string, unknown>) => void): void {
  if (typeof schema !== 'object' || schema === null) return;
  visit(where, schema);
  for (const [name, sub] of Object.entries((schema.properties as Record<string, JsonSchema> | undefined) ?? {})) walkSchemas(sub, `${where}.${name}`, visit);
  if (typeof schema.additionalProperties === 'object') walkSchemas(schema.additionalProperties as JsonSchema, `${where}{}`, visit);
  if (typeof schema.items === 'object') walkSchemas(schema.items as JsonSchema, `${where}[]`, visit);
  for (const key of ['oneOf', 'anyOf', 'allOf', 'prefixItems'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((sub, i) => walkSchemas(sub as JsonSchema, `${where}.${key}[${i}]`, visit));
  }
}
