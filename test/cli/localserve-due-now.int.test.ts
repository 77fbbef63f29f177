// `postwire localserve due-now`: where it calls (flags, then the environment, then localserve's defaults)
// and what it makes of each answer, against a small HTTP server on 127.0.0.1 standing in for the adminapi
// (the end-to-end test in test/e2e/ runs it against a real localserve).
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { CliError } from '../../src/cli/data-options';
import { callDueNow, dueNowTarget, localserveDueNow, type DueNowOptions } from '../../src/cli/localserve-due-now';
import { freePort } from '../e2e/support/localserve-process';
import { CollectedOutput } from './collect-output';

describe('due-now: where it calls', () => {
  const cases: [string, { options: DueNowOptions; env: NodeJS.ProcessEnv; endpoint: string; password: string }][] = [
    ['localserve defaults', { options: {}, env: {}, endpoint: 'http://127.0.0.1:1080/adminapi/v0/DueNow', password: 'postwireadmin' }],
    ['--http-port', { options: { httpPort: 2080 }, env: {}, endpoint: 'http://127.0.0.1:2080/adminapi/v0/DueNow', password: 'postwireadmin' }],
    ['POSTWIRE_HTTP_PORT', { options: {}, env: { POSTWIRE_HTTP_PORT: '3080' }, endpoint: 'http://127.0.0.1:3080/adminapi/v0/DueNow', password: 'postwireadmin' }],
    ['the flag before the environment', { options: { httpPort: 2080 }, env: { POSTWIRE_HTTP_PORT: '3080' }, endpoint: 'http://127.0.0.1:2080/adminapi/v0/DueNow', password: 'postwireadmin' }],
    ['--url with a path and a trailing slash', { options: { url: 'https://dev.example:8443/mail/', httpPort: 2080 }, env: {}, endpoint: 'https://dev.example:8443/mail/adminapi/v0/DueNow', password: 'postwireadmin' }],
    ['POSTWIRE_ADMIN_PASSWORD', { options: {}, env: { POSTWIRE_ADMIN_PASSWORD: 'from-env' }, endpoint: 'http://127.0.0.1:1080/adminapi/v0/DueNow', password: 'from-env' }],
    ['--admin-password before the environment', { options: { adminPassword: 'from-flag' }, env: { POSTWIRE_ADMIN_PASSWORD: 'from-env' }, endpoint: 'http://127.0.0.1:1080/adminapi/v0/DueNow', password: 'from-flag' }],
  ];
  for (const [name, { options, env, endpoint, password }] of cases) {
    it(name, () => {
      const target = dueNowTarget(options, env);
      assert.equal(target.endpoint.href, endpoint);
      assert.equal(target.password, password);
    });
  }

  const bad: [string, DueNowOptions, NodeJS.ProcessEnv, RegExp][] = [
    ['a --url that is no URL', { url: 'localhost:1080' }, {}, /--url: not an http or https URL: localhost:1080/],
    ['a --url that does not parse', { url: 'http://' }, {}, /--url: not a URL: http:\/\//],
    ['an ftp --url', { url: 'ftp://127.0.0.1/' }, {}, /--url: not an http or https URL/],
    ['POSTWIRE_HTTP_PORT that is no port', {}, { POSTWIRE_HTTP_PORT: '10eighty' }, /POSTWIRE_HTTP_PORT: not a port number: 10eighty/],
    ['POSTWIRE_HTTP_PORT out of range', {}, { POSTWIRE_HTTP_PORT: '70000' }, /POSTWIRE_HTTP_PORT: not a port number: 70000/],
  ];
  for (const [name, options, env, message] of bad) {
    it(`refuses ${name}`, () => {
      assert.throws(
        () => dueNowTarget(options, env),
        (err: unknown) => err instanceof CliError && message.test(err.message),
      );
    });
  }
});

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe('due-now: the answers', () => {
  let server: Server;
  let base: string;
  let answer: { status: number; body: string } | 'hang' = { status: 200, body: '{}' };
  const seen: Seen[] = [];

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        if (answer === 'hang') return;
        res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('POSTs {} to /adminapi/v0/DueNow as admin and returns the counts', async () => {
    answer = { status: 200, body: '{"Messages":3,"Hooks":1}' };
    const counts = await callDueNow(dueNowTarget({ url: base, adminPassword: 's3cret' }, {}));
    assert.deepEqual(counts, { Messages: 3, Hooks: 1 });
    const request = seen.at(-1)!;
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/adminapi/v0/DueNow');
    assert.equal(request.headers.authorization, `Basic ${Buffer.from('admin:s3cret').toString('base64')}`);
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.body, '{}');
  });

  it('prints the counts in words, or as JSON with --json', async () => {
    answer = { status: 200, body: '{"Messages":1,"Hooks":0}' };
    const words = new CollectedOutput();
    await localserveDueNow({ url: base }, words);
    assert.equal(words.text, 'made due now: 1 queued message, 0 webhooks\n');
    answer = { status: 200, body: '{"Messages":2,"Hooks":1}' };
    const json = new CollectedOutput();
    await localserveDueNow({ url: base, json: true }, json);
    assert.equal(json.text, '{"Messages":2,"Hooks":1}\n');
  });

  const failures: [string, { status: number; body: string }, RegExp][] = [
    ['a refused password', { status: 401, body: '' }, /refused the admin password: give --admin-password or set POSTWIRE_ADMIN_PASSWORD/],
    ['too many failed logins', { status: 429, body: '' }, /refuses logins for now/],
    ['a server without the adminapi', { status: 404, body: 'not found' }, /has no admin API at \/adminapi\/v0\//],
    ['an API error', { status: 400, body: '{"Code":"server","Message":"the queue could not be read"}' }, /^DueNow failed: server: the queue could not be read$/],
    ['another status', { status: 502, body: 'bad gateway' }, /^DueNow failed: HTTP 502 bad gateway$/],
    ['an answer without the counts', { status: 200, body: '{"Count":1}' }, /answered DueNow with something other than \{Messages, Hooks\}/],
  ];
  for (const [name, reply, message] of failures) {
    it(`says what to do about ${name}`, async () => {
      answer = reply;
      await assert.rejects(callDueNow(dueNowTarget({ url: base }, {})), (err: unknown) => err instanceof CliError && message.test(err.message));
    });
  }

  it('says when nothing listens, and when the server does not answer in time', async () => {
    const closed = await freePort();
    await assert.rejects(
      callDueNow(dueNowTarget({ httpPort: closed }, {})),
      (err: unknown) => err instanceof CliError && new RegExp(`nothing answers at http://127\\.0\\.0\\.1:${closed} \\(ECONNREFUSED\\): is localserve running\\?`).test(err.message),
    );
    answer = 'hang';
    await assert.rejects(callDueNow(dueNowTarget({ url: base }, {}), 300), (err: unknown) => err instanceof CliError && /\(no answer in time\)/.test(err.message));
  });
});
