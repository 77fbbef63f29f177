// The webapi and adminapi as an application calls them: POST /<api>/v0/<Method> with a JSON body and
// HTTP Basic auth (DESIGN.md section 3). `call` insists on 200 and returns the JSON; `request` returns the
// status as well, for the answers a test expects to be errors.
import { LOCALSERVE } from '../../../src/localserve/localserve-config';

export interface Login {
  user: string;
  password: string;
}

export const ACCOUNT: Login = { user: LOCALSERVE.address, password: LOCALSERVE.password };
export const ADMIN: Login = { user: 'admin', password: LOCALSERVE.adminPassword };

export interface ApiAnswer {
  status: number;
  json: any;
  text: string;
}

export class HttpApi {
  constructor(
    readonly baseUrl: string,
    readonly api: 'webapi' | 'adminapi',
    readonly login: Login,
  ) {}

  async request(method: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
    const response = await fetch(`${this.baseUrl}/${this.api}/v0/${method}`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${this.login.user}:${this.login.password}`).toString('base64')}`,
        'Content-Type': 'application/json',
        ...headers,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: response.status, json, text };
  }

  async call(method: string, body: unknown = {}): Promise<any> {
    const answer = await this.request(method, body);
    if (answer.status !== 200) throw new Error(`${this.api} ${method} ${JSON.stringify(body).slice(0, 300)}: HTTP ${answer.status} ${answer.text.slice(0, 500)}`);
    return answer.json;
  }
}

export function webapi(baseUrl: string, login: Login = ACCOUNT): HttpApi {
  return new HttpApi(baseUrl, 'webapi', login);
}

export function adminapi(baseUrl: string, login: Login = ADMIN): HttpApi {
  return new HttpApi(baseUrl, 'adminapi', login);
}

/** Polls until `probe` gives something truthy; the error names what was awaited. */
export async function eventually<T>(probe: () => T | Promise<T>, what: string, ms = 15_000, everyMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
