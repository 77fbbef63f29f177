// The admin's operations on pending webhooks (mox HookNextAttemptSet, HookNextAttemptAdd, HookCancel,
// reference 2.8), plus making every pending webhook due now. Each selects pending webhooks with mox's
// filter, decides per webhook on its own stream (a webhook that changed meanwhile is decided again on
// fresh state), counts the webhooks actually changed, and wakes the worker.
import { Injectable } from '@nestjs/common';
import { checkMinutes, minutesFrom } from '../api/next-attempt-minutes';
import { ConfigView } from '../config/config-view';
import { Runtime } from '../runtime/runtime';
import { decideCancel, decideNextAttempt, type HookDecided } from './hook-decisions';
import { decideOnHook } from './hook-commands';
import { HookQueries, type HookFilter, type HookRow } from './hook-queries';
import { WEBHOOK_READ_MODELS } from './hook-queue';
import type { HookState } from './hook-state';
import { hookKeepUntil } from './retention';
import { WebhookWorker } from './webhook-worker';

@Injectable()
export class HookAdmin {
  private readonly queries: HookQueries;

  constructor(
    private readonly runtime: Runtime,
    private readonly config: ConfigView,
    private readonly worker: WebhookWorker,
  ) {
    this.queries = new HookQueries(runtime.readDb);
  }

  /** NextAttempt = now + minutes. */
  nextAttemptSet(filter: HookFilter, minutes: number, correlationId?: string): Promise<number> {
    checkMinutes(minutes);
    return this.apply(filter, (row, state, now) => decideNextAttempt(state, minutesFrom(now.getTime(), minutes, `webhook ${row.ID}`)), correlationId);
  }

  /** NextAttempt += minutes (negative: earlier). */
  nextAttemptAdd(filter: HookFilter, minutes: number, correlationId?: string): Promise<number> {
    checkMinutes(minutes);
    return this.apply(filter, (row, state) => (state.NextAttempt ? decideNextAttempt(state, minutesFrom(Date.parse(state.NextAttempt), minutes, `webhook ${row.ID}`)) : []), correlationId);
  }

  cancel(filter: HookFilter, correlationId?: string): Promise<number> {
    return this.apply(filter, (row, state, now) => decideCancel(state, now, hookKeepUntil(this.config, row.Account, now)), correlationId);
  }

  /** Every pending webhook due later is made due now (DueNow's webhook part); returns how many. */
  dueNow(correlationId?: string): Promise<number> {
    const now = this.runtime.clock.now();
    return this.apply({ NextAttempt: '>now' }, (_row, state, at) => (state.NextAttempt > at.toISOString() ? decideNextAttempt(state, at) : []), correlationId, now);
  }

  private async apply(
    filter: HookFilter,
    decide: (row: HookRow, state: HookState, now: Date) => HookDecided[],
    correlationId?: string,
    at?: Date,
  ): Promise<number> {
    const now = at ?? this.runtime.clock.now();
    const rows = this.queries.list(false, filter, { Asc: true }, now);
    let count = 0;
    let last = -1;
    for (const row of rows) {
      const result = await decideOnHook(this.runtime.store, row.StreamID, (state) => decide(row, state, now), now, correlationId);
      if (result.position !== null) {
        count++;
        last = result.position;
      }
    }
    if (last >= 0) await this.runtime.projections.waitFor(last, { names: WEBHOOK_READ_MODELS });
    this.worker.wake();
    return count;
  }
}

/** DueNow's other parts (the queue's messages); each makes its records due and says how many. */
export type DueNowPart = (runtime: Runtime, correlationId?: string) => Promise<number>;
const messageParts: DueNowPart[] = [];

/** The queue registers the function that makes its queued messages due now (DueNow's `Messages`). */
export function registerDueNowMessages(part: DueNowPart): void {
  messageParts.push(part);
}

export async function dueNowMessages(runtime: Runtime, correlationId?: string): Promise<number> {
  let count = 0;
  for (const part of messageParts) count += await part(runtime, correlationId);
  return count;
}
