// Makes one webhook call: POST the payload with its headers, within one time limit for the whole
// request (60 s, mox), over kept-alive connections. The first 512 bytes of the response are kept (mox);
// the rest is read and dropped up to a bound so the connection can be reused, and past the bound the
// connection is closed instead. Once the status has arrived it is the outcome even if the body then stalls
// past the time limit or is cut off: the receiver has answered (a 2xx is a success), and the error notes
// the cut. Redirects are not followed: a 3xx is a failed call whose error names
// the Location (Standard Webhooks: 3xx is a failure), so a redirect can never lead a call around the
// private-target check. Never throws for what the receiver does; the outcome says what happened.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { checkLiteralHost, guardedLookup, RefusedTarget } from './target-safety';

export const RESPONSE_KEEP_BYTES = 512;

export interface WebhookClientSettings {
  /** For the whole request: connecting, sending, the status and the kept part of the body. */
  timeoutMs: number;
  allowPrivateTargets: boolean;
  /** Response bytes read beyond the kept ones before the connection is closed rather than reused. */
  drainLimitBytes: number;
}

export const DEFAULT_CLIENT_SETTINGS: WebhookClientSettings = { timeoutMs: 60_000, allowPrivateTargets: false, drainLimitBytes: 64 * 1024 };

export interface CallOutcome {
  /** HTTP status; 0 when no response arrived. */
  code: number;
  /** The first 512 bytes of the response body (what arrived of them when the body was cut off). */
  response: string;
  /** Why the call failed; for a 2xx "", or a note that the body was cut off (the call still succeeded). */
  error: string;
  /** Any 2xx (DESIGN section 5; mox: exactly 200). */
  success: boolean;
  /** The target was refused by the private-address check (the test methods answer it as a `user` error). */
  refused: boolean;
}

export class WebhookClient {
  readonly settings: WebhookClientSettings;
  // mox clones Go's transport (idle connections kept); these keep connections per host for reuse. Idle
  // connections are closed after 4 s, before a receiver's own idle timeout (Node servers: 5 s) would
  // close them under a new request.
  // Many URLs may share one receiver (host and port): up to 1,024 idle connections are kept for it.
  private readonly httpAgent = new HttpAgent({ keepAlive: true, timeout: 4_000, maxFreeSockets: 1_024 });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, timeout: 4_000, maxFreeSockets: 1_024 });

  constructor(settings: Partial<WebhookClientSettings> = {}) {
    this.settings = { ...DEFAULT_CLIENT_SETTINGS, ...settings };
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  async post(url: string, body: string, headers: Record<string, string>, signal?: AbortSignal): Promise<CallOutcome> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return failed(`invalid webhook URL ${JSON.stringify(url)}`);
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return failed(`webhook URL ${JSON.stringify(url)} is not http or https`);
    if (!this.settings.allowPrivateTargets) {
      try {
        checkLiteralHost(target.hostname);
      } catch (err) {
        return { ...failed((err as Error).message), refused: true };
      }
    }
    const bytes = Buffer.from(body, 'utf8');
    const first = await this.send(target, bytes, headers, signal);
    // A kept-alive connection the receiver closed while idle can fail before the request was even written;
    // the call never reached the application, so it is made once more on a fresh connection (as Go's
    // transport retries a reused connection when nothing was written). Once the request is written a
    // failure is the attempt's outcome: the receiver may have acted on it.
    if (first.staleConnection) return this.send(target, bytes, headers, signal, false);
    return first;
  }

  private send(target: URL, body: Buffer, headers: Record<string, string>, signal?: AbortSignal, reuse = true): Promise<CallOutcome & { staleConnection?: boolean }> {
    return new Promise<CallOutcome & { staleConnection?: boolean }>((resolve) => {
      let settled = false;
      const finish = (outcome: CallOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const secure = target.protocol === 'https:';
      const req = (secure ? httpsRequest : httpRequest)(target, {
        method: 'POST',
        agent: reuse ? (secure ? this.httpsAgent : this.httpAgent) : false,
        headers: { ...headers, 'Content-Length': String(body.length) },
        lookup: this.settings.allowPrivateTargets ? undefined : guardedLookup,
      });
      // Why this side cut the call, when it did: the response's own events then only say "aborted".
      let cutBy: string | null = null;
      const cut = (reason: string) => {
        cutBy ??= reason;
        req.destroy(new Error(reason));
      };
      const timer = setTimeout(() => {
        const seconds = this.settings.timeoutMs / 1000;
        cut(`webhook call timed out after ${seconds % 1 === 0 ? seconds : seconds.toFixed(1)}s`);
      }, this.settings.timeoutMs);
      const onAbort = () => cut('webhook call aborted: the node is stopping');
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });

      let written = false;
      let bodyCutOff: ((reason: string) => void) | null = null;
      req.on('finish', () => (written = true));
      req.on('error', (err) => {
        if (bodyCutOff) return bodyCutOff(cutBy ?? errorText(err));
        const code = (err as NodeJS.ErrnoException).code;
        const stale = req.reusedSocket && !written && (code === 'ECONNRESET' || code === 'EPIPE');
        finish({ ...failed(errorText(err)), refused: err instanceof RefusedTarget, ...(stale ? { staleConnection: true } : {}) });
      });
      req.on('response', (res) => {
        bodyCutOff = this.readResponse(req, res, finish, () => cutBy);
      });
      req.end(body);
    });
  }

  /**
   * Reads the answer and finishes with its status. Returns what to call when the body is cut off (timeout,
   * stop, dropped connection): the status has arrived and still counts, with the part of the body read.
   */
  private readResponse(req: ReturnType<typeof httpRequest>, res: IncomingMessage, finish: (o: CallOutcome) => void, cutBy: () => string | null): (reason: string) => void {
    const code = res.statusCode ?? 0;
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let drained = 0;
    const done = (cutOff?: string) => {
      const response = Buffer.concat(kept).toString('utf8');
      const status = `${code} ${res.statusMessage ?? ''}`.trim();
      const note = cutOff ? `response body cut off: ${cutOff}` : '';
      if (code >= 200 && code < 300) return finish({ code, response, error: note, success: true, refused: false });
      let error = `http status ${JSON.stringify(status)}, expected 2xx`;
      if (code >= 300 && code < 400) {
        const location = res.headers.location;
        error += location ? `; redirect to ${location} not followed` : '; redirects are not followed';
      }
      finish({ code, response, error: note ? `${error}; ${note}` : error, success: false, refused: false });
    };
    res.on('data', (chunk: Buffer) => {
      if (keptBytes < RESPONSE_KEEP_BYTES) {
        const part = chunk.subarray(0, RESPONSE_KEEP_BYTES - keptBytes);
        kept.push(part);
        keptBytes += part.length;
        drained += chunk.length - part.length;
      } else {
        drained += chunk.length;
      }
      // A large answer is not worth reading to the end to save a connection; what was kept is complete.
      if (drained > this.settings.drainLimitBytes) {
        done();
        req.destroy();
      }
    });
    res.on('end', () => done());
    const closedEarly = (err?: Error) => done(cutBy() ?? (err ? errorText(err) : 'connection closed by the receiver'));
    res.on('aborted', () => closedEarly());
    res.on('error', closedEarly);
    return (reason) => done(reason);
  }
}

function failed(error: string): CallOutcome {
  return { code: 0, response: '', error, success: false, refused: false };
}

function errorText(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ECONNRESET' && /socket hang up/.test(err.message)) return 'connection closed by the receiver before it answered (socket hang up)';
  return err.message || String(code ?? err);
}
