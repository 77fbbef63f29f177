// The Postwire webapi client: openapi-fetch with the types generated from openapi/webapi.yaml
// (generate-client.mjs). Every method is `POST /webapi/v0/<Method>` with a JSON body and HTTP Basic auth
// (the account's login address and password); errors are HTTP 400 `{Code, Message}`. The types check the
// method names, request fields and answers at compile time; nothing here is written by hand per method.
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/webapi';

export type SendRequest = components['schemas']['SendRequest'];
export type OutgoingPayload = components['schemas']['Outgoing'];
export type IncomingPayload = components['schemas']['Incoming'];
export type PostwireErrorBody = components['schemas']['Error'];

export interface PostwireLogin {
  /** The server's base URL, e.g. http://127.0.0.1:1080 (localserve). */
  baseUrl: string;
  /** An address of the account, e.g. postwire@localhost. */
  address: string;
  password: string;
}

/** An answer other than 200: the API's error code (`badAddress`, `user`, ...) or the HTTP status. */
export class PostwireError extends Error {
  constructor(
    readonly method: string,
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${method}: ${code}: ${message}`);
  }
}

export function postwireClient(login: PostwireLogin) {
  return createClient<paths>({
    baseUrl: login.baseUrl.replace(/\/+$/, ''),
    headers: { Authorization: `Basic ${Buffer.from(`${login.address}:${login.password}`).toString('base64')}` },
  });
}

export type PostwireClient = ReturnType<typeof postwireClient>;

/** The data of a 200 answer, or a PostwireError with the API's code. */
export function unwrap<T>(method: string, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined && result.response.ok) return result.data;
  const body = result.error as Partial<PostwireErrorBody> | undefined;
  const code = typeof body?.Code === 'string' ? body.Code : `HTTP ${result.response.status}`;
  const message = typeof body?.Message === 'string' ? body.Message : result.response.statusText;
  throw new PostwireError(method, result.response.status, code, message);
}
