// The shell around every decide function: read the stream, fold it, decide, append with the expected
// revision, and on a conflict (someone appended in between) do it once more from fresh state.
import { randomUUID } from 'node:crypto';
import {
  ExpectedRevisionConflict,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type StoredEvent,
} from '../event-store/event-store';

export interface DecidedEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface CommandContext {
  /** Identifies the command; event ids derive from it so a retried append is recognised. */
  commandId: string;
  correlationId?: string;
  now: Date;
}

export function newCommandContext(now: Date, correlationId?: string): CommandContext {
  return { commandId: randomUUID(), correlationId, now };
}

export function metadataOf(ctx: CommandContext): EventMetadata {
  const metadata: EventMetadata = { now: ctx.now.toISOString(), commandId: ctx.commandId };
  if (ctx.correlationId) metadata.correlationId = ctx.correlationId;
  return metadata;
}

/** Appends decided events with ids derived from the command id (command id plus index). */
export async function appendDecided(
  store: EventStore,
  streamId: string,
  events: DecidedEvent[],
  ctx: CommandContext,
  expectedRevision: number | 'no_stream' | 'any' | 'stream_exists',
): Promise<AppendResult | null> {
  if (events.length === 0) return null;
  const metadata = metadataOf(ctx);
  return store.appendToStream(
    streamId,
    events.map((e, i) => ({ id: `${ctx.commandId}:${streamId}:${i}`, type: e.type, data: e.data, metadata })),
    { expectedRevision },
  );
}

export interface Decider<State, Command, Event extends DecidedEvent> {
  initialState: () => State;
  evolve: (state: State, event: StoredEvent) => State;
  decide: (command: Command, state: State, now: Date) => Event[];
}

export interface HandledCommand<Event> {
  events: Event[];
  /** Null when nothing was appended. */
  appended: AppendResult | null;
}

/**
 * Runs a command against one stream. A conflict means another writer got there first: the command is
 * decided again on fresh state once; a second conflict is thrown to the caller.
 */
export async function handleCommand<State, Command, Event extends DecidedEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<State, Command, Event>,
  command: Command,
  ctx: CommandContext,
): Promise<HandledCommand<Event>> {
  for (let attempt = 0; ; attempt++) {
    const events = await store.readStream(streamId);
    const state = events.reduce(decider.evolve, decider.initialState());
    const decided = decider.decide(command, state, ctx.now);
    const expected = events.length === 0 ? 'no_stream' : events[events.length - 1].revision;
    try {
      const appended = await appendDecided(store, streamId, decided, attempt === 0 ? ctx : { ...ctx, commandId: `${ctx.commandId}.${attempt}` }, expected);
      return { events: decided, appended };
    } catch (err) {
      if (err instanceof ExpectedRevisionConflict && attempt === 0) continue;
      throw err;
    }
  }
}
