// An app's view of the contract: a client generated from openapi/ with openapi-typescript (the CLI an app
// would run, into a fresh folder), type-checked with tsc against openapi-fetch, then run against a real
// server over HTTP. A spec that drifted from the server fails here, at compile time or at run time.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../src/auth/passwords';
import { startTestNode, type TestNode } from '../support/test-node';

const root = resolve(__dirname, '../../..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);
// Asynchronous on purpose: the server under test runs in this process and must keep answering.
const run = promisify(execFile);

// The app: typed calls to Send, SuppressionAdd/Present and the admin QueueList, printing what came back.
const app = `
import createClient from 'openapi-fetch';
import type { paths as Webapi } from './webapi';
import type { paths as Adminapi } from './adminapi';

async function main(base: string, login: string, password: string, adminPassword: string): Promise<void> {
  const basic = (user: string, pass: string) => 'Basic ' + Buffer.from(user + ':' + pass).toString('base64');
  const webapi = createClient<Webapi>({ baseUrl: base, headers: { Authorization: basic(login, password) } });
  const adminapi = createClient<Adminapi>({ baseUrl: base, headers: { Authorization: basic('admin', adminPassword) } });

  const sent = await webapi.POST('/webapi/v0/Send', {
    body: { To: [{ Name: 'Ann', Address: 'ann@example.org' }], Subject: 'typed', Text: 'hello from a generated client', Extra: { order: '42' } },
  });
  if (!sent.data) throw new Error('Send failed: ' + JSON.stringify(sent.error));
  const queueMsgID: number = sent.data.Submissions[0].QueueMsgID;

  const bad = await webapi.POST('/webapi/v0/Send', { body: { To: [], Text: 'no recipients' } });
  // 400 answers are {Code, Message}; 401/413/429 are plain text.
  const code: string | undefined = typeof bad.error === 'object' ? bad.error.Code : undefined;

  await webapi.POST('/webapi/v0/SuppressionAdd', { body: { EmailAddress: 'gone@example.org', Manual: true, Reason: 'typed client' } });
  const present = await webapi.POST('/webapi/v0/SuppressionPresent', { body: { EmailAddress: 'Gone+x@example.org' } });

  const listed = await adminapi.POST('/adminapi/v0/QueueList', { body: { Filter: { IDs: [queueMsgID] }, Sort: {} } });
  const subject: string | undefined = listed.data?.Messages[0]?.Subject;

  console.log(JSON.stringify({ queueMsgID, messageID: sent.data.MessageID, code, present: present.data?.Present, subject }));
}

const [base, login, password, adminPassword] = process.argv.slice(2);
main(base, login, password, adminPassword).catch((err) => { console.error(err); process.exit(1); });
`;

describe('a client generated from the OpenAPI spec', () => {
  let node: TestNode;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'postwire-typed-client-'));
    node = await startTestNode({ listen: true, bootstrap: { adminPasswordHash: await hashPassword('admin-pw-typed') } });
    const admin = async (method: string, body: unknown) => {
      const res = await fetch(`${node.url}/adminapi/v0/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('admin:admin-pw-typed').toString('base64')}` },
        body: JSON.stringify(body),
      });
      assert.equal(res.status, 200, `${method}: ${await res.text()}`);
    };
    await admin('DomainAdd', { Domain: 'shop.example', LocalpartCatchallSeparators: ['+'] });
    await admin('AccountAdd', { Account: 'shop', Address: 'orders@shop.example', FullName: 'Shop', Password: 'typed-client-password' });
  });
  after(async () => {
    await node.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates, type-checks and calls the running server', async () => {
    for (const api of ['webapi', 'adminapi']) {
      await run(bin('openapi-typescript'), [join(root, 'openapi', `${api}.yaml`), '-o', join(dir, `${api}.ts`)]);
    }
    writeFileSync(join(dir, 'app.ts'), app);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'commonjs',
          moduleResolution: 'node',
          strict: true,
          esModuleInterop: true,
          skipLibCheck: true,
          outDir: 'out',
          types: ['node'],
          typeRoots: [join(root, 'node_modules/@types')],
          baseUrl: '.',
          paths: { 'openapi-fetch': [join(root, 'node_modules/openapi-fetch')] },
        },
        files: ['app.ts'],
      }),
    );
    // A type error (the spec no longer matching what the app writes) fails here with tsc's message.
    try {
      await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')]);
    } catch (err) {
      assert.fail(`the generated client does not type-check:\n${(err as { stdout?: string }).stdout ?? err}`);
    }
    const { stdout: out } = await run(process.execPath, [join(dir, 'out/app.js'), node.url, 'orders@shop.example', 'typed-client-password', 'admin-pw-typed'], {
      env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
    });
    const result = JSON.parse(out.trim());
    assert.equal(Number.isSafeInteger(result.queueMsgID) && result.queueMsgID > 0, true);
    assert.match(result.messageID, /^<.+@.+>$/);
    assert.equal(result.code, 'noRecipients');
    assert.equal(result.present, true);
    assert.equal(result.subject, 'typed');
  });
});
