// What every configuration command handler does after its decide function: append with the expected
// revision (src/core/command-handling.ts), then wait until the `config` read model has applied the append,
// so the caller (an API request, the next step of an import) reads its own write.
import { ApiError, type ErrorCode } from '../api/api-error';
import { handleCommand, newCommandContext, type DecidedEvent, type Decider } from '../core/command-handling';
import type { Runtime } from '../runtime/runtime';
import { CONFIG_PROJECTION } from './config-tables';

export interface ConfigWriteResult {
  /** Global position of the last event appended; null when nothing changed. */
  position: number | null;
  /** Types of the events appended, in order (empty when nothing changed). */
  events: string[];
}

/** Who asked: correlates the events with the request that caused them. */
export interface CommandOrigin {
  correlationId?: string;
}

/** A refusal from a decide function: the API's error, with mox's code and a message saying what to fix. */
export function rejected(code: Extract<ErrorCode, 'user' | 'notFound' | 'badAddress'>, message: string): ApiError {
  return new ApiError(code, message);
}

export async function runConfigCommand<State, Command, Event extends DecidedEvent>(
  runtime: Runtime,
  streamId: string,
  decider: Decider<State, Command, Event>,
  command: Command,
  origin: CommandOrigin = {},
): Promise<ConfigWriteResult> {
  const ctx = newCommandContext(runtime.clock.now(), origin.correlationId);
  const { events, appended } = await handleCommand(runtime.store, streamId, decider, command, ctx);
  if (appended) await runtime.projections.waitFor(appended.position, { names: [CONFIG_PROJECTION] });
  return { position: appended?.position ?? null, events: events.map((e) => e.type) };
}
