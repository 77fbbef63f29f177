// The shell around decisions on one webhook: read its stream, fold, decide, append with the expected
// revision, and decide again on fresh state when someone else appended in between (core handleCommand).
// A webhook being called changes twice in quick succession (claim, result), so a few more rounds are
// allowed than handleCommand's one before the conflict reaches the caller. Used by superseding, the
// admin's operations and retention.
import { handleCommand, newCommandContext, type Decider } from '../core/command-handling';
import { ExpectedRevisionConflict, type EventStore } from '../event-store/event-store';
import type { HookDecided } from './hook-decisions';
import { evolveHook, initialHookState, type HookState } from './hook-state';

const ROUNDS = 5;

export interface HookDecisionResult {
  events: HookDecided[];
  /** Global position of the last appended event; null when nothing was appended. */
  position: number | null;
}

export async function decideOnHook(
  store: EventStore,
  streamId: string,
  decide: (state: HookState) => HookDecided[],
  now: Date,
  correlationId?: string,
): Promise<HookDecisionResult> {
  const decider: Decider<HookState, null, HookDecided> = { initialState: initialHookState, evolve: evolveHook, decide: (_c, state) => decide(state) };
  for (let round = 1; ; round++) {
    try {
      const handled = await handleCommand(store, streamId, decider, null, newCommandContext(now, correlationId));
      return { events: handled.events, position: handled.appended?.position ?? null };
    } catch (err) {
      if (!(err instanceof ExpectedRevisionConflict) || round >= ROUNDS) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * round));
    }
  }
}
