// One delivery attempt for a due message and the recipients that share its SMTP transaction, step by
// step as mox queue.go deliver (reference 3.3): claim each message's attempt; if the sender's domain is
// disabled, a temporary failure; recipients on the sender account's suppression list fail as
// `suppressed` without a connection; the transport must exist (else a temporary failure); then one SMTP
// transaction for all remaining recipients, and one outcome append per message.
import { Readable } from 'node:stream';
import type { ConfigView } from '../config/config-view';
import { newCommandContext } from '../core/command-handling';
import { messageStream } from '../queue/message-events';
import type { Runtime } from '../runtime/runtime';
import { formatEmailAddress, type EmailAddress } from '../suppression/email-address';
import { decideFailureSuppression } from '../suppression/failure-suppression';
import type { SuppressionService } from '../suppression/suppression-service';
import { plainError, type AttemptError } from './attempt-error';
import { appendIfUnchanged, decideClaim, interruptedResult, INTERRUPTED_TEXT, standingOf } from './claim';
import { deliveredEvents, failedEvents, failureResult, suppressedEvents, type ClaimedAttempt, type Decided } from './outcome-events';
import type { QueueQueries, QueueRow } from './queue-queries';
import { keepUntil } from './retention';
import { maxAttemptsOf } from './retry-schedule';
import type { DeliveryOutcome, DeliveryRequest, RecipientOutcome } from './transport';
import type { TransportResolver } from './transport-resolver';

export interface AttemptDependencies {
  runtime: Runtime;
  config: ConfigView;
  suppressions: SuppressionService;
  transports: TransportResolver;
  queue: QueueQueries;
  /** -5..+4 seconds (mox); injectable so a schedule can be checked exactly. */
  jitterSeconds: () => number;
}

interface Claimed extends ClaimedAttempt {
  /** Stream revision after the claim: the expected revision of the outcome append. */
  revision: number;
}

export interface AttemptReport {
  /** Message ids whose attempt this run made (claimed). */
  claimed: number[];
  /** Message ids someone else had acted on first. */
  skipped: number[];
  /** Highest position appended, for read-your-writes. */
  position: number;
}

const recipientOf = (row: QueueRow): EmailAddress => ({
  localpart: row.RecipientLocalpart,
  domainASCII: row.RecipientDomain,
  domainUnicode: row.RecipientDomainStr,
});

export class DeliveryAttempt {
  private position = -1;

  constructor(private readonly deps: AttemptDependencies) {}

  /** `rows`: the due message first, then its transaction partners (queue.partners). */
  async run(rows: QueueRow[], signal: AbortSignal): Promise<AttemptReport> {
    const { runtime } = this.deps;
    const now = runtime.clock.now();
    const report: AttemptReport = { claimed: [], skipped: [], position: -1 };
    const claimed: Claimed[] = [];
    const jitter = this.deps.jitterSeconds();
    for (const row of rows) {
      if (row.InFlight && row.Attempts >= maxAttemptsOf(row.MaxAttempts)) {
        // The last allowed attempt was interrupted: the message fails, no further attempt.
        const ok = await this.finishInterrupted(row, now);
        (ok ? report.claimed : report.skipped).push(row.ID);
        continue;
      }
      const events = decideClaim(row, now, runtime.node, jitter);
      const started = events[events.length - 1].data as { Attempt: number; Start: string; NextAttempt: string };
      const appended = await appendIfUnchanged(runtime.store, row, events, newCommandContext(now), row.Revision);
      if (!appended) {
        report.skipped.push(row.ID);
        continue;
      }
      this.note(appended.position);
      report.claimed.push(row.ID);
      claimed.push({ row, attempt: started.Attempt, start: started.Start, nextAttempt: started.NextAttempt, revision: appended.revision });
    }
    if (claimed.length > 0) await this.attempt(claimed, signal);
    report.position = this.position;
    return report;
  }

  private async attempt(claimed: Claimed[], signal: AbortSignal): Promise<void> {
    const { config, suppressions, transports, runtime } = this.deps;
    const m0 = claimed[0].row;
    const startedAt = performance.now();
    // mox: a disabled sender domain is a temporary failure, retried with backoff.
    if (config.domain(m0.SenderDomain)?.Disabled) {
      await this.failAll(claimed, plainError('domain of sender temporarily disabled'), '', startedAt);
      return;
    }
    const deliverable: Claimed[] = [];
    for (const c of claimed) {
      if (suppressions.lookup(c.row.SenderAccount, recipientOf(c.row))) {
        const address = formatEmailAddress(recipientOf(c.row));
        const error = plainError(`not delivering to recipient address ${address}: address is on suppression list, permanent`, true);
        const events = suppressedEvents(c, failureResult(c.start, 0, error), runtime.clock.now(), keepUntil(config, c.row.SenderAccount, runtime.clock.now()));
        await this.record(c, events);
      } else deliverable.push(c);
    }
    if (deliverable.length === 0) return;
    const resolved = transports.resolve(m0.Transport);
    if (!resolved.transport) {
      await this.failAll(deliverable, plainError(resolved.error), '', startedAt);
      return;
    }
    let outcome: DeliveryOutcome;
    try {
      outcome = await resolved.transport.deliver(this.request(deliverable, signal));
    } catch (err) {
      runtime.logger.error({ err, transport: resolved.transport.name, queueMsgIds: deliverable.map((c) => c.row.ID) }, 'delivery transport failed');
      outcome = { remoteHost: '', recipients: deliverable.map((c) => ({ queueMsgId: c.row.ID, error: plainError(`delivery failed: ${(err as Error).message}`), reply: null })) };
    }
    const durationNs = Math.round((performance.now() - startedAt) * 1e6);
    const byId = new Map(outcome.recipients.map((r) => [r.queueMsgId, r]));
    for (const c of deliverable) {
      const r: RecipientOutcome = byId.get(c.row.ID) ?? { queueMsgId: c.row.ID, error: plainError('the transport gave no outcome for this recipient'), reply: null };
      await this.record(c, this.outcomeEvents(c, r, outcome.remoteHost, durationNs));
    }
  }

