// Who makes which attempt: several recipients in one SMTP transaction (each claimed), per-domain
// concurrency, an attempt whose worker died (re-claimed later as the next attempt, never twice as the
// same one, including a worker process killed mid-DATA), and two nodes on one event store racing for the
// same messages. Also the three-consecutive-failures rule, which looks at the account's own history.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { messageStream } from '../../src/queue/message-events';
import type { StoredEvent } from '../../src/event-store/event-store';
import { eventsUntil, eventually, messageEvents, setupSender, startDeliveryNode, type DeliveryNode } from '../support/delivery-node';
import { queueMessage } from '../support/queued-message';
import { sleep, SmtpPeer, type PeerScript } from '../support/smtp-peer';

const START = new Date('2026-03-02T09:00:00.000Z');
const SENDER = 'shop@sender.example';
const isFinal = (types: string[]) => types.includes('MessageRetired');
const starts = (events: StoredEvent[]) => events.filter((e) => e.type === 'DeliveryAttemptStarted').map((e) => e.data as { Attempt: number; Node: string; Start: string });

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function peerWith(script: PeerScript = {}): Promise<SmtpPeer> {
  const peer = await new SmtpPeer(script).start();
  cleanups.push(() => peer.stop());
  return peer;
}

async function node(peer: SmtpPeer, options: Partial<Parameters<typeof startDeliveryNode>[0]> = {}): Promise<DeliveryNode> {
  const n = await startDeliveryNode({ smtpPort: peer.port, now: START, jitterSeconds: 0, ...options });
  cleanups.push(() => n.stop());
  return n;
}

