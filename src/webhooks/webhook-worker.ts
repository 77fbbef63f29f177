// The webhook worker: a node service that calls due webhooks (not retired, NextAttempt <= now) in
// NextAttempt order, at most `webhooks.concurrency` calls at once (default 10) and at most one in flight
// per URL, as mox's scheduler (reference 2.7). It looks again whenever the read models move (a webhook
// queued or changed, here or on another node), when the clock reaches the next NextAttempt, and at least
// every few seconds. Stopping lets calls in flight finish within a bound; after it they are cut and
// recorded as failed attempts.
import { Injectable } from '@nestjs/common';
import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { NodeService } from '../capabilities';
import { ConfigView } from '../config/config-view';
import { drainWithin } from '../runtime/drain-within';
import { Runtime } from '../runtime/runtime';
import { randomJitter } from './backoff';
import { attemptHook, type AttemptContext } from './hook-attempt';
import { HookQueries, type DueHook } from './hook-queries';
import { WEBHOOK_READ_MODELS } from './hook-queue';
import { WebhookClient } from './http/webhook-client';

export interface WebhookWorkerSettings {
  concurrency: number;
  /** How often the worker checks whether the read models or the clock moved. */
  pollMs: number;
  /** A full look at the queue at least this often, whatever happened. */
  rescanMs: number;
  /** Looks at the queue at most this often: under load, one look starts every call that has become possible. */
  minScanIntervalMs: number;
  /** How long stop() lets calls in flight finish before cutting them. */
  stopTimeoutMs: number;
  /** Jitter fraction for the backoff, within ±1 %. */
  jitter: () => number;
}

@Injectable()
export class WebhookWorker implements NodeService {
  readonly name = 'webhooks';
  readonly settings: WebhookWorkerSettings;
  /** The HTTP client; its settings (timeout, private targets) may be changed before start, e.g. by tests. */
  readonly client: WebhookClient;
  private readonly queries: HookQueries;
  private readonly inFlight = new Set<number>();
  private readonly busyUrls = new Set<string>();
  /** Attempts under way: calling, or recording what the call gave. */
  private readonly calls = new Set<Promise<void>>();
  /** HTTP calls in flight, what the concurrency limit counts. */
  private calling = 0;
  /** Due webhooks of busy URLs, read ahead (startNextOf). */
  private readonly backlogs = new Map<string, { at: number; next: DueHook[] }>();
  /** Webhooks someone else acted on first, with the read-model revision that was stale. */
  private readonly conflicted = new Map<number, number>();
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private stopController = new AbortController();
  private lastPosition = -2;
  private lastScan = 0;
  /** How long the last look took. */
  private lastScanMs = 0;
  /** When the pending timer fires (performance.now()). */
  private timerDue = 0;
  private nextDue: string | null = null;
  private scanning: Promise<void> | null = null;
  private rescanRequested = false;

  constructor(
    private readonly runtime: Runtime,
    private readonly config: ConfigView,
  ) {
    const webhooks = runtime.bootstrap.webhooks ?? {};
    this.settings = { concurrency: webhooks.concurrency ?? 10, pollMs: 10, rescanMs: 5_000, minScanIntervalMs: 2, stopTimeoutMs: 10_000, jitter: randomJitter };
    this.client = new WebhookClient({ allowPrivateTargets: webhooks.allowPrivateTargets ?? false });
    this.queries = new HookQueries(runtime.readDb);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopController = new AbortController();
    // Every call in flight listens for the stop signal.
    setMaxListeners(0, this.stopController.signal);
    this.schedule(0);
  }

  /** Look at the queue now (an admin changed NextAttempt, a test moved the clock). */
  wake(): void {
    if (!this.running) return;
    this.rescanRequested = true;
    const wait = Math.max(0, this.lastScan + this.minScanInterval() - performance.now());
    // An earlier look already planned covers this one.
    if (this.timer && this.timerDue <= performance.now() + wait) return;
    this.schedule(wait);
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.scanning;
    await drainWithin(this.calls, this.settings.stopTimeoutMs, () => {
      this.runtime.logger.warn({ calls: this.calls.size }, 'webhooks: calls still running at shutdown; cutting them');
      this.stopController.abort();
    });
    this.client.close();
  }

  /** Webhook ids with a call running here (tests and status). */
  get active(): number[] {
    return [...this.inFlight];
  }

