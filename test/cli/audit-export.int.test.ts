// The auditor's commands on a real data directory: events export (all, --from, --stream, secrets hidden,
// a reader that goes away), audit of a message and of a stream (readable and --json), projections status
// and rebuild (read models equal before and after).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../src/auth/passwords';
import { MAIN, runCli } from '../support/cli-process';
import { startTestNode } from '../support/test-node';

describe('audit, events export and projections commands', () => {
  let dir: string;
  let queueMsgID = 0;
  let queueRows: unknown[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'postwire-audit-'));
    const node = await startTestNode({ dir, listen: true, bootstrap: { adminPasswordHash: await hashPassword('audit-admin') } });
    try {
      const call = async (api: string, method: string, user: string, password: string, body: unknown) => {
        const res = await fetch(`${node.url}/${api}/v0/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
          body: JSON.stringify(body),
        });
        assert.equal(res.status, 200, `${method}: ${await res.clone().text()}`);
        return res.json() as Promise<any>;
      };
      await call('adminapi', 'DomainAdd', 'admin', 'audit-admin', { Domain: 'shop.example', LocalpartCatchallSeparators: ['+'] });
      await call('adminapi', 'AccountAdd', 'admin', 'audit-admin', { Account: 'shop', Address: 'orders@shop.example', FullName: 'Shop', Password: 'audit-account-pw' });
      await call('webapi', 'WebhookSecretSave', 'orders@shop.example', 'audit-account-pw', { Secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}` });
      const sent = await call('webapi', 'Send', 'orders@shop.example', 'audit-account-pw', { To: [{ Address: 'ann@example.org' }], Subject: 'audited', Text: 'hello' });
      queueMsgID = sent.Submissions[0].QueueMsgID;
      await call('adminapi', 'QueueHoldSet', 'admin', 'audit-admin', { Filter: { IDs: [queueMsgID] }, OnHold: true });
      await node.settle();
      queueRows = node.runtime.readDb.prepare('SELECT * FROM queue_messages ORDER BY ID').all();
    } finally {
      await node.stop();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exports the log as JSON lines, positions increasing, secrets hidden unless asked', async () => {
    const all = await runCli(['events', 'export', '--dir', dir]);
    assert.equal(all.code, 0, all.stderr);
    const lines = all.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length > 5, true);
    for (let i = 1; i < lines.length; i++) assert.equal(lines[i].position > lines[i - 1].position, true);
    const secret = lines.find((l) => l.type === 'WebhookSecretChanged');
    assert.equal(secret.data.Secret, '(secret)');
    const password = lines.find((l) => l.type === 'AccountPasswordChanged');
    assert.equal(password.data.PasswordHash, '(secret)');
    const withSecrets = await runCli(['events', 'export', '--dir', dir, '--include-secrets', '--stream', 'account-']);
    assert.match(withSecrets.stdout, /whsec_/);
    assert.match(withSecrets.stdout, /scrypt\$/);

    const from = lines[3].position;
    const tail = (await runCli(['events', 'export', '--dir', dir, '--from', String(from)])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(tail[0].position, from);
    assert.equal(tail.length, lines.length - 3);

    const messages = (await runCli(['events', 'export', '--dir', dir, '--stream', `message-${queueMsgID}`])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual([...new Set(messages.map((l) => l.streamId))], [`message-${queueMsgID}`]);

    const bad = await runCli(['events', 'export', '--dir', dir, '--from', 'yesterday']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--from must be a position/);
  });

  it('stops quietly when its reader goes away', async () => {
    const code = await new Promise<number | null>((done) => {
      const child = spawn(process.execPath, [MAIN, 'events', 'export', '--dir', dir]);
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (c) => {
        assert.equal(stderr, '');
        done(c);
      });
    });
    assert.equal(code, 0);
  });

  it('audits a message readably and as JSON, and a stream', async () => {
    const readable = await runCli(['audit', String(queueMsgID), '--dir', dir]);
    assert.equal(readable.code, 0, readable.stderr);
    assert.match(readable.stdout, new RegExp(`^History of message ${queueMsgID} of account shop: \\d+ events`));
    assert.match(readable.stdout, /MessageQueued\s+queued by shop via webapi: orders@shop\.example -> ann@example\.org/);
    assert.match(readable.stdout, /MessageHeld\s+held/);
    const json = (await runCli(['audit', String(queueMsgID), '--dir', dir, '--json'])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(json[0].type, 'MessageQueued');
    assert.deepEqual(json[0].data.Recipients.map((r: { QueueMsgID: number }) => r.QueueMsgID), [queueMsgID]);
    const account = await runCli(['audit', 'account-shop', '--dir', dir]);
    assert.match(account.stdout, /AccountAdded/);
    assert.doesNotMatch(account.stdout, /whsec_|scrypt\$/);
    const missing = await runCli(['audit', '999999', '--dir', dir]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no message with queue id 999999/);
  });

  it('shows projection status and rebuilds to identical read models', async () => {
    const status = await runCli(['projections', 'status', '--dir', dir, '--json']);
    const rows = status.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(rows.find((r) => r.Name === 'queue').State, 'up to date');
    const rebuild = await runCli(['projections', 'rebuild', '--dir', dir]);
    assert.equal(rebuild.code, 0, rebuild.stderr);
    assert.match(rebuild.stdout, /^rebuilt .*queue.* \(\d+ events, up to position \d+\)/);
    const node = await startTestNode({ dir });
    try {
      assert.deepEqual(node.runtime.readDb.prepare('SELECT * FROM queue_messages ORDER BY ID').all(), queueRows);
    } finally {
      await node.stop();
    }
    const unknown = await runCli(['projections', 'rebuild', 'nope', '--dir', dir]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no projection named nope/);
  });

  it('says which directory is missing', async () => {
    const res = await runCli(['projections', 'status', '--dir', join(dir, 'nowhere')]);
    assert.equal(res.code, 1);
    assert.match(res.stderr, /data directory .*nowhere does not exist/);
  });
});
