// examples/signup-mailer against a real localserve, both as child processes, the example as its README runs
// it (the root build compiles it to dist/examples/). The example configures the account's webhook itself,
// sends welcome mails through its generated client, verifies every webhook (Authorization and Standard
// Webhooks signature) and keeps its own list of addresses that bounced. The test talks to the example over
// its HTTP endpoints and to localserve over the webapi, as a developer would with curl.
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually, webapi, type HttpApi } from './support/http-api';
import { cleanEnv, projectRoot, runNode, runToEnd, startLocalserve, type Child, type Localserve } from './support/localserve-process';

const root = projectRoot();
const EXAMPLE = join(root, 'dist/examples/signup-mailer/main.js');

describe('examples/signup-mailer against localserve', { timeout: 300_000 }, () => {
  let dir: string;
  let ls: Localserve;
  let app: Child;
  let appUrl: string;
  let web: HttpApi;

  const appGet = async (path: string) => (await fetch(`${appUrl}${path}`, { signal: AbortSignal.timeout(10_000) })).json() as Promise<any>;
  const signup = async (email: string, name: string) => {
    const res = await fetch(`${appUrl}/signup`, { method: 'POST', body: JSON.stringify({ email, name }), signal: AbortSignal.timeout(30_000) });
    return { status: res.status, body: (await res.json()) as any };
  };
  const signupState = (email: string) => eventually(async () => (await appGet('/signups')).find((s: { email: string }) => s.email === email), `sign-up ${email}`);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'postwire-e2e-example-'));
    ls = await startLocalserve({ dir: join(dir, 'data'), flags: { http: 0, smtp: 0, submission: 0 } });
    web = webapi(ls.httpUrl);
    app = runNode([EXAMPLE], { env: cleanEnv({ POSTWIRE_URL: ls.httpUrl, PORT: '0' }) });
    appUrl = (await app.waitForOutput(/^signup-mailer listening on (http:\/\/127\.0\.0\.1:\d+)$/m, 'the example app to listen', 30_000))[1];
  });

  after(async () => {
    await app?.kill();
    await ls?.child.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has client types that are what its generate-client.mjs makes from openapi/webapi.yaml', async () => {
    const check = await runToEnd([join(root, 'examples/signup-mailer/generate-client.mjs'), '--check'], { ms: 120_000 });
    assert.equal(check.exit.code, 0, check.stderr);
  });

  it('pointed the account webhook at itself, with an Authorization value and a signing secret', async () => {
    const settings = await web.call('AccountSettingsGet', {});
    assert.equal(settings.OutgoingWebhook.URL, `${appUrl}/webhooks/postwire`);
    assert.match(settings.OutgoingWebhook.Authorization, /^Bearer \S{20,}$/);
    assert.match(settings.WebhookSecret, /^whsec_/);
    assert.match(app.stdout, new RegExp(`Postwire will POST delivery events to ${appUrl}/webhooks/postwire`));
  });

  it('sends the welcome mail and records the verified delivered webhook', async () => {
    const { status, body } = await signup('ann@example.org', 'Ann');
    assert.equal(status, 202, JSON.stringify(body));
    assert.equal(typeof body.queueMsgId, 'number');
    const state = await eventually(async () => {
      const s = await signupState('ann@example.org');
      return s.status === 'delivered' ? s : null;
    }, 'the welcome mail to be delivered');
    assert.equal(state.lastEvent, 'delivered');
    assert.match(app.stdout, new RegExp(`webhook \\d+ \\(attempt 1\\) verified: delivered \\(250 2\\.0\\.0\\) for ann@example\\.org, message ${body.queueMsgId}\\n`));
    // Postwire's side: the welcome mail went out with the Extra the example uses to find its sign-up.
    const { Messages } = await web.call('RetiredList', { Filter: { IDs: [body.queueMsgId] } });
    assert.equal(Messages[0].Success, true);
    assert.deepEqual(Messages[0].Extra, { signupid: body.id });
    assert.equal(Messages[0].Subject, 'Welcome, Ann');
  });

  it('puts an address that bounced on its bounce list and refuses it at the next sign-up', async () => {
    const { status } = await signup('bob.permerror@example.org', 'Bob');
    assert.equal(status, 202);
    const bounced = await eventually(async () => (await appGet('/bounced')).find((b: { address: string }) => b.address === 'bob.permerror@example.org'), 'the bounce list entry');
    assert.deepEqual(
      { event: bounced.event, suppressedByPostwire: bounced.suppressedByPostwire, smtpCode: bounced.smtpCode, enhancedCode: bounced.enhancedCode, fromBounceMessage: bounced.fromBounceMessage },
      { event: 'failed', suppressedByPostwire: true, smtpCode: 550, enhancedCode: '5.0.0', fromBounceMessage: false },
    );
    assert.equal((await signupState('bob.permerror@example.org')).status, 'bounced');
    const again = await signup('Bob.Permerror@example.org', 'Bob');
    assert.equal(again.status, 409);
    assert.match(again.body.error, /bounced before/);
  });

  it('lists an address Postwire already suppresses when the suppressed webhook comes', async () => {
    await web.call('SuppressionAdd', { EmailAddress: 'carol@example.org', Manual: true, Reason: 'asked to be left alone' });
    assert.equal((await signup('carol@example.org', 'Carol')).status, 202);
    const bounced = await eventually(async () => (await appGet('/bounced')).find((b: { address: string }) => b.address === 'carol@example.org'), 'the bounce list entry');
    assert.equal(bounced.event, 'suppressed');
    assert.equal(bounced.suppressedByPostwire, true);
  });

  it('shows a temporary failure as delayed, not as a bounce', async () => {
    assert.equal((await signup('dave.temperror@example.org', 'Dave')).status, 202);
    await eventually(async () => (await signupState('dave.temperror@example.org')).status === 'delayed', 'the delayed state');
    assert.ok(!(await appGet('/bounced')).some((b: { address: string }) => b.address === 'dave.temperror@example.org'));
  });

  it("passes Postwire's refusal of an address on to the user, and keeps no sign-up for it", async () => {
    const { status, body } = await signup('ann..lee@example.org', 'Ann Lee');
    assert.equal(status, 400);
    assert.match(body.error, /^Send: badAddress: To\[0\]: parsing address "ann\.\.lee@example\.org"/);
    assert.ok(!(await appGet('/signups')).some((s: { email: string }) => s.email === 'ann..lee@example.org'));
  });

  it('refuses webhook calls that lack the Authorization value or a valid signature', async () => {
    const settings = await web.call('AccountSettingsGet', {});
    const forged = JSON.stringify({ Version: 0, Event: 'failed', DSN: false, Suppressing: true, QueueMsgID: 1, FromID: '', MessageID: '<x@y>', Subject: 'x', WebhookQueued: new Date().toISOString(), SMTPCode: 550, SMTPEnhancedCode: '5.1.1', Error: 'forged', Extra: {} });
    const id = 'msg_forged';
    const timestamp = String(Math.floor(Date.now() / 1000));
    const wrongKey = randomBytes(32);
    const signature = `v1,${createHmac('sha256', wrongKey).update(`${id}.${timestamp}.${forged}`).digest('base64')}`;
    const post = (headers: Record<string, string>) =>
      fetch(`${appUrl}/webhooks/postwire`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: forged, signal: AbortSignal.timeout(10_000) });
    const signed = { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature };
    assert.equal((await post(signed)).status, 401, 'no Authorization');
    assert.equal((await post({ ...signed, Authorization: settings.OutgoingWebhook.Authorization })).status, 401, 'signed with another secret');
    assert.match(app.stdout, /webhook refused: wrong Authorization header/);
    assert.match(app.stdout, /webhook refused: bad signature/);
  });
});
