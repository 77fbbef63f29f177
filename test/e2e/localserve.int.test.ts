// `postwire localserve` end to end, as a developer's application meets it: the compiled CLI in a child
// process on loopback ports with its data in a temporary directory, driven only over HTTP (webapi,
// adminapi) and SMTP, with a webhook receiver of the test's own that checks the Authorization header and
// the Standard Webhooks signature of every call. It walks through every outcome an application handles
// (DESIGN.md sections 3 and 6, reference 7): delivered; failed with suppression (permerror, 550);
// suppressed; delayed and retried with time travel (`postwire localserve due-now`, adminapi DueNow) until
// failed after 8 attempts; held by a hold rule and released; canceled; incoming mail; real bounces sent
// back to a fromid address. Then it stops the process with SIGTERM in the middle of a delivery, starts it
// again on the same directory and checks that nothing was lost and nothing was done twice.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chooseBounces } from './support/bounce-corpus';
import { ACCOUNT, adminapi, eventually, webapi, type HttpApi } from './support/http-api';
import { freePort, MAIN_JS, runToEnd, cleanEnv, startLocalserve, type Localserve } from './support/localserve-process';
import { deliverOverSmtp } from './support/smtp-send';
import { WebhookInbox, type WebhookCall } from './support/webhook-inbox';

const corpus = process.env.BOUNCE_CORPUS;
const FROMID_LOGIN = 'postwire+fromid@localhost';
/** localserve's retry schedule: (7.5 min + jitter of -5..+4 s), doubled for every earlier attempt. */
const BASE_BACKOFF_S = 450;

