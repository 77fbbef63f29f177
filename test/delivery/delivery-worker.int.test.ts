// The delivery worker on a whole test node against an SMTP peer on loopback: outcomes and their events,
// the exact retry schedule with a manual clock, DelayDSN, retention, the checks before connecting
// (disabled sender domain, suppression list, unknown transport), DSN mails into the sender's Inbox, and
// graceful stop.
import assert from 'node:assert/strict';
import { after, afterEach, describe, it } from 'node:test';
import { MAILBOX_MESSAGES_TABLE } from '../../projections/mailbox';
import { QUEUE_TABLE } from '../../projections/queue';
import { DomainDisabledSaveMethod } from '../../src/config/api/domain-methods';
import { parseBounce } from '../../src/dsn/parse-bounce';
import { SuppressionService } from '../../src/suppression/suppression-service';
import type { StoredEvent } from '../../src/event-store/event-store';
import type { MessageEvent } from '../../src/queue/message-events';
import { adminCaller, eventsUntil, eventually, messageEventTypes, setupSender, startDeliveryNode, type DeliveryNode } from '../support/delivery-node';
import { queueMessage } from '../support/queued-message';
import { sleep, SmtpPeer, type PeerScript } from '../support/smtp-peer';

type Typed<T extends MessageEvent['type']> = StoredEvent & Extract<MessageEvent, { type: T }>;
const find = <T extends MessageEvent['type']>(events: StoredEvent[], type: T, nth = 0) => events.filter((e) => e.type === type)[nth] as Typed<T>;
const isFinal = (types: string[]) => types.includes('MessageRetired');

const START = new Date('2026-03-02T09:00:00.000Z');
const SENDER = 'shop@sender.example';

interface Setup {
  node: DeliveryNode;
  peer: SmtpPeer;
}

const running: Setup[] = [];
async function setup(script: PeerScript = {}, options: { keep?: string; jitter?: number; bootstrap?: Parameters<typeof startDeliveryNode>[0]['bootstrap'] } = {}): Promise<Setup> {
  const peer = await new SmtpPeer(script).start();
  const node = await startDeliveryNode({ smtpPort: peer.port, now: START, jitterSeconds: options.jitter ?? 0, bootstrap: options.bootstrap });
  const s = { node, peer };
  running.push(s);
  await setupSender(node, 'shop', SENDER, options.keep ?? '0s');
  return s;
}

function inbox(node: DeliveryNode, account: string): { MsgID: number; ContentSha256: string; IdempotencyKey: string | null }[] {
  return node.runtime.readDb.prepare(`SELECT MsgID, ContentSha256, IdempotencyKey FROM ${MAILBOX_MESSAGES_TABLE} WHERE Account = ? AND Mailbox = 'Inbox' ORDER BY MsgID`).all(account) as never;
}

