// The pages' only way to the server: the adminapi or webapi through openapi-fetch, typed with the types
// generated from openapi/ (src/api/generated). Every call sends HTTP Basic credentials (RFC 7617) from
// the session; `credentials: 'omit'` keeps the browser's own login prompt and cookies out of it.
// A failed call becomes an ApiFailure with the API's Code and Message, which the pages show next to the
// field or action that caused it.
import createClient from 'openapi-fetch';

export interface Credentials {
  username: string;
  password: string;
}

/** Method names of an API: `/adminapi/v0/QueueList` -> `QueueList`. */
export type MethodOf<Paths, Prefix extends string> = { [K in keyof Paths]: K extends `${Prefix}${infer M}` ? M : never }[keyof Paths];

type Operation<Paths, Prefix extends string, M extends string> = `${Prefix}${M}` extends keyof Paths ? Paths[`${Prefix}${M}`] : never;

export type RequestOf<Paths, Prefix extends string, M extends string> =
  Operation<Paths, Prefix, M> extends { post: { requestBody: { content: { 'application/json': infer R } } } } ? R : never;

export type ResponseOf<Paths, Prefix extends string, M extends string> =
  Operation<Paths, Prefix, M> extends { post: { responses: { 200: { content: { 'application/json': infer R } } } } } ? R : never;

/**
 * Why a call failed. `status` is the HTTP status (0: no answer); `code` the API's error code (`user`,
 * `protocol`, ...), or `unauthorized`, `tooManyAttempts`, `network` for answers that are not JSON.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** RFC 7617 §2.1: the user-id and password are UTF-8 before base64. */
export function basicAuthorization({ username, password }: Credentials): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

export class Api<Paths extends {}, Prefix extends string> {
  private readonly client = createClient<Paths>({ baseUrl: location.origin, credentials: 'omit', cache: 'no-store' });

  constructor(
    private readonly prefix: Prefix,
    private readonly credentials: () => Credentials | null,
    /** Called when the server no longer accepts the session's credentials. */
    private readonly onUnauthorized: () => void = () => undefined,
  ) {}

  /** Calls a method with the session's credentials. */
  call<M extends MethodOf<Paths, Prefix> & string>(method: M, request: RequestOf<Paths, Prefix, M>): Promise<ResponseOf<Paths, Prefix, M>> {
    const credentials = this.credentials();
    if (!credentials) {
      this.onUnauthorized();
      return Promise.reject(new ApiFailure(401, 'unauthorized', 'You are not logged in.'));
    }
    return this.callAs(credentials, method, request).catch((err: unknown) => {
      if (err instanceof ApiFailure && err.status === 401) this.onUnauthorized();
      throw err;
    });
  }

  /** Calls a method with the given credentials (the login form's check). */
  async callAs<M extends MethodOf<Paths, Prefix> & string>(credentials: Credentials, method: M, request: RequestOf<Paths, Prefix, M>): Promise<ResponseOf<Paths, Prefix, M>> {
    const post = this.client.POST as unknown as (path: string, init: { body: unknown; headers: Record<string, string> }) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
    let result: Awaited<ReturnType<typeof post>>;
    try {
      result = await post(`${this.prefix}${method}`, { body: request, headers: { authorization: basicAuthorization(credentials) } });
    } catch (err) {
      throw new ApiFailure(0, 'network', `The server could not be reached (${err instanceof Error ? err.message : String(err)}).`);
    }
    if (result.response.ok) return result.data as ResponseOf<Paths, Prefix, M>;
    throw failureOf(result.response.status, result.error);
  }
}

function failureOf(status: number, body: unknown): ApiFailure {
  if (typeof body === 'object' && body !== null && 'Code' in body && 'Message' in body) {
    return new ApiFailure(status, String((body as { Code: unknown }).Code), String((body as { Message: unknown }).Message));
  }
  // Plain-text answers: "401 - unauthorized - login is disabled for this account".
  const text = typeof body === 'string' ? body.trim() : '';
  if (status === 401) return new ApiFailure(401, 'unauthorized', text.replace(/^401 - unauthorized - /, '') || 'unauthorized');
  if (status === 429) return new ApiFailure(429, 'tooManyAttempts', 'Too many failed logins from your network; wait a while and try again.');
  if (status === 404) return new ApiFailure(404, 'notServed', 'This server does not offer the API these pages need on this address.');
  return new ApiFailure(status, 'http', text || `HTTP ${status}`);
}
