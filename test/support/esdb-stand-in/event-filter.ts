// Server-side filters of a $all read or subscription (ReadReq.Options.FilterOptions): on the stream
// name or the event type, by prefixes (any of them) or else by a regular expression.
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { LogRecord } from './records';

export interface EventFilter {
  matches(record: LogRecord): boolean;
  /** Records to scan between two checkpoint messages (window x multiplier). */
  checkpointInterval: number;
}

/** EventStoreDB's default search window when the client asks for `count` rather than `max`. */
const DEFAULT_SEARCH_WINDOW = 32;

/** Undefined when the request carries no filter. Throws a message for the client on a bad expression. */
export function eventFilterOf(options: ReadReq.Options): EventFilter | undefined {
  const filter = options.getFilter();
  if (options.getFilterOptionCase() !== ReadReq.Options.FilterOptionCase.FILTER || !filter) return undefined;
  const onStream = filter.getFilterCase() === ReadReq.Options.FilterOptions.FilterCase.STREAM_IDENTIFIER;
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  if (!expression) throw new Error('filter has neither a stream identifier nor an event type expression');
  const prefixes = expression.getPrefixList();
  const regex = prefixes.length === 0 ? new RegExp(expression.getRegex()) : undefined;
  const field = (record: LogRecord): string => (onStream ? record.streamId : record.type);
  const window = filter.getWindowCase() === ReadReq.Options.FilterOptions.WindowCase.MAX ? filter.getMax() : DEFAULT_SEARCH_WINDOW;
  return {
    matches: (record) => (regex ? regex.test(field(record)) : prefixes.some((p) => field(record).startsWith(p))),
    checkpointInterval: Math.max(1, window * Math.max(1, filter.getCheckpointintervalmultiplier())),
  };
}
