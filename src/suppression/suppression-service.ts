// The suppression list as the rest of Postwire uses it: the API methods, the delivery worker's check at
// the start of each attempt, and the reactor that lists addresses after failures. Commands decide on the
// read model and append with the revision the read model reflected; when the store says someone appended
// in between, the read model is brought up to date and the command decided again.
import { Injectable } from '@nestjs/common';
import { appendDecided, newCommandContext, type CommandContext } from '../core/command-handling';
import { ExpectedRevisionConflict } from '../event-store/event-store';
import { Runtime } from '../runtime/runtime';
import { decideAddSuppression } from './add-suppression';
import { baseAddressOf } from './base-address';
import { parseEmailAddress, type EmailAddress } from './email-address';
import { decideRemoveSuppression } from './remove-suppression';
import { suppressionStream, type Suppression, type SuppressionEvent } from './suppression-events';
import { SuppressionQueries } from './suppression-queries';

const MAX_CONFLICTS = 20;

export interface AddSuppressionRequest {
  account: string;
  /** Text to parse, or an already parsed address (the recipient of a failed message). */
  address: string | EmailAddress;
  manual: boolean;
  reason: string;
  correlationId?: string;
}

@Injectable()
export class SuppressionService {
  readonly queries: SuppressionQueries;

  constructor(private readonly runtime: Runtime) {
    this.queries = new SuppressionQueries(runtime.readDb);
  }

  /** Throws InvalidEmailAddress, or SuppressionExists when the base address is listed already. */
  async add(request: AddSuppressionRequest): Promise<Suppression> {
    const address = typeof request.address === 'string' ? parseEmailAddress(request.address) : request.address;
    const [id] = await this.runtime.ids.suppression.take(1);
    const command = { account: request.account, address, manual: request.manual, reason: request.reason, id };
    const events = await this.decideAndAppend(request.account, baseAddressOf(address), request.correlationId, (listed, now) =>
      decideAddSuppression(command, listed, now),
    );
    return events[0].data as Suppression;
  }

  /** Throws InvalidEmailAddress, or SuppressionAbsent when nothing is listed for the base address. */
  async remove(account: string, address: string, correlationId?: string): Promise<void> {
    const baseAddress = baseAddressOf(parseEmailAddress(address));
    await this.decideAndAppend(account, baseAddress, correlationId, (listed) => decideRemoveSuppression({ account, baseAddress }, listed));
  }

  /** Throws InvalidEmailAddress. */
  present(account: string, address: string): boolean {
    return this.queries.lookup(account, baseAddressOf(parseEmailAddress(address))) !== null;
  }

  /** The entry that suppresses delivery to this recipient for the account, if any. */
  lookup(account: string, recipient: EmailAddress): Suppression | null {
    return this.queries.lookup(account, baseAddressOf(recipient));
  }

  list(account: string): Suppression[] {
    return this.queries.list(account);
  }

  private async decideAndAppend(
    account: string,
    baseAddress: string,
    correlationId: string | undefined,
    decide: (listed: Suppression | null, now: Date) => SuppressionEvent[],
  ): Promise<SuppressionEvent[]> {
    const { store, projections, clock } = this.runtime;
    const streamId = suppressionStream(account);
    for (let conflicts = 0; ; conflicts++) {
      const snapshot = this.queries.snapshot(account, baseAddress);
      const ctx: CommandContext = newCommandContext(clock.now(), correlationId);
      const events = decide(snapshot.entry, ctx.now);
      try {
        const appended = await appendDecided(store, streamId, events, ctx, snapshot.revision < 0 ? 'no_stream' : snapshot.revision);
        // Read-your-writes: the caller's next list or lookup sees the change.
        if (appended) await projections.waitFor(appended.position);
        return events;
      } catch (err) {
        if (!(err instanceof ExpectedRevisionConflict) || conflicts >= MAX_CONFLICTS) throw err;
        await projections.waitFor(await store.headPosition());
      }
    }
  }
}
