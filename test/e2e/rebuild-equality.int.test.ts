// Read models are only projections of the event log: after a real working session (localserve in a child
// process: configuration, sends that are delivered, fail and get suppressed, retries, a hold rule, a
// cancellation, mailbox changes, incoming mail, webhooks delivered to a receiver), rebuilding every
// projection from scratch, in place (postwire projections rebuild) and in a fresh read-model file, gives
// tables identical to the ones the server built live.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { allProjections } from '../../projections';
import { openSqliteEventStore } from '../../src/event-store/sqlite';
import { ProjectionRunner } from '../../src/projecting/projection-runner';
import { openReadModelDb } from '../../src/projecting/read-model-db';
import { runCli } from '../support/cli-process';
import { adminapi, eventually, webapi, type HttpApi } from './support/http-api';
import { startLocalserve, type Localserve } from './support/localserve-process';
import { deliverOverSmtp } from './support/smtp-send';
import { WebhookInbox } from './support/webhook-inbox';

type Snapshot = Record<string, unknown[]>;

function snapshot(db: Database.Database): Snapshot {
  const tables: Snapshot = {};
  for (const projection of allProjections) {
    for (const table of projection.tables) {
      const order = table.primaryKey.map((c) => `"${c}"`).join(', ');
      tables[table.name] = db.prepare(`SELECT * FROM "${table.name}" ORDER BY ${order}`).all();
    }
  }
  return tables;
}

describe('rebuilding every projection gives the live read models', { timeout: 600_000 }, () => {
  let root: string;
  let dir: string;
  let ls: Localserve | null = null;
  let inbox: WebhookInbox;
  let live: Snapshot;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'postwire-rebuild-eq-'));
    dir = join(root, 'data');
    inbox = await new WebhookInbox().start();
    ls = await startLocalserve({ dir, flags: { http: 0, smtp: 0, submission: 0 } });
    const web: HttpApi = webapi(ls.httpUrl);
    const admin: HttpApi = adminapi(ls.httpUrl);

    await web.call('OutgoingWebhookSave', { URL: `${inbox.url}/outgoing`, Authorization: inbox.authorization, Events: [] });
    await web.call('IncomingWebhookSave', { URL: `${inbox.url}/incoming`, Authorization: inbox.authorization });
    await web.call('WebhookSecretSave', { Secret: inbox.secret });
    await web.call('FromIDLoginAddressesSave', { LoginAddresses: ['postwire+fromid@localhost'] });

    const send = async (to: string, extra: Record<string, unknown> = {}) =>
      (await web.call('Send', { To: [{ Address: to }], Subject: `to ${to}`, Text: 'hello\n', ...extra })).Submissions[0].QueueMsgID as number;
    const delivered = await send('ok@example.org', { SaveSent: true, Extra: { user: '1' } });
    const failed = await send('gone-permerror@example.org');
    const delayed = await send('later-temperror@example.org');
    await admin.call('HoldRuleAdd', { Account: '', SenderDomain: '', RecipientDomain: 'hold.example' });
    const held = await send('someone@hold.example');
    await web.call('SuppressionAdd', { EmailAddress: 'manual@example.org', Manual: true, Reason: 'asked' });
    await web.call('SuppressionAdd', { EmailAddress: 'removed@example.org', Manual: true, Reason: 'asked' });
    await web.call('SuppressionRemove', { EmailAddress: 'removed@example.org' });

    await eventually(async () => (await web.call('DeliveryHistory', { QueueMsgID: delivered })).Events.some((e: { Type: string }) => e.Type === 'MessageDelivered'), 'delivered', 60_000);
    await eventually(async () => (await web.call('DeliveryHistory', { QueueMsgID: failed })).Events.some((e: { Type: string }) => e.Type === 'MessageFailed'), 'failed', 60_000);
    await eventually(async () => (await web.call('DeliveryHistory', { QueueMsgID: delayed })).Events.some((e: { Type: string }) => e.Type === 'DeliveryDelayed'), 'delayed', 60_000);
    await admin.call('DueNow', {});
    await eventually(async () => (await web.call('DeliveryHistory', { QueueMsgID: delayed })).Events.filter((e: { Type: string }) => e.Type === 'DeliveryDelayed').length >= 2, 'retried', 60_000);
    await admin.call('QueueDrop', { Filter: { IDs: [held] } });
    const rules = (await admin.call('HoldRuleList', {})).Rules as { ID: number }[];
    await admin.call('HoldRuleRemove', { ID: rules[0].ID });

    // Mailbox changes on the Sent copy, and incoming mail over SMTP.
    const raw = `From: Ann <ann@example.net>\r\nTo: postwire@localhost\r\nSubject: incoming\r\nMessage-ID: <in-1@example.net>\r\n\r\nHi there\r\n`;
    const smtp = await deliverOverSmtp(ls.smtpPort, { from: 'ann@example.net', to: ['postwire@localhost'] }, raw);
    assert.deepEqual(smtp.accepted, ['postwire@localhost'], JSON.stringify(smtp));
    await eventually(() => inbox.calls.find((c) => c.kind === 'incoming'), 'incoming webhook', 60_000);
    const incomingMsgID = inbox.calls.find((c) => c.kind === 'incoming')!.payload.Meta.MsgID as number;
    await web.call('MessageFlagsAdd', { MsgID: incomingMsgID, Flags: ['\\seen', 'important'] });
    await web.call('MessageMove', { MsgID: incomingMsgID, DestMailboxName: 'Archive' });
    await eventually(() => inbox.calls.filter((c) => c.kind === 'outgoing').length >= 4, 'outgoing webhooks', 60_000);

    const exit = await ls.stop('SIGTERM');
    ls = null;
    assert.equal(exit.code, 0);
    const db = new Database(join(dir, 'projections.sqlite'), { readonly: true });
    live = snapshot(db);
    db.close();
    const rows = Object.values(live).reduce((n, t) => n + t.length, 0);
    assert.equal(rows > 30, true, `a real session leaves rows in the read models (${rows})`);
  });

  after(async () => {
    await ls?.stop('SIGKILL');
    await inbox?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('in a fresh read-model file, replaying the whole log', async () => {
    const store = await openSqliteEventStore(join(dir, 'events.sqlite'));
    const db = openReadModelDb(join(root, 'fresh.sqlite'));
    const runner = new ProjectionRunner(store, db, allProjections);
    try {
      await runner.start();
      await runner.waitFor(await store.headPosition(), { timeoutMs: 60_000 });
      const fresh = snapshot(db);
      for (const table of Object.keys(live)) assert.deepEqual(fresh[table], live[table], `table ${table}`);
    } finally {
      await runner.stop();
      await store.close();
      db.close();
    }
  });

  it('in place, with postwire projections rebuild (built aside and swapped)', async () => {
    const res = await runCli(['projections', 'rebuild', '--dir', dir], { timeoutMs: 120_000 });
    assert.equal(res.code, 0, res.stderr);
    const db = new Database(join(dir, 'projections.sqlite'), { readonly: true });
    try {
      const rebuilt = snapshot(db);
      for (const table of Object.keys(live)) assert.deepEqual(rebuilt[table], live[table], `table ${table}`);
      const generations = db.prepare('SELECT name, generation FROM _projections').all() as { name: string; generation: number }[];
      for (const g of generations) assert.equal(g.generation >= 1, true, `${g.name} was swapped`);
    } finally {
      db.close();
    }
  });
});