  /** Looks cost one index search per URL: they are spaced so that they take at most a fifth of the time. */
  private minScanInterval(): number {
    return Math.max(this.settings.minScanIntervalMs, 4 * this.lastScanMs);
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = performance.now() + ms;
    this.timer = setTimeout(() => void this.poll(), ms);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    this.timer = null;
    if (!this.running) return;
    const position = this.runtime.projections.position;
    const due = this.nextDue !== null && this.nextDue <= this.runtime.clock.now().toISOString();
    const sinceScan = performance.now() - this.lastScan;
    const changed = this.rescanRequested || position !== this.lastPosition || due;
    const interval = this.minScanInterval();
    if (changed && sinceScan < interval) {
      this.schedule(interval - sinceScan);
      return;
    }
    if (changed || sinceScan >= this.settings.rescanMs) {
      this.rescanRequested = false;
      this.lastPosition = position;
      this.scanning = this.scan().catch((err) => this.runtime.logger.error({ err }, 'webhooks: looking for due webhooks failed'));
      await this.scanning;
      this.scanning = null;
    }
    this.schedule(this.settings.pollMs);
  }

  private async scan(): Promise<void> {
    this.lastScan = performance.now();
    if (this.conflicted.size > 10_000) this.conflicted.clear();
    if (this.backlogs.size > 10_000) this.backlogs.clear();
    const free = this.settings.concurrency - this.calling;
    if (free > 0) {
      // One candidate per URL that is not busy, so a long backlog for one URL never hides the others.
      for (const due of this.queries.due(this.runtime.clock.now(), [...this.busyUrls], [...this.inFlight], free)) {
        if (this.calling >= this.settings.concurrency) break;
        if (this.busyUrls.has(due.URL) || this.inFlight.has(due.ID) || this.conflicted.get(due.ID) === due.Revision) continue;
        this.begin(due);
      }
    }
    this.nextDue = this.queries.nextDue();
    this.lastScanMs = performance.now() - this.lastScan;
  }

  /**
   * Starts the next due webhook of a URL that just became free; false when there is none. A URL with a
   * backlog is read a few webhooks at a time and kept briefly; begin() checks each against its row.
   */
  private startNextOf(url: string): boolean {
    if (!this.running || this.calling >= this.settings.concurrency) return false;
    const startable = (d: DueHook) => !this.inFlight.has(d.ID) && this.conflicted.get(d.ID) !== d.Revision;
    let backlog = this.backlogs.get(url);
    if (!backlog || performance.now() - backlog.at > 1_000 || !backlog.next.some(startable)) {
      backlog = { at: performance.now(), next: this.queries.dueFor(url, this.runtime.clock.now(), [...this.inFlight], 16) };
      this.backlogs.set(url, backlog);
    }
    const index = backlog.next.findIndex(startable);
    if (index < 0) {
      this.backlogs.delete(url);
      return false;
    }
    const [next] = backlog.next.splice(0, index + 1).slice(-1);
    this.begin(next);
    return true;
  }

  private begin(due: DueHook): void {
    this.inFlight.add(due.ID);
    this.busyUrls.add(due.URL);
    this.calling++;
    let urlBusy = true;
    const releaseUrl = () => {
      if (!urlBusy) return;
      urlBusy = false;
      const saturated = this.calling >= this.settings.concurrency;
      this.calling--;
      this.busyUrls.delete(due.URL);
      // With calls to spare, every other URL with due work is being called already: the freed URL's next
      // webhook is the one to call. When all calls were taken, others may be waiting: a full look decides.
      if (saturated || !this.startNextOf(due.URL)) this.wake();
    };
    const work: Promise<void> = this.attempt(due, releaseUrl).finally(() => {
      this.inFlight.delete(due.ID);
      releaseUrl();
      this.calls.delete(work);
    });
    this.calls.add(work);
  }

  private async attempt(due: DueHook, releaseUrl: () => void): Promise<void> {
    try {
      const row = this.queries.get(due.ID);
      if (!row || row.Retired || row.Revision !== due.Revision) return; // changed since it was found: the next look sees it
      const context: AttemptContext = { runtime: this.runtime, config: this.config, client: this.client, jitter: this.settings.jitter };
      const report = await attemptHook(context, row, this.stopController.signal, releaseUrl);
      if (report.conflict) this.conflicted.set(row.ID, row.Revision);
      else this.conflicted.delete(row.ID);
      // The next look must see this attempt's events, or it would call the same webhook again; until then
      // the webhook stays in inFlight, while its URL is free for the next webhook.
      if (report.position >= 0) await this.runtime.projections.waitFor(report.position, { names: WEBHOOK_READ_MODELS, timeoutMs: 30_000 });
    } catch (err) {
      this.runtime.logger.error({ err, hookId: due.ID }, 'webhook attempt failed');
    }
  }
}
