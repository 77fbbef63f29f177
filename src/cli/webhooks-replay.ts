// `postwire webhooks replay --account A --since T [--until T] [--event E]... [--dir DIR | --config FILE]`:
// queues an account's webhooks again from the event history, e.g. after the receiving application was
// down longer than the retry window (12 attempts over about 32 hours). A running server delivers them;
// the command prints how many were queued. Times are RFC 3339, or a duration meaning that long ago
// ("36h").
import { ApiError } from '../api/api-error';
import { parseDuration } from '../config/durations';
import { HookQueue } from '../webhooks/hook-queue';
import { REPLAY_EVENTS, WebhookReplayer } from '../webhooks/webhook-replay';
import { openConfigApp } from './config-app';
import { CliError, resolveDataBootstrap, type DataOptions } from './data-options';

export interface WebhooksReplayOptions extends DataOptions {
  account: string;
  since: string;
  until?: string;
  event?: string[];
}

/** An RFC 3339 time as given, or a duration ago ("36h") as an RFC 3339 time. */
export function replayTime(option: string, text: string, now: Date): string {
  const ago = parseDuration(text);
  if (ago !== null && !/^\d{4}-/.test(text)) return new Date(now.getTime() - ago).toISOString();
  if (Number.isNaN(Date.parse(text))) throw new CliError(`${option}: "${text}" is neither an RFC 3339 time (2025-03-14T06:00:00Z) nor a duration ago (36h)`);
  return text;
}

/** --event may be repeated or comma-separated. */
export function replayEvents(values: string[] | undefined): string[] {
  const events = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  for (const e of events) {
    if (!(REPLAY_EVENTS as readonly string[]).includes(e)) throw new CliError(`--event: unknown event "${e}"; known: ${REPLAY_EVENTS.join(', ')}`);
  }
  return events;
}

export async function webhooksReplay(options: WebhooksReplayOptions, out: NodeJS.WritableStream): Promise<void> {
  const events = replayEvents(options.event);
  const app = await openConfigApp(resolveDataBootstrap(options));
  try {
    const now = app.runtime.clock.now();
    const replayer = new WebhookReplayer(app.runtime, app.view, new HookQueue(app.runtime, app.view));
    const count = await replayer.replay({
      account: options.account,
      since: replayTime('--since', options.since, now),
      until: options.until === undefined ? null : replayTime('--until', options.until, now),
      events,
    });
    out.write(`${count} webhook${count === 1 ? '' : 's'} queued\n`);
  } catch (err) {
    if (err instanceof ApiError) throw new CliError(err.message);
    throw err;
  } finally {
    await app.close();
  }
}