describe('delivery worker', () => {
  afterEach(async () => {
    for (const s of running.splice(0)) {
      await s.node.stop();
      await s.peer.stop();
    }
  });
  after(() => undefined);

  it('delivers: claim, attempt result with the next hop\'s code, delivered, retired (no retention: row gone)', async () => {
    const { node, peer } = await setup();
    const { ids, raw } = await queueMessage(node, { account: 'shop', from: SENDER, to: ['anna@dest.example'], body: 'Hello Anna.', msgPrefix: 'Received: from app by mail.test.example\r\n' });
    const events = await eventsUntil(node, ids[0], isFinal, 'retirement');
    assert.deepEqual(events.map((e) => e.type), ['DeliveryAttemptStarted', 'DeliveryAttempted', 'MessageDelivered', 'MessageRetired']);
    const started = find(events, 'DeliveryAttemptStarted');
    assert.equal(started.data.Attempt, 1);
    assert.equal(started.data.Start, START.toISOString());
    assert.equal(started.data.Node, node.runtime.node);
    const delivered = find(events, 'MessageDelivered');
    assert.equal(delivered.data.Result.Success, true);
    assert.equal(delivered.data.Result.Code, 250);
    assert.equal(delivered.data.Result.Error, '');
    assert.equal(delivered.data.Message.RecipientAddress, 'anna@dest.example');
    assert.equal(find(events, 'DeliveryAttempted').data.RemoteHost, 'mx.dest.example');
    const retired = find(events, 'MessageRetired');
    assert.deepEqual({ ...retired.data, LastActivity: undefined }, { QueueMsgID: ids[0], Outcome: 'delivered', Success: true, LastActivity: undefined, KeepUntil: null });
    assert.equal(peer.received.length, 1);
    assert.equal(peer.received[0].data.toString(), `Received: from app by mail.test.example\r\n${raw.toString()}`, 'MsgPrefix, then the stored content');
    await node.settle();
    assert.equal((node.runtime.readDb.prepare(`SELECT COUNT(*) AS n FROM ${QUEUE_TABLE} WHERE ID = ?`).get(ids[0]) as { n: number }).n, 0);
  });

  it('keeps the retired message for the account\'s KeepRetiredMessagePeriod', async () => {
    const { node } = await setup({}, { keep: '72h' });
    const { ids } = await queueMessage(node, { account: 'shop', from: SENDER, to: ['anna@dest.example'] });
    const events = await eventsUntil(node, ids[0], isFinal, 'retirement');
    const retired = find(events, 'MessageRetired');
    assert.equal(retired.data.KeepUntil, new Date(START.getTime() + 72 * 3_600_000).toISOString());
    await node.settle();
    const row = node.runtime.readDb.prepare(`SELECT Retired, Success, KeepUntil FROM ${QUEUE_TABLE} WHERE ID = ?`).get(ids[0]) as Record<string, unknown>;
    assert.deepEqual({ ...row }, { Retired: 1, Success: 1, KeepUntil: retired.data.KeepUntil });
  });

  it('retries a temporary failure after exactly 7m30s (+ jitter), with a delayed event', async () => {
    const { node, peer } = await setup({ rcpt: () => '451 4.7.1 greylisted, try again later' }, { jitter: 3 });
    const { ids } = await queueMessage(node, { account: 'shop', from: SENDER, to: ['anna@dest.example'] });
    const events = await eventsUntil(node, ids[0], (t) => t.includes('DeliveryDelayed'), 'delayed');
    assert.deepEqual(events.map((e) => e.type), ['DeliveryAttemptStarted', 'DeliveryAttempted', 'DeliveryDelayed']);
    const delayed = find(events, 'DeliveryDelayed');
    assert.equal(delayed.data.NextAttempt, new Date(START.getTime() + 453_000).toISOString());
    assert.equal(delayed.data.DelayDSN, false);
    assert.equal(delayed.data.Result.Code, 451);
    assert.equal(delayed.data.Result.Secode, '7.1');
    assert.equal(delayed.data.Result.Error, 'delivering message to mx.dest.example: remote smtp server sent unexpected response status code, transient: 451 4.7.1 greylisted, try again later');
    const attempted = find(events, 'DeliveryAttempted');
    assert.deepEqual(attempted.data.SMTPLines, ['451 4.7.1 greylisted, try again later']);
    await node.settle();
    const row = node.runtime.readDb.prepare(`SELECT Attempts, NextAttempt, InFlight FROM ${QUEUE_TABLE} WHERE ID = ?`).get(ids[0]) as Record<string, unknown>;
    assert.deepEqual({ ...row }, { Attempts: 1, NextAttempt: delayed.data.NextAttempt, InFlight: 0 });
    // Nothing happens before NextAttempt...
    node.clock.advance(452_000);
    await sleep(150);
    assert.equal(peer.transactions.size, 1);
    // ...and the second attempt at it.
    node.clock.advance(1_000);
    const second = await eventsUntil(node, ids[0], (t) => t.filter((x) => x === 'DeliveryDelayed').length === 2, 'second attempt');
    assert.equal(find(second, 'DeliveryAttemptStarted', 1).data.Attempt, 2);
    assert.equal(find(second, 'DeliveryDelayed', 1).data.NextAttempt, new Date(START.getTime() + 453_000 + 2 * 453_000).toISOString());
  });

  it('makes 8 attempts on mox\'s schedule, sends the delayed DSN after the 5th, then fails and mails a failure DSN', async () => {
    const { node } = await setup({ rcpt: () => '452 4.2.2 mailbox full' }, { jitter: -5 });
    const { ids } = await queueMessage(node, { account: 'shop', from: SENDER, to: ['anna@dest.example'] });
    const id = ids[0];
    const starts: number[] = [];
    for (let attempt = 1; attempt <= 7; attempt++) {
      const events = await eventsUntil(node, id, (t) => t.filter((x) => x === 'DeliveryDelayed').length === attempt, `attempt ${attempt}`);
      const delayed = find(events, 'DeliveryDelayed', attempt - 1);
      const started = find(events, 'DeliveryAttemptStarted', attempt - 1);
      assert.equal(started.data.Attempt, attempt);
      starts.push(Date.parse(started.data.Start));
      assert.equal(Date.parse(delayed.data.NextAttempt) - Date.parse(started.data.Start), 445_000 * 2 ** (attempt - 1), `wait after attempt ${attempt}`);
      assert.equal(delayed.data.DelayDSN, attempt === 5, `DelayDSN after attempt ${attempt}`);
      assert.equal(delayed.data.Message.Attempts, attempt);
      node.clock.set(new Date(delayed.data.NextAttempt));
    }
    const events = await eventsUntil(node, id, isFinal, 'final failure');
    starts.push(Date.parse(find(events, 'DeliveryAttemptStarted', 7).data.Start));
    // Attempt times from the first: 0, 7.5m, 22.5m, 52.5m, 1h52.5m, 3h52.5m, 7h52.5m, 15h52.5m (less jitter).
    assert.deepEqual(starts.map((t) => (t - starts[0]) / 445_000), [0, 1, 3, 7, 15, 31, 63, 127]);
    assert.equal(events.filter((e) => e.type === 'DeliveryAttemptStarted').length, 8);
    const failed = find(events, 'MessageFailed');
    assert.equal(failed.data.Reason, 'attempts');
    assert.equal(failed.data.Suppressing, false, 'a 4xx never suppresses at once, and there is no history');
    assert.equal(failed.data.Result.Code, 452);
    assert.equal(find(events, 'MessageRetired').data.Outcome, 'failed');
    const mails = await eventually(() => (inbox(node, 'shop').length === 2 ? inbox(node, 'shop') : null), 'two DSN mails');
    const delayedDsn = parseBounce(await node.runtime.content.get(mails[0].ContentSha256));
    assert.deepEqual(delayedDsn.Recipients.map((r) => [r.Address, r.Action, r.Status, r.SMTPCode]), [['anna@dest.example', 'delayed', '4.2.2', 452]]);
    const failedRaw = await node.runtime.content.get(mails[1].ContentSha256);
    const failedDsn = parseBounce(failedRaw);
    assert.deepEqual(failedDsn.Recipients.map((r) => [r.Address, r.Action, r.SMTPCode]), [['anna@dest.example', 'failed', 452]]);
    // RFC 3464 §2.3.4: a final failure's status class is 5 whatever the last reply's class was (mox).
    assert.match(failedRaw.toString(), /\r\nStatus: 5\.2\.2\r\n/);
    assert.match(failedRaw.toString(), /\r\nDiagnostic-Code: smtp; 452 4\.2\.2 mailbox full\r\n/);
    assert.match(failedRaw.toString(), /^Return-Path: <postmaster@mail\.test\.example>\r\nDelivered-To: shop@sender\.example\r\n/);
    assert.match(failedRaw.toString(), /\r\nSubject: mail delivery failed\r\n/);
  });

  it('550 5.1.0 fails permanently and suppresses; the next message to any variant is suppressed without connecting', async () => {
    const { node, peer } = await setup({ rcpt: (to) => (to.startsWith('gone') ? '550 5.1.0 address rejected' : undefined) });
    const first = await queueMessage(node, { account: 'shop', from: SENDER, to: ['gone@dest.example'] });
    const events = await eventsUntil(node, first.ids[0], isFinal, 'failure');
    const failed = find(events, 'MessageFailed');
    assert.equal(failed.data.Reason, 'permanent');
    assert.equal(failed.data.Suppressing, true);
    assert.equal(failed.data.SuppressionReason, 'delivery failure from queue with smtp code 550, enhanced code "1.0"');
    const listed = await eventually(async () => (await node.runtime.store.readStream('suppressions-shop')).find((e) => e.type === 'AddressSuppressed'), 'the suppression');
    assert.deepEqual({ ...listed.data, ID: 0, Created: '' }, {
      ID: 0,
      Created: '',
      Account: 'shop',
      BaseAddress: 'gone@dest.example',
      OriginalAddress: 'gone@dest.example',
      Manual: false,
      Reason: 'delivery failure from queue with smtp code 550, enhanced code "1.0"',
    });
    await node.settle();
    const connections = peer.connections;
    const second = await queueMessage(node, { account: 'shop', from: SENDER, to: ['Gone+news@dest.example'] });
    const suppressedEvents = await eventsUntil(node, second.ids[0], isFinal, 'suppressed');
    assert.deepEqual(suppressedEvents.map((e) => e.type), ['DeliveryAttemptStarted', 'DeliveryAttempted', 'MessageSuppressed', 'MessageRetired']);
    const suppressed = find(suppressedEvents, 'MessageSuppressed');
    assert.equal(suppressed.data.Result.Code, 0);
    assert.equal(suppressed.data.Result.Error, 'not delivering to recipient address Gone+news@dest.example: address is on suppression list, permanent');
    assert.equal(find(suppressedEvents, 'MessageRetired').data.Outcome, 'suppressed');
    assert.equal(peer.connections, connections, 'no connection for a suppressed recipient');
    // A failure DSN for each: the 550 and the suppression (mox delivers one for suppressed messages too).
    const mails = await eventually(() => (inbox(node, 'shop').length === 2 ? inbox(node, 'shop') : null), 'two failure DSNs');
    const second550 = parseBounce(await node.runtime.content.get(mails[0].ContentSha256));
    assert.deepEqual(second550.Recipients.map((r) => [r.Action, r.Status, r.SMTPCode]), [['failed', '5.1.0', 550]]);
    // The suppressed message's own failure: no second suppression event, no Suppressing.
    assert.equal((await node.runtime.store.readStream('suppressions-shop')).length, 1);
  });

  it('a message already queued is suppressed at its next attempt after its address is listed', async () => {
    const { node, peer } = await setup({ rcpt: () => '451 4.3.0 try later' });
    const { ids } = await queueMessage(node, { account: 'shop', from: SENDER, to: ['bob@dest.example'] });
    const delayed = find(await eventsUntil(node, ids[0], (t) => t.includes('DeliveryDelayed'), 'delayed'), 'DeliveryDelayed');
    await node.get(SuppressionService).add({ account: 'shop', address: 'B.o.b+list@dest.example', manual: true, reason: 'asked to stop' });
    const transactions = peer.transactions.size;
    node.clock.set(new Date(delayed.data.NextAttempt));
    const events = await eventsUntil(node, ids[0], isFinal, 'suppressed');
    assert.deepEqual(events.slice(3).map((e) => e.type), ['DeliveryAttemptStarted', 'DeliveryAttempted', 'MessageSuppressed', 'MessageRetired']);
    assert.equal(find(events, 'DeliveryAttemptStarted', 1).data.Attempt, 2);
    assert.equal(peer.transactions.size, transactions, 'no connection for the second attempt');
  });

  it('554 5.1.0 fails permanently but does not suppress', async () => {
    const { node } = await setup({ mail: () => '554 5.1.0 no thanks' });
    const { ids } = await queueMessage(node, { account: 'shop', from: SENDER, to: ['anna@dest.example'] });
    const failed = find(await eventsUntil(node, ids[0], isFinal, 'failure'), 'MessageFailed');
    assert.equal(failed.data.Suppressing, false);
    assert.equal(failed.data.Result.Code, 554);
    await sleep(100);
    assert.deepEqual(await node.runtime.store.readStream('suppressions-shop'), []);
  });

  it('the sender domain disabled: a temporary failure, no connection', async () => {
    const { node, peer } = await setup();
    await node.get(DomainDisabledSaveMethod).handle({ Domain: 'sender.example', Disabled: true }, adminCaller());
    await node.settle();
    const { ids } = await queueMessage(node, { account: 'shop', from: SENDER, to: ['anna@dest.example'] });
    const events = await eventsUntil(node, ids[0], (t) => t.includes('DeliveryDelayed'), 'delayed');
    assert.equal(find(events, 'DeliveryDelayed').data.Result.Error, 'domain of sender temporarily disabled');
    assert.equal(find(events, 'DeliveryDelayed').data.Result.Code, 0);
    assert.equal(peer.connections, 0);
  });

  it('an unknown transport: a temporary failure naming it', async () => {
    const { node, peer } = await setup();
    const { ids } = await queueMessage(node, { account: 'shop', from: SENDER, to: ['anna@dest.example'], transport: 'nope' });
    const events = await eventsUntil(node, ids[0], (t) => t.includes('DeliveryDelayed'), 'delayed');
    assert.equal(find(events, 'DeliveryDelayed').data.Result.Error, 'cannot find transport "nope"');
    assert.equal(peer.connections, 0);
  });

  it('a configured transport carries the message (smarthost with AUTH)', async () => {
    const relay = await new SmtpPeer({ auth: { user: 'u', pass: 'p' }, options: { hideSTARTTLS: true } }).start();
    try {
      const { node, peer } = await setup({}, { bootstrap: { transports: { relay: { host: '127.0.0.1', port: relay.port, security: 'none', username: 'u', password: 'p' } } } });
      const { ids } = await queueMessage(node, { account: 'shop', from: SENDER, to: ['anna@dest.example'], transport: 'relay' });
      const events = await eventsUntil(node, ids[0], isFinal, 'delivered');
      assert.equal(find(events, 'DeliveryAttempted').data.RemoteHost, '127.0.0.1');
      assert.equal(relay.received[0].user, 'u');
      assert.equal(peer.received.length, 0);
    } finally {
      await relay.stop();
    }
  });

  it('a held message is not attempted', async () => {
    const { node, peer } = await setup();
    const { ids } = await queueMessage(node, { account: 'shop', from: SENDER, to: ['anna@dest.example'], hold: true });
    await sleep(200);
    assert.deepEqual(await messageEventTypes(node, ids[0]), []);
    assert.equal(peer.connections, 0);
  });

  it('stops gracefully: an attempt in flight finishes and is recorded', async () => {
    let dataStarted = false;
    const { node } = await setup({ data: async () => ((dataStarted = true), await sleep(400), undefined) });
    const { ids } = await queueMessage(node, { account: 'shop', from: SENDER, to: ['anna@dest.example'] });
    await eventually(() => dataStarted, 'DATA');
    await node.worker.stop();
    assert.deepEqual(await messageEventTypes(node, ids[0]), ['DeliveryAttemptStarted', 'DeliveryAttempted', 'MessageDelivered', 'MessageRetired']);
  });

  it('after the stop bound, a hanging attempt is cut and recorded as a temporary failure', async () => {
    let dataStarted = false;
    const { node } = await setup({ data: async () => ((dataStarted = true), await sleep(5_000), undefined) });
    node.worker.settings.stopTimeoutMs = 200;
    const { ids } = await queueMessage(node, { account: 'shop', from: SENDER, to: ['anna@dest.example'] });
    await eventually(() => dataStarted, 'DATA');
    await node.worker.stop();
    const events = await node.runtime.store.readStream(`message-${ids[0]}`);
    assert.deepEqual(events.map((e) => e.type), ['DeliveryAttemptStarted', 'DeliveryAttempted', 'DeliveryDelayed']);
    assert.equal(find(events, 'DeliveryDelayed').data.Result.Code, 0);
    assert.match(find(events, 'DeliveryDelayed').data.Result.Error, /canceled/);
  });
});