describe('postwire localserve in a child process, driven over HTTP and SMTP', { timeout: 600_000 }, () => {
  let root: string;
  let ls: Localserve;
  let inbox: WebhookInbox;
  let web: HttpApi;
  let admin: HttpApi;
  /** Messages whose fate the restart checks look at again. */
  const remembered = { delivered: 0, suppressedAddress: '', stillQueued: 0, failedAfterRetries: 0 };

  const startOn = async (options: Parameters<typeof startLocalserve>[0]) => {
    ls = await startLocalserve(options);
    web = webapi(ls.httpUrl);
    admin = adminapi(ls.httpUrl);
  };

  async function send(to: string, subject: string, extra: Record<string, string> = {}, client: HttpApi = web) {
    const result = await client.call('Send', { To: [{ Address: to }], Subject: subject, Text: `${subject}\n`, Extra: extra });
    assert.equal(result.Submissions.length, 1);
    return { id: result.Submissions[0].QueueMsgID as number, messageId: result.MessageID as string, fromId: result.Submissions[0].FromID as string };
  }

  async function queued(id: number): Promise<any> {
    const { Messages } = await admin.call('QueueList', { Filter: { IDs: [id] } });
    return Messages[0];
  }

  async function history(id: number): Promise<string[]> {
    const { Events } = await web.call('DeliveryHistory', { QueueMsgID: id });
    return Events.map((e: { Type: string }) => e.Type);
  }

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'postwire-e2e-localserve-'));
    inbox = await new WebhookInbox().start();
    await startOn({ dir: join(root, 'data'), flags: { http: 0, smtp: 0, submission: 0 } });
  });

  after(async () => {
    await ls?.child.kill();
    await inbox?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('starts on 127.0.0.1, prints its listeners and credentials, and serves both APIs', async () => {
    const banner = ls.child.stdout;
    assert.match(banner, /Postwire localserve is running\. Data: .*postwire-e2e-localserve-.*\/data/);
    assert.match(banner, /^ {2}account +postwire@localhost \/ postwirepostwire$/m);
    assert.match(banner, /^ {2}admin +admin \/ postwireadmin$/m);
    assert.match(banner, new RegExp(`^ {2}adminapi +http://127\\.0\\.0\\.1:${ls.httpPort}/adminapi/v0/$`, 'm'));

    const index = await fetch(`${ls.httpUrl}/webapi/v0/`, { signal: AbortSignal.timeout(10_000) });
    assert.equal(index.status, 200);
    assert.match(await index.text(), /Send/);

    const wrong = await webapi(ls.httpUrl, { user: ACCOUNT.user, password: 'not-the-password' }).request('SuppressionList', {});
    assert.equal(wrong.status, 401);
    const rules = await admin.call('HoldRuleList', {});
    assert.deepEqual(rules.Rules, []);
  });

  it('takes the webhook settings an application gives it over the webapi', async () => {
    await web.call('OutgoingWebhookSave', { URL: `${inbox.url}/outgoing`, Authorization: inbox.authorization, Events: [] });
    await web.call('IncomingWebhookSave', { URL: `${inbox.url}/incoming`, Authorization: inbox.authorization });
    await web.call('WebhookSecretSave', { Secret: inbox.secret });
    const settings = await web.call('AccountSettingsGet', {});
    assert.deepEqual(settings.OutgoingWebhook, { URL: `${inbox.url}/outgoing`, Authorization: inbox.authorization, Events: [] });
    assert.deepEqual(settings.IncomingWebhook, { URL: `${inbox.url}/incoming`, Authorization: inbox.authorization });
    assert.equal(settings.WebhookSecret, inbox.secret);
    assert.equal(settings.KeepRetiredMessagePeriod, '72h');
    assert.equal(settings.KeepRetiredWebhookPeriod, '72h');
  });

  it('delivered: the queue hands the message to its own SMTP port, which takes any recipient', async () => {
    const m = await send('alice@example.org', 'Welcome Alice', { userid: '42' });
    const { payload, attempt } = await inbox.waitOutgoing(m.id, 'delivered');
    assert.equal(attempt, 1);
    assert.equal(payload.SMTPCode, 250);
    assert.equal(payload.Suppressing, false);
    assert.equal(payload.DSN, false);
    assert.equal(payload.MessageID, m.messageId);
    assert.equal(payload.Subject, 'Welcome Alice');
    assert.deepEqual(payload.Extra, { userid: '42' });
    // The local SMTP port stored it in the postwire account, which announces it on the incoming webhook.
    const incoming = await inbox.waitFor((c) => c.kind === 'incoming' && c.payload.MessageID === m.messageId, 'the incoming webhook of the delivered message');
    assert.equal(incoming.payload.Meta.RcptTo, 'alice@example.org');
    assert.equal(incoming.payload.Meta.MailFrom, 'postwire@localhost');
    remembered.delivered = m.id;
  });

  for (const [localpart, label] of [
    ['userpermerror', '…permerror'],
    ['user550', '…550'],
  ] as const) {
    it(`failed and suppressed at once: a ${label} recipient gets 550 5.0.0, Suppressing true`, async () => {
      const address = `${localpart}@example.org`;
      const m = await send(address, `to ${localpart}`);
      const { payload } = await inbox.waitOutgoing(m.id, 'failed');
      assert.equal(payload.SMTPCode, 550);
      assert.equal(payload.SMTPEnhancedCode, '5.0.0');
      assert.equal(payload.Suppressing, true);
      assert.match(payload.Error, /550/);
      const present = await eventually(async () => (await web.call('SuppressionPresent', { EmailAddress: address })).Present, `${address} on the suppression list`);
      assert.equal(present, true);
      remembered.suppressedAddress ||= address;
    });
  }

  it('suppressed: a message to a suppressed address is not attempted', async () => {
    const m = await send(remembered.suppressedAddress, 'again');
    const { payload } = await inbox.waitOutgoing(m.id, 'suppressed');
    assert.equal(payload.SMTPCode, 0);
    assert.equal(payload.Suppressing, false);
    assert.match(payload.Error, /suppression list/);
    // As in mox, the attempt is claimed and ends at once, without a connection: the local port never sees it.
    const events = await history(m.id);
    assert.ok(events.includes('MessageSuppressed'), events.join(', '));
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(!inbox.calls.some((c) => c.kind === 'incoming' && c.payload.MessageID === m.messageId), 'not received by the local SMTP port');
  });

  it('delayed after every 451; due-now brings each retry forward; failed after the 8th attempt', async () => {
    const m = await send('usertemperror@example.org', 'retry me');
    const delayed = (n: number) => inbox.outgoing(m.id).filter((c) => c.payload.Event === 'delayed').length >= n;
    await inbox.waitOutgoing(m.id, 'delayed');
    for (let attempts = 1; attempts < 8; attempts++) {
      const row = await eventually(async () => {
        const r = await queued(m.id);
        return r?.Attempts === attempts && r.Results.length === attempts ? r : null;
      }, `attempt ${attempts} recorded`);
      const waitS = (Date.parse(row.NextAttempt) - Date.parse(row.LastAttempt)) / 1000 / 2 ** (attempts - 1);
      assert.ok(waitS >= BASE_BACKOFF_S - 5 && waitS <= BASE_BACKOFF_S + 4, `after attempt ${attempts}: next attempt in ${waitS} s x 2^${attempts - 1}`);
      assert.equal(row.Results.at(-1).Code, 451);

      if (attempts === 1) {
        // The developer's way: the command the banner shows, with the port as a flag.
        const shown = /^ {2}due-now +postwire (localserve due-now .*) \(retries now instead of later\)$/m.exec(ls.child.stdout);
        assert.equal(shown?.[1], `localserve due-now --http-port ${ls.httpPort}`);
        const cli = await runToEnd([MAIN_JS, ...shown[1].split(' ')]);
        assert.equal(cli.exit.code, 0, cli.stderr);
        assert.match(cli.stdout, /^made due now: 1 queued message, \d+ webhooks?\n$/);
      } else if (attempts === 2) {
        // The port from the environment, the answer as JSON.
        const cli = await runToEnd([MAIN_JS, 'localserve', 'due-now', '--json'], { env: cleanEnv({ POSTWIRE_HTTP_PORT: String(ls.httpPort) }) });
        assert.equal(cli.exit.code, 0, cli.stderr);
        assert.equal(JSON.parse(cli.stdout).Messages, 1);
      } else {
        assert.equal((await admin.call('DueNow', {})).Messages, 1);
      }
      if (attempts < 7) await eventually(() => delayed(attempts + 1), `delayed webhook ${attempts + 1}`);
    }
    const { payload } = await inbox.waitOutgoing(m.id, 'failed');
    assert.equal(payload.SMTPCode, 451);
    assert.equal(payload.Suppressing, false);
    assert.equal(new Set(inbox.outgoing(m.id).filter((c) => c.payload.Event === 'delayed').map((c) => c.id)).size, 7, 'one delayed webhook per failed attempt before the last');
    const { Messages } = await web.call('RetiredList', { Filter: { IDs: [m.id] } });
    assert.equal(Messages[0]?.Attempts, 8);
    assert.equal(Messages[0]?.Success, false);
    assert.equal((await admin.call('DueNow', {})).Messages, 0, 'nothing left to make due');
    remembered.failedAfterRetries = m.id;
  });

  it('delayed with a …451 recipient too; the message stays queued', async () => {
    const m = await send('user451@example.org', 'still waiting');
    const { payload } = await inbox.waitOutgoing(m.id, 'delayed');
    assert.equal(payload.SMTPCode, 451);
    assert.equal(payload.SMTPEnhancedCode, '4.0.0');
    remembered.stillQueued = m.id;
  });

  describe('hold rules', () => {
    let ruleId: number;
    before(async () => {
      ruleId = (await admin.call('HoldRuleAdd', { RecipientDomain: 'held.example' })).ID;
    });

    it('a hold rule pauses a new message; QueueHoldSet false releases it and it is delivered', async () => {
      const m = await send('ann@held.example', 'held for a while');
      const row = await eventually(async () => {
        const r = await queued(m.id);
        return r?.Hold === true ? r : null;
      }, 'the message on hold');
      assert.equal(row.Attempts, 0);
      await new Promise((r) => setTimeout(r, 1_000));
      assert.deepEqual(inbox.outgoing(m.id), [], 'no webhook while held');
      assert.ok(!(await history(m.id)).includes('DeliveryAttemptStarted'), 'no attempt while held');

      assert.equal((await admin.call('QueueHoldSet', { Filter: { IDs: [m.id] }, OnHold: false })).Count, 1);
      const { payload } = await inbox.waitOutgoing(m.id, 'delivered');
      assert.equal(payload.SMTPCode, 250);
    });

    it('canceled: QueueDrop on a held message', async () => {
      const m = await send('bob@held.example', 'never sent');
      await eventually(async () => (await queued(m.id))?.Hold === true, 'the message on hold');
      assert.equal((await admin.call('QueueDrop', { Filter: { IDs: [m.id] } })).Count, 1);
      const { payload } = await inbox.waitOutgoing(m.id, 'canceled');
      assert.equal(payload.SMTPCode, 0);
      await eventually(async () => (await queued(m.id)) === undefined, 'the message gone from the queue');
    });

    after(async () => {
      if (ruleId) await admin.call('HoldRuleRemove', { ID: ruleId });
    });
  });

  it('incoming: mail to the SMTP port, for the account or for anyone, is announced on the incoming webhook', async () => {
    for (const rcpt of ['postwire@localhost', 'whoever@example.com']) {
      const subject = `Hello ${rcpt}`;
      const raw = [
        'From: Carol <carol@example.net>',
        `To: ${rcpt}`,
        `Subject: ${subject}`,
        `Message-ID: <${randomBytes(8).toString('hex')}@example.net>`,
        'Date: Fri, 14 Mar 2025 09:00:00 +0000',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Hi there.',
        '',
      ].join('\r\n');
      const result = await deliverOverSmtp(ls.smtpPort, { from: 'carol@example.net', to: [rcpt] }, raw);
      assert.deepEqual(result.accepted, [rcpt]);
      const { payload } = await inbox.waitFor((c) => c.kind === 'incoming' && c.payload.Subject === subject, `the incoming webhook for ${rcpt}`);
      assert.deepEqual(payload.From, [{ Name: 'Carol', Address: 'carol@example.net' }]);
      assert.equal(payload.Meta.RcptTo, rcpt);
      assert.equal(payload.Meta.MailFrom, 'carol@example.net');
      assert.equal(payload.Text, 'Hi there.\n');
      assert.equal(payload.Meta.Automated, false);
    }
  });

  it('FromIDLoginAddressesSave: sending as that login gives each recipient a fromid', async () => {
    await web.call('FromIDLoginAddressesSave', { LoginAddresses: [FROMID_LOGIN] });
    const m = await send('dora@example.org', 'with a fromid', {}, webapi(ls.httpUrl, { user: FROMID_LOGIN, password: ACCOUNT.password }));
    assert.match(m.fromId, /^[A-Za-z0-9_-]{22}$/);
    const { payload } = await inbox.waitOutgoing(m.id, 'delivered');
    assert.equal(payload.FromID, m.fromId);
  });

  describe('real bounces sent back over SMTP to the fromid address', () => {
    if (!corpus) {
      it.skip('skipped: BOUNCE_CORPUS is unset (a folder of real bounces with expected.json; .ci/run sets it)', () => {});
      return;
    }
    for (const { role, entry, path } of chooseBounces(corpus)) {
      it(`${role}: ${entry.file} (${entry.mta}) gives the webhook expected.json describes`, async () => {
        const want = entry.recipients[0];
        const fromIdClient = webapi(ls.httpUrl, { user: FROMID_LOGIN, password: ACCOUNT.password });
        const m = await send(want?.address ?? 'someone@example.org', `about ${entry.file}`, {}, fromIdClient);
        await inbox.waitOutgoing(m.id, 'delivered');
        // A bounce comes from the null sender to the envelope sender of the message: <localpart>+<fromid>@.
        const result = await deliverOverSmtp(ls.smtpPort, { from: '', to: [`postwire+${m.fromId}@localhost`] }, readFileSync(path));
        assert.equal(result.accepted.length, 1, result.response);

        const event = want?.action ?? 'unrecognized';
        const { payload } = await inbox.waitOutgoing(m.id, event);
        assert.equal(payload.FromID, m.fromId);
        if (!want) {
          assert.equal(payload.DSN, false);
          assert.equal(payload.SMTPCode, 0);
          return;
        }
        assert.equal(payload.DSN, true);
        if (want.smtp_code_in_message) assert.equal(payload.SMTPCode, want.smtp_code);
        if (want.status_in_message) assert.equal(payload.SMTPEnhancedCode, want.status);
        else assert.equal(payload.SMTPEnhancedCode[0], want.status[0]);
        if (event === 'failed' && want.smtp_code === 550) {
          // 550 suppresses at once, whether Postwire's own attempt or a bounce reported it.
          assert.equal(payload.Suppressing, true);
          assert.equal((await web.call('SuppressionPresent', { EmailAddress: want.address })).Present, true);
        }
      });
    }
  });

  describe('stopped with SIGTERM during a delivery and started again on the same directory', () => {
    let big: { id: number; messageId: string };
    let kept: { suppressions: unknown; settings: unknown; retired: number[] };

    it('finishes the attempt in flight and exits 0', async () => {
      kept = {
        suppressions: (await web.call('SuppressionList', {})).Suppressions,
        settings: await web.call('AccountSettingsGet', {}),
        retired: (await web.call('RetiredList', {})).Messages.map((r: { ID: number }) => r.ID).sort((a: number, b: number) => a - b),
      };
      // A message big enough that its delivery to the local port takes a few seconds.
      const data = randomBytes(24 * 1024 * 1024).toString('base64');
      const sent = await web.call('Send', {
        To: [{ Address: 'erin@example.org' }],
        Subject: 'a large attachment',
        Text: 'See the attachment.\n',
        AttachedFiles: [{ Name: 'large.bin', ContentType: 'application/octet-stream', Data: data }],
      });
      big = { id: sent.Submissions[0].QueueMsgID, messageId: sent.MessageID };
      await eventually(async () => (await history(big.id)).includes('DeliveryAttemptStarted'), 'the delivery attempt to start', 60_000, 20);
      assert.ok(!(await history(big.id)).includes('DeliveryAttempted'), 'the attempt was still running at SIGTERM (make the message larger)');
      const exit = await ls.stop('SIGTERM');
      assert.deepEqual(exit, { code: 0, signal: null }, ls.child.tail());
      assert.match(ls.child.stderr, /shutting down: finishing in-flight work/);
    });

    it('comes back with ports from the environment and keeps suppressions, retired history and settings', async () => {
      const ports = { http: await freePort(), smtp: await freePort(), submission: await freePort() };
      await startOn({
        dir: join(root, 'data'),
        env: { POSTWIRE_HTTP_PORT: String(ports.http), POSTWIRE_SMTP_PORT: String(ports.smtp), POSTWIRE_SUBMISSION_PORT: String(ports.submission) },
      });
      assert.deepEqual([ls.httpPort, ls.smtpPort, ls.submissionPort], [ports.http, ports.smtp, ports.submission]);
      assert.doesNotMatch(ls.child.stderr, /localserve configuration created/, 'the configuration was kept, not made again');

      assert.deepEqual((await web.call('SuppressionList', {})).Suppressions, kept.suppressions);
      assert.equal((await web.call('SuppressionPresent', { EmailAddress: remembered.suppressedAddress })).Present, true);
      assert.deepEqual(await web.call('AccountSettingsGet', {}), kept.settings);
      const retired = (await web.call('RetiredList', {})).Messages as { ID: number; Success: boolean }[];
      for (const id of kept.retired) assert.ok(retired.some((r) => r.ID === id), `retired message ${id} kept`);
      assert.equal(retired.find((r) => r.ID === remembered.delivered)?.Success, true);
      assert.equal(retired.find((r) => r.ID === remembered.failedAfterRetries)?.Success, false);
      assert.equal((await queued(remembered.stillQueued))?.Attempts, 1, 'the …451 message is still queued');
    });

    it('the message in flight at SIGTERM was delivered exactly once', async () => {
      const delivered = await inbox.waitOutgoing(big.id, 'delivered', 60_000);
      assert.equal(delivered.payload.SMTPCode, 250);
      const events = await history(big.id);
      assert.equal(events.filter((t) => t === 'DeliveryAttemptStarted').length, 1, events.join(', '));
      assert.equal(events.filter((t) => t === 'MessageDelivered').length, 1, events.join(', '));
      // The copy the local SMTP port stored: one message in the mailbox, however often its webhook was tried.
      await inbox.waitFor((c) => c.kind === 'incoming' && c.payload.MessageID === big.messageId, 'the incoming webhook of the large message', 60_000);
      await new Promise((r) => setTimeout(r, 500));
      const copies = new Set(inbox.calls.filter((c) => c.kind === 'incoming' && c.payload.MessageID === big.messageId).map((c: WebhookCall) => c.payload.Meta.MsgID));
      assert.equal(copies.size, 1);
    });

    it('keeps sending, signed with the saved secret, after the restart', async () => {
      const m = await send('frank@example.org', 'after the restart');
      const { payload } = await inbox.waitOutgoing(m.id, 'delivered');
      assert.equal(payload.SMTPCode, 250);
      assert.deepEqual(inbox.rejected, [], 'every webhook call passed the Authorization and signature checks');
    });
  });
});
