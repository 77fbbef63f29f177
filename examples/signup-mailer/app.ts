// The sign-up mailer's HTTP side (node:http, no framework):
//   POST /signup            {"email", "name"}: records the sign-up and sends the welcome mail (202)
//   GET  /signups           every sign-up with the state of its welcome mail
//   GET  /bounced           the addresses that bounced (bounce-list.ts)
//   POST /webhooks/postwire Postwire's outgoing webhooks (webhook-receiver.ts)
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { BounceList } from './bounce-list';
import { PostwireError, type PostwireClient } from './postwire-client';
import { Signups } from './signups';
import { WebhookRejected, WebhookVerifier } from './webhook-receiver';
import { sendWelcomeMail } from './welcome-mail';

export const WEBHOOK_PATH = '/webhooks/postwire';
const MAX_BODY = 1024 * 1024;

export interface SignupApp {
  server: Server;
  signups: Signups;
  bounces: BounceList;
}

export function createSignupApp(client: PostwireClient, verifier: WebhookVerifier, log: (line: string) => void = console.log): SignupApp {
  const signups = new Signups();
  const bounces = new BounceList();
  const seenWebhooks = new Set<string>();

  async function signup(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const input = parseJson(await readBody(req)) as { email?: unknown; name?: unknown } | null;
    const email = typeof input?.email === 'string' ? input.email.trim() : '';
    const name = typeof input?.name === 'string' && input.name.trim() ? input.name.trim() : 'there';
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return reply(res, 400, { error: 'give {"email": "...", "name": "..."}' });
    if (bounces.has(email)) return reply(res, 409, { error: `mail to ${email} bounced before: please give another address` });
    const record = signups.add(email, name);
    try {
      record.queueMsgId = await sendWelcomeMail(client, record);
      // A fast webhook may have moved the status on already.
      if (record.status === 'sending') record.status = 'queued';
    } catch (err) {
      signups.remove(record.id);
      // Send's checks (a malformed address is `badAddress`) are the user's to fix; anything else is ours.
      const status = err instanceof PostwireError && err.status === 400 && err.code !== 'server' ? 400 : 502;
      return reply(res, status, { error: err instanceof Error ? err.message : String(err) });
    }
    log(`signup ${email}: welcome mail queued as message ${record.queueMsgId}`);
    reply(res, 202, record);
  }

  async function webhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let hook;
    try {
      hook = verifier.verify(req.headers, await readBody(req));
    } catch (err) {
      if (!(err instanceof WebhookRejected)) throw err;
      log(`webhook refused: ${err.message}`);
      return reply(res, err.status, { error: err.message });
    }
    // Answer 2xx quickly; anything else (or no answer within 60 s) makes Postwire try again later.
    if (seenWebhooks.has(hook.id)) return reply(res, 204);
    seenWebhooks.add(hook.id);
    const p = hook.payload;
    const record = signups.about(p);
    if (!record) {
      log(`webhook ${hook.id}: ${p.Event} for message ${p.QueueMsgID}, not a welcome mail`);
      return reply(res, 204);
    }
    signups.apply(record, p);
    const bounced = bounces.record(record.email, p);
    const detail = p.SMTPCode ? ` (${p.SMTPCode} ${p.SMTPEnhancedCode})` : '';
    const note = bounced ? `, added to the bounce list${p.Suppressing ? '; Postwire suppresses it now' : ''}` : '';
    log(`webhook ${hook.id} (attempt ${hook.attempt}) verified: ${p.Event}${detail} for ${record.email}, message ${p.QueueMsgID}${note}`);
    reply(res, 204);
  }

  const server = createServer((req, res) => {
    const route = `${req.method} ${(req.url ?? '').split('?')[0]}`;
    const handled =
      route === 'POST /signup' ? signup(req, res)
      : route === `POST ${WEBHOOK_PATH}` ? webhook(req, res)
      : route === 'GET /signups' ? Promise.resolve(reply(res, 200, signups.list()))
      : route === 'GET /bounced' ? Promise.resolve(reply(res, 200, bounces.list()))
      : Promise.resolve(reply(res, 404, { error: `no ${route}` }));
    handled.catch((err: unknown) => {
      log(`${route} failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) reply(res, err instanceof BodyTooLarge ? 413 : 500, { error: 'internal error' });
    });
  });
  return { server, signups, bounces };
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function reply(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(`${JSON.stringify(body, null, 2)}\n`);
}
