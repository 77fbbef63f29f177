// HTTP Basic authentication over real HTTP in mox's order (reference 1.3 and 10.2-10.4): challenges,
// the failed-login limiter, disabled accounts, forwarded listeners, the admin login, and what the
// handler learns about its caller.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestNode } from '../../support/test-node';
import { basic, startApiTestNode } from './support/api-test-node';
import { ACCOUNT, ADMIN_PASSWORD, BROKEN_LOGIN, DISABLED, TestAuthenticator } from './support/test-authenticator';
import { CallLog, TestMethodsWithoutLoginsModule } from './support/test-methods';

const MINUTE = 60 * 1000;

function present(node: TestNode, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${node.url}/webapi/v0/SuppressionPresent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ EmailAddress: 'suppressed@example.com' }),
  });
}

const good = { authorization: basic(ACCOUNT.login, ACCOUNT.password) };
const bad = { authorization: basic(ACCOUNT.login, 'wrong password') };

async function statuses(count: number, call: () => Promise<Response>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await call();
    await res.arrayBuffer();
    out.push(res.status);
  }
  return out;
}

describe('challenges', () => {
  let node: TestNode;
  before(async () => {
    node = await startApiTestNode();
  });
  after(() => node.stop());

  const missing: [string, { api: string; method: string; headers: Record<string, string>; realm: string; text: string }][] = [
    ['webapi without credentials', { api: 'webapi', method: 'Send', headers: {}, realm: 'webapi', text: '401 - unauthorized - http basic auth required, with email address as username\n' }],
    ['webapi with another scheme', { api: 'webapi', method: 'Send', headers: { authorization: 'Bearer abc' }, realm: 'webapi', text: '401 - unauthorized - http basic auth required, with email address as username\n' }],
    ['adminapi without credentials', { api: 'adminapi', method: 'QueueList', headers: {}, realm: 'adminapi', text: '401 - unauthorized - http basic auth required, with username admin\n' }],
  ];
  for (const [name, { api, method, headers, realm, text }] of missing) {
    test(`401 with a challenge: ${name}`, async () => {
      const res = await fetch(`${node.url}/${api}/v0/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('www-authenticate'), `Basic realm=${realm}`);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
      assert.equal(await res.text(), text);
    });
  }

  test('mox 10.2: eleven calls without credentials are all 401, never 429', async () => {
    assert.deepEqual(await statuses(11, () => present(node)), Array(11).fill(401));
    // And they were not counted: a wrong password still gets its 401.
    assert.equal((await present(node, bad)).status, 401);
  });

  test('the password is not checked when credentials are missing', async () => {
    const authenticator = node.get(TestAuthenticator);
    const before = authenticator.checks;
    await (await present(node)).arrayBuffer();
    assert.equal(authenticator.checks, before);
  });
});

describe('the failed-login limiter', () => {
  let node: TestNode;
  before(async () => {
    node = await startApiTestNode();
  });
  after(() => node.stop());

  test('mox 10.2: wrong passwords get 401, then 429 from the 11th on, before the password is checked', async () => {
    const got = await statuses(21, () => present(node, bad));
    assert.deepEqual(got.slice(0, 10), Array(10).fill(401));
    assert.equal(got[20], 429, 'certain by the 21st');
    assert.deepEqual(got.slice(10), Array(11).fill(429));
    const authenticator = node.get(TestAuthenticator);
    const checks = authenticator.checks;
    const res = await present(node, good);
    assert.equal(res.status, 429, 'the right password does not help now');
    assert.equal(await res.text(), '429 - too many auth attempts\n');
    assert.equal(authenticator.checks, checks, 'and was not even checked');
  });

  test('the limit is per minute on the node clock', async () => {
    node.clock.advance(MINUTE);
    assert.equal((await present(node, good)).status, 200);
  });
});

describe('a successful login resets the count', () => {
  let node: TestNode;
  before(async () => {
    node = await startApiTestNode();
  });
  after(() => node.stop());

  test('9 failures, a success, then 10 more failures before a 429', async () => {
    assert.deepEqual(await statuses(9, () => present(node, bad)), Array(9).fill(401));
    assert.equal((await present(node, good)).status, 200);
    assert.deepEqual(await statuses(11, () => present(node, bad)), [...Array(10).fill(401), 429]);
  });
});

describe('refused logins', () => {
  let node: TestNode;
  before(async () => {
    node = await startApiTestNode();
  });
  after(() => node.stop());

  test('mox 10.3: a disabled account gets 401 with the right and with a wrong password', async () => {
    for (const password of [DISABLED.password, 'wrong']) {
      const res = await present(node, { authorization: basic(DISABLED.login, password) });
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('www-authenticate'), 'Basic realm=webapi');
      assert.equal(await res.text(), '401 - unauthorized - login is disabled for this account\n');
    }
  });

  test('an unknown address gets the same answer as a wrong password', async () => {
    const unknown = await present(node, { authorization: basic('nobody@mox.example', ACCOUNT.password) });
    const wrong = await present(node, bad);
    assert.equal(unknown.status, 401);
    assert.equal(await unknown.text(), await wrong.text());
  });

  test('a failing credential check is a server error that says no more', async () => {
    const res = await present(node, { authorization: basic(BROKEN_LOGIN, 'x') });
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { Code: 'server', Message: 'error verifying credentials' });
  });
});

describe('the admin login', () => {
  let node: TestNode;
  before(async () => {
    node = await startApiTestNode();
  });
  after(() => node.stop());

  const holdRules = (authorization: string) =>
    fetch(`${node.url}/adminapi/v0/HoldRuleList`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: '{}' });

  test('user admin with the admin password', async () => {
    const res = await holdRules(basic('admin', ADMIN_PASSWORD));
    assert.equal(res.status, 200);
    assert.equal(node.get(CallLog).last().caller.kind, 'admin');
  });

  const refused: [string, string][] = [
    ['a wrong password', basic('admin', 'wrong')],
    ['another user with the admin password', basic('root', ADMIN_PASSWORD)],
    ['an account login', basic(ACCOUNT.login, ACCOUNT.password)],
  ];
  for (const [name, authorization] of refused) {
    test(`refuses ${name}`, async () => {
      const res = await holdRules(authorization);
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('www-authenticate'), 'Basic realm=adminapi');
    });
  }

  test('the admin password does not log in to the webapi', async () => {
    assert.equal((await present(node, { authorization: basic('admin', ADMIN_PASSWORD) })).status, 401);
  });
});

describe('mox 10.4: a listener behind a reverse proxy', () => {
  let node: TestNode;
  before(async () => {
    node = await startApiTestNode({ listen: { forwarded: true } });
  });
  after(() => node.stop());

  test('without X-Forwarded-For the client is unknown: 500', async () => {
    const res = await present(node, good);
    assert.equal(res.status, 500);
    assert.equal(await res.text(), '500 - internal server error - cannot find remote ip\n');
  });

  test('failures count against the forwarded address, not the proxy', async () => {
    const from = (ip: string, auth: Record<string, string>) => () => present(node, { ...auth, 'x-forwarded-for': `198.51.100.1, ${ip}` });
    assert.deepEqual(await statuses(11, from('203.0.113.9', bad)), [...Array(10).fill(401), 429]);
    // Another /26 of the same /21: its own count.
    assert.equal((await from('203.0.113.200', bad)()).status, 401);
    const res = await from('203.0.113.201', good)();
    assert.equal(res.status, 200);
    assert.equal(node.get(CallLog).last().caller.request.remoteIP, '203.0.113.201');
  });
});

describe('what the handler learns about its caller', () => {
  let node: TestNode;
  before(async () => {
    node = await startApiTestNode();
  });
  after(() => node.stop());

  test('account, login address, correlation id, address, user agent and lower-case headers without the password', async () => {
    const res = await present(node, { ...good, 'User-Agent': 'shop/1.0', 'Idempotency-Key': 'order-1234' });
    assert.equal(res.status, 200);
    const { caller, request } = node.get(CallLog).last();
    assert.deepEqual(request, { EmailAddress: 'suppressed@example.com' });
    assert.equal(caller.kind, 'account');
    assert.ok(caller.kind === 'account');
    assert.equal(caller.account, ACCOUNT.account);
    assert.equal(caller.loginAddress, ACCOUNT.login);
    assert.equal(caller.request.correlationId, res.headers.get('x-request-id'));
    assert.equal(caller.request.remoteIP, '127.0.0.1');
    assert.equal(caller.request.userAgent, 'shop/1.0');
    assert.equal(caller.request.headers['idempotency-key'], 'order-1234');
    assert.equal(caller.request.headers.authorization, undefined);
  });
});

describe('a node without an AccountAuthenticator', () => {
  let node: TestNode;
  before(async () => {
    node = await startApiTestNode({ modules: [TestMethodsWithoutLoginsModule] });
  });
  after(() => node.stop());

  test('starts, serves the pages and refuses calls as a server error', async () => {
    assert.equal((await fetch(`${node.url}/webapi/v0/`)).status, 200);
    const res = await present(node, good);
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { Code: 'server', Message: 'error verifying credentials' });
  });
});
