// The test's own webhook receiver on 127.0.0.1, checking every call the way an application should
// (docs/WEBHOOKS.md): the Authorization header it configured, and the Standard Webhooks signature with the
// official `standardwebhooks` library over the raw body. Verified calls are answered 204 and kept, parsed,
// with their mox headers; a call that fails a check is answered 401 and kept apart, so a test can assert
// there were none. `/outgoing` and `/incoming` are the two webhook URLs.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface WebhookCall {
  kind: 'outgoing' | 'incoming';
  /** X-Mox-Webhook-ID, the same on every attempt of one webhook. */
  id: string;
  attempt: number;
  payload: any;
  headers: IncomingHttpHeaders;
  at: number;
}

export interface RejectedCall {
  path: string;
  why: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export class WebhookInbox {
  readonly calls: WebhookCall[] = [];
  readonly rejected: RejectedCall[] = [];
  /** A fresh Standard Webhooks secret: `whsec_` and the base64 of 32 random bytes. */
  readonly secret = `whsec_${randomBytes(32).toString('base64')}`;
  readonly authorization = `Bearer ${randomBytes(18).toString('base64url')}`;
  url = '';
  private readonly verifier = new Webhook(this.secret);
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const why = this.check(req.url ?? '', req.headers, body);
        if (why) {
          this.rejected.push({ path: req.url ?? '', why, headers: req.headers, body });
          res.writeHead(401).end();
          return;
        }
        this.calls.push({
          kind: req.url === '/incoming' ? 'incoming' : 'outgoing',
          id: String(req.headers['x-mox-webhook-id']),
          attempt: Number(req.headers['x-mox-webhook-attempt']),
          payload: JSON.parse(body),
          headers: req.headers,
          at: Date.now(),
        });
        res.writeHead(204).end();
      });
    });
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  /** Why a call is refused, or null. */
  private check(path: string, headers: IncomingHttpHeaders, body: string): string | null {
    if (path !== '/outgoing' && path !== '/incoming') return `unknown path ${path}`;
    if (headers.authorization !== this.authorization) return `Authorization ${JSON.stringify(headers.authorization)}`;
    try {
      this.verifier.verify(body, headers as Record<string, string>);
    } catch (err) {
      return `signature: ${err instanceof Error ? err.message : String(err)}`;
    }
    if (headers['webhook-id'] !== headers['x-mox-webhook-id']) return 'webhook-id differs from X-Mox-Webhook-ID';
    return null;
  }

  outgoing(queueMsgId: number): WebhookCall[] {
    return this.calls.filter((c) => c.kind === 'outgoing' && c.payload.QueueMsgID === queueMsgId);
  }

  /** Waits for an outgoing webhook with this event about the message. */
  async waitOutgoing(queueMsgId: number, event: string, ms = 20_000): Promise<WebhookCall> {
    return this.waitFor((c) => c.kind === 'outgoing' && c.payload.QueueMsgID === queueMsgId && c.payload.Event === event, `an outgoing ${event} webhook for message ${queueMsgId}`, ms);
  }

  async waitFor(match: (c: WebhookCall) => boolean, what: string, ms = 20_000): Promise<WebhookCall> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.calls.find(match);
      if (found) return found;
      if (Date.now() > deadline) {
        const seen = this.calls.map((c) => `${c.kind} ${c.payload.Event ?? ''} ${c.payload.QueueMsgID ?? c.payload.Subject}`).join(', ');
        throw new Error(`timed out after ${ms} ms waiting for ${what}; received: ${seen || 'nothing'}; rejected: ${this.rejected.length}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }
}
