// On HoldRuleAdded, holds every queued message the new rule matches (reference §3.5: adding a rule holds
// the matching messages already queued). Runs from the event log with its own checkpoint, so the sweep
// happens even when the node that added the rule stopped before finishing it; holding a held message is
// skipped, so running twice does no harm.
import { Injectable } from '@nestjs/common';
import type { StoredEvent } from '../event-store/event-store';
import type { ReactorDefinition } from '../projecting/reactor-runner';
import { Runtime } from '../runtime/runtime';
import type { HoldRule } from './holdrule-events';
import { holdMatchingMessages } from './hold-messages';

@Injectable()
export class HoldRuleReactor implements ReactorDefinition {
  readonly name = 'holdrules';
  readonly eventTypes = ['HoldRuleAdded'] as const;

  constructor(private readonly runtime: Runtime) {}

  async handle(event: StoredEvent): Promise<void> {
    // Messages queued up to now must be in the read model before the sweep: a submission that read the
    // rules before this one existed looks again after its own append (queue-submission.ts).
    await this.runtime.projections.waitFor(await this.runtime.store.headPosition());
    const rule = event.data as HoldRule;
    await holdMatchingMessages(this.runtime, rule, { now: this.runtime.clock.now().toISOString(), correlationId: event.metadata.correlationId, causationId: event.id });
  }
}
