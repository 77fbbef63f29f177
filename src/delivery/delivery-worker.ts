// The delivery worker: a node service that picks due messages from the queue read model (not retired,
// not held, NextAttempt <= now, earliest first, as mox) and runs their attempts, at most
// `delivery.concurrency` at once (default 10) and `delivery.perDomainConcurrency` per recipient domain
// (default 1, as mox). It looks again whenever the read models move (a message queued or changed, here or
// on another node), when the clock reaches the next NextAttempt, and at least every few seconds. Stopping
// lets attempts in flight finish, within a bound; after it their connections are cut and the attempts
// recorded as temporary failures.
import { Injectable } from '@nestjs/common';
import type { NodeService } from '../capabilities';
import { ConfigView } from '../config/config-view';
import { drainWithin } from '../runtime/drain-within';
import { Runtime } from '../runtime/runtime';
import { SuppressionService } from '../suppression/suppression-service';
import { DeliveryAttempt } from './delivery-attempt';
import { QueueQueries, type DueCandidate, type QueueRow } from './queue-queries';
import { randomJitterSeconds } from './retry-schedule';
import { TransportResolver } from './transport-resolver';

export interface DeliveryWorkerSettings {
  concurrency: number;
  perDomainConcurrency: number;
  /** How often the worker checks whether the read models or the clock moved. */
  pollMs: number;
  /** A full look at the queue at least this often, whatever happened. */
  rescanMs: number;
  /** How long stop() lets attempts in flight finish before cutting them. */
  stopTimeoutMs: number;
  /** Longest attempt; never longer than the time until the claim's NextAttempt. */
  maxAttemptMs: number;
  jitterSeconds: () => number;
}

@Injectable()
export class DeliveryWorker implements NodeService {
  readonly name = 'delivery';
  readonly settings: DeliveryWorkerSettings;
  private readonly queue: QueueQueries;
  /** Message ids with an attempt running here. */
  private readonly inFlight = new Set<number>();
  /** Running attempts (one SMTP transaction each), what the concurrency limit counts. */
  private readonly attempts = new Set<Promise<void>>();
  private readonly busyDomains = new Map<string, number>();
  /** Messages someone else acted on first, with the read-model revision that was stale. */
  private readonly conflicted = new Map<number, number>();
  /** Attempts this worker claimed, and messages someone else had claimed or changed first. */
  readonly stats = { claimed: 0, skipped: 0 };
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private stopController = new AbortController();
  private lastPosition = -2;
  private lastScan = 0;
  private nextDue: string | null = null;
  private scanning: Promise<void> | null = null;
  private rescanRequested = false;

  constructor(
    private readonly runtime: Runtime,
    private readonly config: ConfigView,
    private readonly suppressions: SuppressionService,
    readonly transports: TransportResolver,
  ) {
    const delivery = runtime.bootstrap.delivery ?? {};
    this.settings = {
      concurrency: delivery.concurrency ?? 10,
      perDomainConcurrency: delivery.perDomainConcurrency ?? 1,
      pollMs: 100,
      rescanMs: 5_000,
      stopTimeoutMs: 25_000,
      maxAttemptMs: 30 * 60_000,
      jitterSeconds: randomJitterSeconds,
    };
    this.queue = new QueueQueries(runtime.readDb);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopController = new AbortController();
    this.schedule(0);
  }

  /** Look at the queue now (an admin changed NextAttempt, a test moved the clock). */
  wake(): void {
    if (!this.running) return;
    this.rescanRequested = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.scanning;
    await drainWithin(this.attempts, this.settings.stopTimeoutMs, () => {
      this.runtime.logger.warn({ attempts: this.attempts.size }, 'delivery: attempts still running at shutdown; cutting them');
      this.stopController.abort();
    });
    await this.transports.close();
  }

