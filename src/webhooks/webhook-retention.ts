// Removes retired webhooks whose KeepUntil has passed (mox: a cleanup 4 s after start, then hourly): each
// gets RetiredWebhookExpired, and the read model drops its record. The webhook's events stay in the log,
// so a message's history still shows them.
import { Injectable } from '@nestjs/common';
import type { NodeService } from '../capabilities';
import { Runtime } from '../runtime/runtime';
import { decideExpire } from './hook-decisions';
import { decideOnHook } from './hook-commands';
import { HookQueries } from './hook-queries';
import { WEBHOOK_READ_MODELS } from './hook-queue';

@Injectable()
export class WebhookRetention implements NodeService {
  readonly name = 'webhook-retention';
  readonly settings = { firstRunMs: 4_000, intervalMs: 3_600_000, batch: 1_000 };
  private readonly queries: HookQueries;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly runtime: Runtime) {
    this.queries = new HookQueries(runtime.readDb);
  }

  async start(): Promise<void> {
    this.schedule(this.settings.firstRunMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Expires what is due now; returns how many webhooks were expired. */
  async runOnce(): Promise<number> {
    let expired = 0;
    for (;;) {
      const now = this.runtime.clock.now();
      const rows = this.queries.expired(now, this.settings.batch);
      let last = -1;
      for (const row of rows) {
        const result = await decideOnHook(this.runtime.store, row.StreamID, (state) => decideExpire(state, now), now);
        if (result.position !== null) {
          expired++;
          last = result.position;
        }
      }
      // Nothing changed: the rows are ahead of their streams' state; the next run looks again.
      if (last < 0) break;
      await this.runtime.projections.waitFor(last, { names: WEBHOOK_READ_MODELS });
      if (rows.length < this.settings.batch) break;
    }
    return expired;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((err) => {
          this.runtime.logger.error({ err }, 'webhooks: removing expired retired webhooks failed');
          return 0;
        })
        .finally(() => {
          this.running = null;
          if (this.timer) this.schedule(this.settings.intervalMs);
        });
    }, ms);
    this.timer.unref();
  }
}
