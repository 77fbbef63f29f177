// The webhook worker: a node service that calls due webhooks (not retired, NextAttempt <= now) in
// NextAttempt order, at most `webhooks.concurrency` calls at once (default 10) and at most one in flight
// per URL, as mox's scheduler (reference 2.7). It looks again whenever the read models move (a webhook
// queued or changed, here or on another node), when the clock reaches the next NextAttempt, and at least
// every few seconds. Stopping lets calls in flight finish within a bound; after it they are cut and
// recorded as failed attempts.
import { Injectable } from '@nestjs/common';
import type { NodeService } from '../capabilities';
import { ConfigView } from '../config/config-view';
import { Runtime } from '../runtime/runtime';
import { randomJitter } from './backoff';
import { attemptHook, type AttemptContext } from './hook-attempt';
import { HookQueries, type HookRow } from './hook-queries';
import { WEBHOOK_READ_MODELS } from './hook-queue';
import { WebhookClient } from './http/webhook-client';

export interface WebhookWorkerSettings {
  concurrency: number;
  /** How often the worker checks whether the read models or the clock moved. */
  pollMs: number;
  /** A full look at the queue at least this often, whatever happened. */
  rescanMs: number;
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
  private readonly calls = new Set<Promise<void>>();
  /** Webhooks someone else acted on first, with the read-model revision that was stale. */
  private readonly conflicted = new Map<number, number>();
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
  ) {
    const webhooks = runtime.bootstrap.webhooks ?? {};
    this.settings = { concurrency: webhooks.concurrency ?? 10, pollMs: 20, rescanMs: 5_000, stopTimeoutMs: 10_000, jitter: randomJitter };
    this.client = new WebhookClient({ allowPrivateTargets: webhooks.allowPrivateTargets ?? false });
    this.queries = new HookQueries(runtime.readDb);
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
    const all = Promise.allSettled([...this.calls]);
    const bound = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.settings.stopTimeoutMs).unref());
    if ((await Promise.race([all, bound])) === 'timeout') {
      this.runtime.logger.warn({ calls: this.calls.size }, 'webhooks: calls still running at shutdown; cutting them');
      this.stopController.abort();
      await all;
    }
    this.client.close();
  }

  /** Webhook ids with a call running here (tests and status). */
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
    const due = this.nextDue !== null && this.nextDue <= this.runtime.clock.now().toISOString();
    if (this.rescanRequested || position !== this.lastPosition || due || Date.now() - this.lastScan >= this.settings.rescanMs) {
      this.rescanRequested = false;
      this.lastPosition = position;
      this.scanning = this.scan().catch((err) => this.runtime.logger.error({ err }, 'webhooks: looking for due webhooks failed'));
      await this.scanning;
      this.scanning = null;
    }
    this.schedule(this.settings.pollMs);
  }

  private async scan(): Promise<void> {
    this.lastScan = Date.now();
    if (this.conflicted.size > 10_000) this.conflicted.clear();
    const free = this.settings.concurrency - this.calls.size;
    if (free > 0) {
      // Busy URLs are left out in the query, so a long backlog for one URL never hides the others.
      for (const row of this.queries.due(this.runtime.clock.now(), [...this.busyUrls], Math.max(100, free * 20))) {
        if (this.calls.size >= this.settings.concurrency) break;
        if (this.busyUrls.has(row.URL) || this.inFlight.has(row.ID) || this.conflicted.get(row.ID) === row.Revision) continue;
        this.begin(row);
      }
    }
    this.nextDue = this.queries.nextDue();
  }

  private begin(row: HookRow): void {
    this.inFlight.add(row.ID);
    this.busyUrls.add(row.URL);
    const context: AttemptContext = { runtime: this.runtime, config: this.config, client: this.client, jitter: this.settings.jitter };
    let work: Promise<void> | null = null;
    work = (async () => {
      try {
        const report = await attemptHook(context, row, this.stopController.signal);
        if (report.conflict) this.conflicted.set(row.ID, row.Revision);
        else this.conflicted.delete(row.ID);
        // The next scan must see this attempt's events, or it would call the same webhook again.
        if (report.position >= 0) await this.runtime.projections.waitFor(report.position, { names: WEBHOOK_READ_MODELS, timeoutMs: 30_000 });
      } catch (err) {
        this.runtime.logger.error({ err, hookId: row.ID }, 'webhook attempt failed');
      } finally {
        this.inFlight.delete(row.ID);
        this.busyUrls.delete(row.URL);
        if (work) this.calls.delete(work);
        this.wake();
      }
    })();
    this.calls.add(work);
  }
}
