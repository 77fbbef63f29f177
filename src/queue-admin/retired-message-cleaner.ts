// Retention of retired messages (mox: a cleanup 3 s after start, then hourly, reference 3.6): each retired
// record whose KeepUntil has passed gets RetiredMessageExpired on its message stream, and the queue read
// model drops the record. The message's events stay in the log, so DeliveryHistory and `postwire audit`
// still show its whole life.
//
// KeepUntil is fixed when the message retires (src/delivery/retention.ts): the sender account's
// KeepRetiredMessagePeriod from then, or 7 days when the account no longer exists (as mox); an account
// keeping nothing has its record removed at retirement. Changing the period later does not move the
// KeepUntil of records already retired, and a DSN arriving later does not either (mox).
import { Injectable } from '@nestjs/common';
import type { NodeService } from '../capabilities';
import { Runtime } from '../runtime/runtime';
import { applyToMessages } from './apply-changes';
import type { MessageChange } from './message-changes';
import { decidedStep } from './queue-operations';
import { QueueListing } from './queue-listing';
import type { AdminQueueRow } from './queue-records';

const isExpired = (row: AdminQueueRow, now: Date) => row.Retired && row.KeepUntil !== null && row.KeepUntil <= now.toISOString();

export const expire: MessageChange = (row, now) => (isExpired(row, now) ? [{ type: 'RetiredMessageExpired', data: { QueueMsgID: row.ID } }] : []);

export interface RetiredMessageCleanerSettings {
  /** The first run after start. */
  firstRunMs: number;
  /** Between runs. */
  intervalMs: number;
  /** Records per query. */
  batch: number;
}

@Injectable()
export class RetiredMessageCleaner implements NodeService {
  readonly name = 'retired-message-cleaner';
  readonly settings: RetiredMessageCleanerSettings = { firstRunMs: 3_000, intervalMs: 3_600_000, batch: 1_000 };
  private readonly listing: QueueListing;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private started = false;

  constructor(private readonly runtime: Runtime) {
    this.listing = new QueueListing(runtime.readDb);
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.schedule(this.settings.firstRunMs);
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Expires every retired record due now; returns how many. */
  async runOnce(): Promise<number> {
    let expired = 0;
    const step = decidedStep(this.runtime, expire);
    for (;;) {
      const rows = this.listing.expired(this.runtime.clock.now(), this.settings.batch);
      const applied = await applyToMessages(this.runtime, rows, step, (id, now) => {
        const row = this.listing.get(id);
        return row && isExpired(row, now) ? row : null;
      });
      expired += applied.count;
      if (applied.position >= 0) await this.runtime.projections.waitFor(applied.position);
      // A full batch with progress: there may be more; otherwise the next run looks again.
      if (rows.length < this.settings.batch || applied.count === 0) break;
    }
    if (expired > 0) this.runtime.logger.info({ expired }, 'removed retired messages past their retention');
    return expired;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((err) => {
          this.runtime.logger.error({ err }, 'removing expired retired messages failed');
          return 0;
        })
        .finally(() => {
          this.running = null;
          if (this.started) this.schedule(this.settings.intervalMs);
        });
    }, ms);
    this.timer.unref();
  }
}
