// `postwire localserve due-now [--http-port N | --url URL] [--admin-password PW] [--json]`: time travel for
// a running localserve. It calls the adminapi's DueNow over HTTP, as any admin client would, so every
// queued message that is not on hold and every pending webhook is attempted now instead of after its
// backoff (7.5 minutes doubling for messages, 1 minute and up for webhooks; DESIGN.md section 6). Attempt
// counts are kept, so a `temperror` recipient still fails for good after its 8th attempt. It talks HTTP
// only: the server keeps running and no data directory is opened next to it.
import { LOCALSERVE } from '../localserve/localserve-config';
import { CliError } from './data-options';

export interface DueNowOptions {
  /** Base URL of the server; overrides httpPort. */
  url?: string;
  httpPort?: number;
  adminPassword?: string;
  json?: boolean;
}

export interface DueNowTarget {
  /** The DueNow endpoint. */
  endpoint: URL;
  /** The base URL, for messages. */
  base: string;
  password: string;
}

/** The counts DueNow answers (openapi/adminapi.yaml DueNowResult). */
export interface DueNowCounts {
  Messages: number;
  Hooks: number;
}

const REQUEST_TIMEOUT_MS = 30_000;

/** Where to call and with which password: flags first, then the environment, then localserve's defaults. */
export function dueNowTarget(options: DueNowOptions, env: NodeJS.ProcessEnv = process.env): DueNowTarget {
  let base: string;
  if (options.url !== undefined) {
    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      throw new CliError(`--url: not a URL: ${options.url} (e.g. http://127.0.0.1:1080)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`--url: not an http or https URL: ${options.url}`);
    base = url.href.replace(/\/+$/, '');
  } else {
    base = `http://127.0.0.1:${options.httpPort ?? envPort(env)}`;
  }
  const password = options.adminPassword ?? env.POSTWIRE_ADMIN_PASSWORD ?? LOCALSERVE.adminPassword;
  return { endpoint: new URL(`${base}/adminapi/v0/DueNow`), base, password };
}

function envPort(env: NodeJS.ProcessEnv): number {
  const raw = env.POSTWIRE_HTTP_PORT;
  if (raw === undefined || raw === '') return LOCALSERVE.httpPort;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 65535) throw new CliError(`POSTWIRE_HTTP_PORT: not a port number: ${raw}`);
  return n;
}

/** Calls DueNow; every failure is a CliError that says what to do about it. */
export async function callDueNow(target: DueNowTarget, timeoutMs = REQUEST_TIMEOUT_MS): Promise<DueNowCounts> {
  let response: Response;
  try {
    response = await fetch(target.endpoint, {
      method: 'POST',
      headers: {
        // The adminapi's login is user `admin` with the admin password (DESIGN.md section 3).
        Authorization: `Basic ${Buffer.from(`admin:${target.password}`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: '{}',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw new CliError(`nothing answers at ${target.base} (${reason(err)}): is localserve running? Start it with \`postwire localserve\`, or give --http-port or --url where it listens`);
  }
  const text = await response.text().catch(() => '');
  if (response.status === 401) throw new CliError(`${target.base} refused the admin password: give --admin-password or set POSTWIRE_ADMIN_PASSWORD`);
  if (response.status === 429) throw new CliError(`${target.base} refuses logins for now after too many failed ones: wait a minute and try again`);
  if (response.status === 404) throw new CliError(`${target.base} has no admin API at /adminapi/v0/ (is it a Postwire localserve?)`);
  if (response.status !== 200) {
    const error = parseJson(text) as { Code?: unknown; Message?: unknown } | null;
    const detail = error && typeof error.Code === 'string' ? `${error.Code}: ${String(error.Message)}` : `HTTP ${response.status} ${text.slice(0, 200)}`;
    throw new CliError(`DueNow failed: ${detail}`);
  }
  const counts = parseJson(text) as Partial<DueNowCounts> | null;
  if (!counts || typeof counts.Messages !== 'number' || typeof counts.Hooks !== 'number') {
    throw new CliError(`${target.base} answered DueNow with something other than {Messages, Hooks}: ${text.slice(0, 200)}`);
  }
  return { Messages: counts.Messages, Hooks: counts.Hooks };
}

export async function localserveDueNow(options: DueNowOptions, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const counts = await callDueNow(dueNowTarget(options));
  if (options.json) {
    out.write(`${JSON.stringify(counts)}\n`);
    return;
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  out.write(`made due now: ${plural(counts.Messages, 'queued message')}, ${plural(counts.Hooks, 'webhook')}\n`);
}

function reason(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  if (err instanceof Error && err.name === 'TimeoutError') return 'no answer in time';
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
