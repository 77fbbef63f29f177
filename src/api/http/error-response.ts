// Every failure of a /webapi/ or /adminapi/ request becomes an HTTP answer here, and only here.
//
// - ApiError: 400 with {"Code", "Message"} (mox's webapi.Error), except `tooLarge`, which is 413.
// - HttpProblem: the answers mox gives in plain text before a method runs: 401 (with WWW-Authenticate),
//   404, 405 (with Allow), 429 and 500.
// - Anything else is a bug or an unexpected failure: 400 {"Code": "server", "Message": "unhandled
//   error"} like mox's recovered panics, logged with the request's correlation id. Its message and stack
//   stay in the log: they may name files, queries or internal state.
import type { Logger } from '../../observability/logger';
import { ApiError, type ErrorCode } from '../api-error';

/** A plain-text answer that is not a method result. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  constructor(
    readonly status: number,
    readonly text: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(text);
  }
}

export interface ErrorReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** HTTP status by error code; codes not listed are 400, as in mox. */
const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  tooLarge: 413,
};

export interface ErrorContext {
  logger: Logger;
  correlationId: string;
  api: string;
  method?: string;
}

export function errorReply(err: unknown, context: ErrorContext): ErrorReply {
  const { logger, ...where } = context;
  if (err instanceof HttpProblem) {
    if (err.status >= 500) logger.error({ ...where, status: err.status, problem: err.text }, 'api request failed');
    return { status: err.status, headers: { 'content-type': 'text/plain; charset=utf-8', ...err.headers }, body: `${err.text}\n` };
  }
  if (err instanceof ApiError) {
    if (err.code === 'server') logger.error({ ...where, code: err.code, message: err.message, err: err.cause }, 'api call failed on the server side');
    else logger.debug({ ...where, code: err.code, message: err.message }, 'api call refused');
    return jsonError(STATUS_BY_CODE[err.code] ?? 400, err.code, err.message);
  }
  logger.error({ ...where, err }, 'unhandled error in api call');
  return jsonError(400, 'server', 'unhandled error');
}

function jsonError(status: number, code: ErrorCode, message: string): ErrorReply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: `${JSON.stringify({ Code: code, Message: message })}\n`,
  };
}

// The plain-text answers, worded like mox's (webapisrv/server.go) so existing clients and people
// reading logs recognise them.

export const notFound = (what = 'page not found') => new HttpProblem(404, `404 ${what}`);

/** RFC 9110 §15.5.6: a 405 lists the methods the resource does support. */
export const methodNotAllowed = (allowed: string[]) =>
  new HttpProblem(405, `405 - method not allowed - use ${allowed.join(' or ').toLowerCase()}`, { allow: allowed.join(', ') });

/** RFC 7617 §2: the challenge names the realm, one per API. */
export const unauthorized = (realm: string, text: string) => new HttpProblem(401, `401 - unauthorized - ${text}`, { 'www-authenticate': `Basic realm=${realm}` });

export const tooManyAttempts = () => new HttpProblem(429, '429 - too many auth attempts');

export const noRemoteIP = () => new HttpProblem(500, '500 - internal server error - cannot find remote ip');