  private outcomeEvents(c: Claimed, r: RecipientOutcome, remoteHost: string, durationNs: number): Decided[] {
    const { config, runtime } = this.deps;
    const now = runtime.clock.now();
    const keep = keepUntil(config, c.row.SenderAccount, now);
    if (!r.error) {
      const reply = r.reply ?? { code: 250, secode: '', lines: [] };
      const result = { Start: c.start, Duration: durationNs, Success: true, Code: reply.code, Secode: reply.secode, Error: '' };
      return deliveredEvents(c, result, remoteHost, now, keep);
    }
    const final = r.error.permanent || c.attempt >= maxAttemptsOf(c.row.MaxAttempts);
    const suppression = final ? this.suppressionDecision(c.row, r.error) : { suppressing: false, reason: '' };
    return failedEvents(c, r.error, failureResult(c.start, durationNs, r.error), remoteHost, now, keep, suppression);
  }

  private suppressionDecision(row: QueueRow, error: AttemptError) {
    const { suppressions, queue } = this.deps;
    if (error.code === 0) return { suppressing: false, reason: '' };
    return decideFailureSuppression({
      code: error.code,
      secode: error.secode,
      source: 'queue',
      alreadyListed: suppressions.lookup(row.SenderAccount, recipientOf(row)) !== null,
      previous: queue.recentRetired(row.SenderAccount, row.RecipientAddress, row.ID).map((r) => r.Success),
    });
  }

  private request(claimed: Claimed[], signal: AbortSignal): DeliveryRequest {
    const m0 = claimed[0].row;
    const { content } = this.deps.runtime;
    const utf8 = m0.SMTPUTF8;
    const sender: EmailAddress = { localpart: m0.SenderLocalpart, domainASCII: m0.SenderDomain, domainUnicode: m0.SenderDomainStr };
    return {
      mailFrom: m0.SenderLocalpart === '' && m0.SenderDomain === '' ? '' : formatEmailAddress(sender, utf8),
      recipientDomain: m0.RecipientDomain,
      recipients: claimed.map((c) => ({ queueMsgId: c.row.ID, address: formatEmailAddress(recipientOf(c.row), utf8) })),
      message: () =>
        Readable.from(
          (async function* () {
            if (m0.MsgPrefix) yield Buffer.from(m0.MsgPrefix);
            yield* content.read(m0.ContentSha256);
          })(),
        ),
      size: m0.Size,
      has8bit: m0.Has8bit,
      smtputf8: utf8,
      requireTLS: m0.RequireTLS,
      signal,
    };
  }

  private async failAll(claimed: Claimed[], error: AttemptError, remoteHost: string, startedAt: number): Promise<void> {
    const durationNs = Math.round((performance.now() - startedAt) * 1e6);
    for (const c of claimed) await this.record(c, this.outcomeEvents(c, { queueMsgId: c.row.ID, error, reply: null }, remoteHost, durationNs));
  }

  private async finishInterrupted(row: QueueRow, now: Date): Promise<boolean> {
    const { runtime, config } = this.deps;
    const claim: ClaimedAttempt = { row, attempt: row.Attempts, start: interruptedResult(row).Start, nextAttempt: row.NextAttempt };
    const error = plainError(INTERRUPTED_TEXT);
    const events = failedEvents(claim, error, interruptedResult(row), '', now, keepUntil(config, row.SenderAccount, now), { suppressing: false, reason: '' });
    const appended = await appendIfUnchanged(runtime.store, row, events, newCommandContext(now), row.Revision);
    if (appended) this.note(appended.position);
    return appended !== null;
  }

  /** Appends an outcome; after a conflict, again on the new revision while our attempt still stands. */
  private async record(c: Claimed, events: Decided[]): Promise<void> {
    const { store, logger, clock } = this.deps.runtime;
    // One command id for every try: a retried append of the same events is recognised.
    const ctx = newCommandContext(clock.now());
    let revision = c.revision;
    for (let tries = 0; tries < 5; tries++) {
      const appended = await appendIfUnchanged(store, c.row, events, ctx, revision);
      if (appended) {
        this.note(appended.position);
        const outcome = events[1]?.type ?? events[0].type;
        logger.info({ queueMsgId: c.row.ID, attempt: c.attempt, outcome, error: (events[0].data as { Result?: { Error: string } }).Result?.Error || undefined }, 'delivery attempt recorded');
        return;
      }
      const standing = standingOf(await store.readStream(messageStream(c.row.ID)), c.attempt);
      if (!standing.current) {
        logger.warn({ queueMsgId: c.row.ID, attempt: c.attempt }, 'delivery outcome not recorded: the message was retired or re-attempted meanwhile');
        return;
      }
      revision = standing.revision;
    }
    throw new Error(`could not record the outcome of attempt ${c.attempt} of message ${c.row.ID}: its stream kept changing`);
  }

  private note(position: number): void {
    this.position = Math.max(this.position, position);
  }
}
