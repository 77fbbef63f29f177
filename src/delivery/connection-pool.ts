// Reuses an SMTP session for the next transaction to the same host (RFC 5321 §3.3 allows several
// transactions per session), which saves the connect, greeting, EHLO and TLS handshake. A session goes
// back to the pool only after a transaction that ended with a reply (delivered or refused), and is
// checked with RSET (RFC 5321 §4.1.1.5) before it is used again; a session that fails the check is closed
// and a fresh one opened. Idle sessions are closed after a short while, before servers drop them.
import { SmtpClient, type SmtpClientOptions } from './smtp-client';

interface Idle {
  client: SmtpClient;
  timer: NodeJS.Timeout;
}

export interface Lease {
  client: SmtpClient;
  /** The session had carried an earlier transaction. */
  reused: boolean;
}

export class ConnectionPool {
  private readonly idle = new Map<string, Idle[]>();
  private closed = false;
  /** Connections opened, for metrics and tests. */
  opened = 0;

  constructor(
    private readonly idleMs = 15_000,
    private readonly maxIdlePerKey = 2,
  ) {}

  async acquire(key: string, options: SmtpClientOptions, signal: AbortSignal): Promise<Lease> {
    this.closed = false;
    for (let entry = this.take(key); entry; entry = this.take(key)) {
      try {
        await entry.reset(signal);
        return { client: entry, reused: true };
      } catch {
        entry.close();
      }
    }
    this.opened++;
    return { client: await SmtpClient.open(options, signal), reused: false };
  }

  /** `reusable`: the last transaction ended with a reply from the server. */
  release(key: string, client: SmtpClient, reusable: boolean): void {
    const list = this.idle.get(key) ?? [];
    if (this.closed || !reusable || !client.usable || list.length >= this.maxIdlePerKey) {
      client.close();
      return;
    }
    const idle: Idle = {
      client,
      timer: setTimeout(() => {
        this.remove(key, idle);
        client.close();
      }, this.idleMs),
    };
    idle.timer.unref();
    list.push(idle);
    this.idle.set(key, list);
  }

  /** Closes idle sessions; sessions in use are closed when released, until the next acquire. */
  async close(): Promise<void> {
    this.closed = true;
    for (const list of this.idle.values()) {
      for (const idle of list) {
        clearTimeout(idle.timer);
        idle.client.close();
      }
    }
    this.idle.clear();
  }

  private take(key: string): SmtpClient | null {
    const list = this.idle.get(key);
    const idle = list?.pop();
    if (!idle) return null;
    clearTimeout(idle.timer);
    if (list!.length === 0) this.idle.delete(key);
    return idle.client.usable ? idle.client : (idle.client.close(), this.take(key));
  }

  private remove(key: string, idle: Idle): void {
    const list = this.idle.get(key);
    if (!list) return;
    const rest = list.filter((x) => x !== idle);
    if (rest.length === 0) this.idle.delete(key);
    else this.idle.set(key, rest);
  }
}
