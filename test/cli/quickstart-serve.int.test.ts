// What quickstart promises: its output starts with `postwire serve` and answers authenticated calls. The
// public listener is put on 127.0.0.1 (--public-ip) and every port on free loopback ports.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort, runCli, startCli, type RunningCli } from '../support/cli-process';

describe('quickstart output served by postwire serve', () => {
  let root: string;
  let server: RunningCli | null = null;
  let publicUrl = '';
  let internalUrl = '';
  let adminPassword = '';
  let accountPassword = '';
  let queueMsgID = 0;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'postwire-qs-serve-'));
    const [smtp, submission, http, internal] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const qs = await runCli(
      ['quickstart', 'orders@shop.example', '--dir', join(root, 'setup'), '--hostname', 'mail.shop.example', '--public-ip', '127.0.0.1',
        '--smtp-port', String(smtp), '--submission-port', String(submission), '--http-port', String(http), '--internal-http-port', String(internal)],
      { timeoutMs: 120_000 },
    );
    assert.equal(qs.code, 0, qs.stderr);
    adminPassword = /admin \/ (\S+)/.exec(qs.stdout)?.[1] ?? '';
    accountPassword = /orders@shop\.example \/ (\S+)/.exec(qs.stdout)?.[1] ?? '';
    assert.ok(adminPassword && accountPassword, qs.stdout);
    const serveLine = /postwire serve --config (\S+)/.exec(qs.stdout);
    assert.ok(serveLine, `the output names the serve command:\n${qs.stdout}`);
    server = await startCli(['serve', '--config', serveLine[1]], /postwire serving/, { env: { LOG_LEVEL: 'info' }, timeoutMs: 120_000 });
    publicUrl = `http://127.0.0.1:${http}`;
    internalUrl = `http://127.0.0.1:${internal}`;
  });
  after(async () => {
    const code = await server?.stop();
    rmSync(root, { recursive: true, force: true });
    assert.equal(code, 0, 'serve stops cleanly on SIGTERM');
  });

  const post = (base: string, path: string, user: string, password: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
      body: JSON.stringify(body),
    });

  it('answers the account on the public webapi', async () => {
    const res = await post(publicUrl, '/webapi/v0/AccountSettingsGet', 'orders@shop.example', accountPassword, {});
    assert.equal(res.status, 200);
    const settings = (await res.json()) as { Name: string; Addresses: string[] };
    assert.equal(settings.Name, 'orders');
    const sent = await post(publicUrl, '/webapi/v0/Send', 'orders@shop.example', accountPassword, { To: [{ Address: 'someone@example.org' }], Subject: 'first', Text: 'hello' });
    assert.equal(sent.status, 200, await sent.clone().text());
    const result = (await sent.json()) as { Submissions: { QueueMsgID: number }[] };
    assert.equal(result.Submissions.length, 1);
    queueMsgID = result.Submissions[0].QueueMsgID;
  });

  it('refuses a wrong password, and keeps the admin API off the public listener', async () => {
    const wrong = await post(publicUrl, '/webapi/v0/AccountSettingsGet', 'orders@shop.example', 'wrong-password', {});
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.get('www-authenticate'), 'Basic realm=webapi');
    const adminOnPublic = await post(publicUrl, '/adminapi/v0/QueueList', 'admin', adminPassword, { Filter: {}, Sort: {} });
    assert.equal(adminOnPublic.status, 404);
  });

  it('answers the admin on the internal listener', async () => {
    // The message may already have left the queue (no DNS here), but its history is there.
    const res = await post(internalUrl, '/adminapi/v0/DeliveryHistory', 'admin', adminPassword, { QueueMsgID: queueMsgID });
    assert.equal(res.status, 200, await res.clone().text());
    const history = (await res.json()) as { Events: { Type: string }[] };
    assert.equal(history.Events[0].Type, 'MessageQueued');
  });
});