describe('delivery claims and concurrency', () => {
  after(() => undefined);

  it('carries recipients with one BaseID and domain in one transaction, each claimed, answered per recipient', async () => {
    const peer = await peerWith({ rcpt: (to) => (to.startsWith('gone') ? '550 5.1.1 no such user' : undefined) });
    const n = await node(peer);
    await setupSender(n, 'shop', SENDER);
    const { ids } = await queueMessage(n, { account: 'shop', from: SENDER, to: ['a@dest.example', 'gone@dest.example', 'b@dest.example', 'c@other.example'] });
    for (const id of ids) await eventsUntil(n, id, isFinal, `message ${id}`);
    const outcomes = await Promise.all(ids.map(async (id) => (await messageEvents(n, id)).map((e) => e.type)));
    assert.deepEqual(outcomes.map((types) => types.filter((t) => t.startsWith('Message') && t !== 'MessageRetired')), [['MessageDelivered'], ['MessageFailed'], ['MessageDelivered'], ['MessageDelivered']]);
    for (const id of ids) assert.equal(starts(await messageEvents(n, id)).length, 1, `message ${id} claimed once`);
    // dest.example in one transaction, other.example in another.
    assert.equal([...peer.transactions.values()].reduce((a, b) => a + b, 0), 2);
    assert.deepEqual(peer.received.map((r) => r.to).sort(), [['a@dest.example', 'b@dest.example'], ['c@other.example']]);
  });

  it('does not batch recipients that do not share a BaseID', async () => {
    const peer = await peerWith();
    const n = await node(peer);
    await setupSender(n, 'shop', SENDER);
    const { ids } = await queueMessage(n, { account: 'shop', from: SENDER, to: ['a@dest.example', 'b@dest.example'], shareBaseID: false });
    for (const id of ids) await eventsUntil(n, id, isFinal, `message ${id}`);
    assert.deepEqual(peer.received.map((r) => r.to), [['a@dest.example'], ['b@dest.example']]);
  });

  for (const [perDomain, want] of [[undefined, 1], [2, 2]] as const) {
    it(`runs at most ${want} attempt(s) at once per recipient domain${perDomain ? ' (configured)' : ' (default, as mox)'}, more across domains`, async () => {
      const active = new Map<string, number>();
      const most = new Map<string, number>();
      let activeAll = 0;
      let mostAll = 0;
      const peer = await peerWith({
        data: async (_m, session) => {
          const domain = session.envelope.rcptTo[0].address.split('@')[1];
          active.set(domain, (active.get(domain) ?? 0) + 1);
          most.set(domain, Math.max(most.get(domain) ?? 0, active.get(domain)!));
          mostAll = Math.max(mostAll, ++activeAll);
          await sleep(150);
          active.set(domain, active.get(domain)! - 1);
          activeAll--;
          return undefined;
        },
      });
      const n = await node(peer, { bootstrap: perDomain ? { delivery: { perDomainConcurrency: perDomain } } : undefined, startWorker: false });
      await setupSender(n, 'shop', SENDER);
      const all: number[] = [];
      for (let i = 0; i < 4; i++) all.push(...(await queueMessage(n, { account: 'shop', from: SENDER, to: [`r${i}@dest.example`] })).ids);
      for (let i = 0; i < 3; i++) all.push(...(await queueMessage(n, { account: 'shop', from: SENDER, to: [`r@d${i}.example`] })).ids);
      const t0 = Date.now();
      await n.startWorker();
      for (const id of all) await eventsUntil(n, id, isFinal, `message ${id}`);
      assert.equal(most.get('dest.example'), want);
      assert.ok(mostAll > want, `other domains in parallel (at most ${mostAll} at once)`);
      assert.ok(Date.now() - t0 >= (4 / want) * 150 - 20, 'the domain\'s messages took turns');
    });
  }

  it('re-claims an attempt whose worker died, after its NextAttempt, as the next attempt', async () => {
    const peer = await peerWith();
    const n = await node(peer, { startWorker: false });
    await setupSender(n, 'shop', SENDER);
    const { ids } = await queueMessage(n, { account: 'shop', from: SENDER, to: ['anna@dest.example'] });
    // What a worker leaves behind when it dies between claim and outcome.
    await n.runtime.store.appendToStream(messageStream(ids[0]), [
      { type: 'DeliveryAttemptStarted', data: { QueueMsgID: ids[0], Attempt: 1, Start: START.toISOString(), NextAttempt: new Date(START.getTime() + 450_000).toISOString(), Node: 'gone-node:1' }, metadata: { now: START.toISOString() } },
    ], { expectedRevision: 'no_stream' });
    await n.settle();
    await n.startWorker();
    await sleep(200);
    assert.equal(peer.connections, 0, 'never retried hot');
    n.clock.advance(450_000);
    const events = await eventsUntil(n, ids[0], isFinal, 'delivery');
    assert.deepEqual(events.map((e) => e.type), ['DeliveryAttemptStarted', 'DeliveryAttempted', 'DeliveryAttemptStarted', 'DeliveryAttempted', 'MessageDelivered', 'MessageRetired']);
    assert.deepEqual(starts(events).map((s) => [s.Attempt, s.Node === 'gone-node:1']), [[1, true], [2, false]]);
    const interrupted = events[1].data as { Attempt: number; Result: { Error: string; Code: number } };
    assert.equal(interrupted.Attempt, 1);
    assert.equal(interrupted.Result.Error, 'delivery attempt interrupted: the node making it stopped before recording the outcome');
    assert.equal(peer.received.length, 1);
  });

  it('an interrupted last attempt fails the message without another attempt', async () => {
    const peer = await peerWith();
    const n = await node(peer, { startWorker: false });
    await setupSender(n, 'shop', SENDER);
    const { ids } = await queueMessage(n, { account: 'shop', from: SENDER, to: ['anna@dest.example'], maxAttempts: 1 });
    await n.runtime.store.appendToStream(messageStream(ids[0]), [
      { type: 'DeliveryAttemptStarted', data: { QueueMsgID: ids[0], Attempt: 1, Start: START.toISOString(), NextAttempt: new Date(START.getTime() + 450_000).toISOString(), Node: 'gone-node:1' }, metadata: { now: START.toISOString() } },
    ], { expectedRevision: 'no_stream' });
    await n.settle();
    n.clock.advance(450_000);
    await n.startWorker();
    const events = await eventsUntil(n, ids[0], isFinal, 'failure');
    assert.deepEqual(events.map((e) => e.type), ['DeliveryAttemptStarted', 'DeliveryAttempted', 'MessageFailed', 'MessageRetired']);
    assert.equal((events[2].data as { Reason: string }).Reason, 'attempts');
    assert.equal(peer.connections, 0);
  });

  it('a worker process killed in the middle of DATA: the attempt is retried later as attempt 2, once', async () => {
    let release: (reply: string | undefined) => void = () => undefined;
    let dataSeen = 0;
    const peer = await peerWith({
      data: () => {
        dataSeen++;
        if (dataSeen > 1) return undefined;
        return new Promise<string | undefined>((resolve) => (release = resolve));
      },
    });
    const dirA = mkdtempSync(join(tmpdir(), 'postwire-crash-a-'));
    const dirB = mkdtempSync(join(tmpdir(), 'postwire-crash-b-'));
    cleanups.push(() => {
      rmSync(dirA, { recursive: true, force: true });
      rmSync(dirB, { recursive: true, force: true });
    });
    const now = new Date();
    const a = await node(peer, { dir: dirA, now, startWorker: false });
    await setupSender(a, 'shop', SENDER);
    const { ids } = await queueMessage(a, { account: 'shop', from: SENDER, to: ['anna@dest.example'] });
    symlinkSync(join(dirA, 'events.sqlite'), join(dirB, 'events.sqlite'));
    const child = spawnWorker(dirB, peer.port);
    cleanups.push(() => void child.kill('SIGKILL'));
    await eventually(() => dataSeen === 1, 'the child to reach DATA', 30_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    release('451 4.3.0 the client went away');
    await a.settle();
    const claimed = starts(await messageEvents(a, ids[0]));
    assert.equal(claimed.length, 1);
    assert.notEqual(claimed[0].Node, a.runtime.node);
    await a.startWorker();
    await sleep(200);
    assert.equal(starts(await messageEvents(a, ids[0])).length, 1, 'not retried before its NextAttempt');
    a.clock.set(new Date(Date.parse(claimed[0].Start) + 455_000));
    const events = await eventsUntil(a, ids[0], isFinal, 'delivery after the crash', 20_000);
    assert.deepEqual(starts(events).map((s) => s.Attempt), [1, 2]);
    assert.deepEqual(events.map((e) => e.type), ['DeliveryAttemptStarted', 'DeliveryAttempted', 'DeliveryAttemptStarted', 'DeliveryAttempted', 'MessageDelivered', 'MessageRetired']);
    assert.equal(peer.received.length, 1, 'delivered once');
  });

  it('two nodes on one event store never make the same attempt', async () => {
    const peer = await peerWith({ rcpt: (to) => (to.startsWith('later') ? '451 4.3.0 later' : undefined) });
    const dirA = mkdtempSync(join(tmpdir(), 'postwire-two-a-'));
    const dirB = mkdtempSync(join(tmpdir(), 'postwire-two-b-'));
    cleanups.push(() => {
      rmSync(dirA, { recursive: true, force: true });
      rmSync(dirB, { recursive: true, force: true });
    });
    const a = await node(peer, { dir: dirA, startWorker: false, bootstrap: { delivery: { concurrency: 4 } } });
    await setupSender(a, 'shop', SENDER);
    mkdirSync(dirB, { recursive: true });
    symlinkSync(join(dirA, 'events.sqlite'), join(dirB, 'events.sqlite'));
    const b = await node(peer, { dir: dirB, startWorker: false, bootstrap: { delivery: { concurrency: 4 } } });
    const ids: number[] = [];
    for (let i = 0; i < 24; i++) ids.push(...(await queueMessage(a, { account: 'shop', from: SENDER, to: [`${i % 3 === 0 ? 'later' : 'now'}${i}@d${i % 6}.example`] })).ids);
    await eventually(async () => (await b.runtime.store.headPosition()) === (await a.runtime.store.headPosition()) && (await b.settle(), true), 'node b to catch up');
    await Promise.all([a.startWorker(), b.startWorker()]);
    const later = ids.filter((_, i) => i % 3 === 0);
    const now = ids.filter((_, i) => i % 3 !== 0);
    for (const id of now) await eventsUntil(a, id, isFinal, `message ${id}`, 20_000);
    for (const id of later) await eventsUntil(a, id, (t) => t.includes('DeliveryDelayed'), `message ${id} delayed`, 20_000);
    // Both nodes' clocks reach the second attempt at once: they race again.
    a.clock.advance(450_000);
    b.clock.advance(450_000);
    for (const id of later) await eventsUntil(a, id, (t) => t.filter((x) => x === 'DeliveryDelayed').length === 2, `message ${id} attempt 2`, 20_000);
    for (const id of ids) {
      const claimed = starts(await messageEvents(a, id));
      assert.deepEqual(claimed.map((c) => c.Attempt), later.includes(id) ? [1, 2] : [1], `message ${id}: each attempt claimed once`);
    }
    const deliveredTo = peer.received.flatMap((r) => r.to);
    assert.equal(deliveredTo.length, now.length);
    assert.equal(new Set(deliveredTo).size, now.length, 'no message delivered twice');
    // Every claim was made by exactly one of the two workers, and both took part.
    assert.equal(a.worker.stats.claimed + b.worker.stats.claimed, ids.length + later.length);
    assert.ok(a.worker.stats.claimed > 0 && b.worker.stats.claimed > 0, `both nodes attempted (a ${a.worker.stats.claimed}, b ${b.worker.stats.claimed})`);
  });

  it('three consecutive failures suppress, counting only the account\'s own history', async () => {
    const peer = await peerWith({ rcpt: (to) => (to.startsWith('flaky') ? '554 5.0.0 not now, not ever' : undefined) });
    const n = await node(peer);
    await setupSender(n, 'shop', SENDER, '72h');
    await setupSender(n, 'club', 'club@sender.example', '72h');
    const failedOf = async (account: string, from: string, to: string) => {
      const { ids } = await queueMessage(n, { account, from, to: [to] });
      const events = await eventsUntil(n, ids[0], isFinal, `${account} to ${to}`);
      await n.settle();
      n.clock.advance(1_000);
      const failed = events.find((e) => e.type === 'MessageFailed');
      return failed ? (failed.data as { Suppressing: boolean; SuppressionReason: string }) : null;
    };
    assert.equal((await failedOf('shop', SENDER, 'flaky@dest.example'))!.Suppressing, false);
    assert.equal((await failedOf('shop', SENDER, 'flaky@dest.example'))!.Suppressing, false);
    // Another account's first failure to the same address: its own history is empty.
    assert.equal((await failedOf('club', 'club@sender.example', 'flaky@dest.example'))!.Suppressing, false);
    const third = (await failedOf('shop', SENDER, 'flaky@dest.example'))!;
    assert.equal(third.Suppressing, true);
    assert.equal(third.SuppressionReason, 'delivery failure from queue and three consecutive failures');
    await eventually(async () => (await n.runtime.store.readStream('suppressions-shop')).length === 1, 'shop\'s suppression');
    assert.deepEqual(await n.runtime.store.readStream('suppressions-club'), []);
  });
});

function spawnWorker(dir: string, port: number): ChildProcess {
  const child = spawn(process.execPath, [join(__dirname, 'worker-process.js'), dir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGKILL') process.stderr.write(`worker process exited with ${code}: ${err}\n`);
  });
  return child;
}