  /** Attempts running now, by message id (tests and status). */
  get active(): number[] {
    return [...this.inFlight];
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), ms);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    this.timer = null;
    if (!this.running) return;
    const position = this.runtime.projections.position;
    const now = this.runtime.clock.now();
    const due = this.nextDue !== null && this.nextDue <= now.toISOString();
    if (this.rescanRequested || position !== this.lastPosition || due || Date.now() - this.lastScan >= this.settings.rescanMs) {
      this.rescanRequested = false;
      this.lastPosition = position;
      this.scanning = this.scan().catch((err) => this.runtime.logger.error({ err }, 'delivery: looking for due messages failed'));
      await this.scanning;
      this.scanning = null;
    }
    this.schedule(this.settings.pollMs);
  }

  private async scan(): Promise<void> {
    this.lastScan = Date.now();
    const now = this.runtime.clock.now();
    if (this.conflicted.size > 10_000) this.conflicted.clear();
    const free = this.settings.concurrency - this.attempts.size;
    if (free > 0) {
      // Pick from the cheap candidate columns first; whole rows are read only for the picks.
      const picked: DueCandidate[] = [];
      const planned = new Map<string, number>();
      for (const c of this.queue.due(now, 1000)) {
        if (picked.length >= free) break;
        if (this.inFlight.has(c.ID) || this.conflicted.get(c.ID) === c.Revision) continue;
        const domainLoad = (this.busyDomains.get(c.RecipientDomain) ?? 0) + (planned.get(c.RecipientDomain) ?? 0);
        if (domainLoad >= this.settings.perDomainConcurrency) continue;
        planned.set(c.RecipientDomain, (planned.get(c.RecipientDomain) ?? 0) + 1);
        picked.push(c);
      }
      for (const c of picked) {
        if (this.attempts.size >= this.settings.concurrency) break;
        // An earlier pick may have taken it along as a transaction partner.
        if (this.inFlight.has(c.ID)) continue;
        const row = this.queue.get(c.ID);
        if (!row || row.Retired || row.Hold) continue;
        if ((this.busyDomains.get(row.RecipientDomain) ?? 0) >= this.settings.perDomainConcurrency) continue;
        this.begin(row);
      }
    }
    this.nextDue = this.queue.nextDue();
  }

  private begin(m0: QueueRow): void {
    const partners = this.queue.partners(m0).filter((p) => !this.inFlight.has(p.ID) && this.conflicted.get(p.ID) !== p.Revision);
    const rows = [m0, ...partners];
    const domain = m0.RecipientDomain;
    this.busyDomains.set(domain, (this.busyDomains.get(domain) ?? 0) + 1);
    const attempt = new DeliveryAttempt({
      runtime: this.runtime,
      config: this.config,
      suppressions: this.suppressions,
      transports: this.transports,
      queue: this.queue,
      jitterSeconds: this.settings.jitterSeconds,
    });
    const signal = AbortSignal.any([this.stopController.signal, AbortSignal.timeout(this.attemptBudgetMs(m0))]);
    for (const row of rows) this.inFlight.add(row.ID);
    let work: Promise<void> | null = null;
    work = (async () => {
      try {
        const report = await attempt.run(rows, signal);
        this.stats.claimed += report.claimed.length;
        this.stats.skipped += report.skipped.length;
        for (const row of rows) {
          if (report.skipped.includes(row.ID)) this.conflicted.set(row.ID, row.Revision);
          else this.conflicted.delete(row.ID);
        }
        // The next scan must see this attempt's events, or it would try the same rows again.
        if (report.position >= 0) await this.runtime.projections.waitFor(report.position, { timeoutMs: 30_000 });
      } catch (err) {
        this.runtime.logger.error({ err, queueMsgIds: rows.map((r) => r.ID) }, 'delivery attempt failed');
      } finally {
        for (const row of rows) this.inFlight.delete(row.ID);
        if (work) this.attempts.delete(work);
        const left = (this.busyDomains.get(domain) ?? 1) - 1;
        if (left > 0) this.busyDomains.set(domain, left);
        else this.busyDomains.delete(domain);
        this.wake();
      }
    })();
    this.attempts.add(work);
  }

  /** An attempt must end before its claim's NextAttempt, when another worker may take the message. */
  private attemptBudgetMs(row: QueueRow): number {
    const minimumBackoffMs = (7 * 60 + 30 - 5) * 1000 * 2 ** row.Attempts;
    return Math.max(60_000, Math.min(this.settings.maxAttemptMs, minimumBackoffMs - 60_000));
  }
}
