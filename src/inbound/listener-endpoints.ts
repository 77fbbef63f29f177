// Where the SMTP services listen (bootstrap `listeners`): every address of every listener that switches
// `smtp` or `submission` on (a service without a port is off), and the certificate for STARTTLS from the
// bootstrap's `tls` section, read once at start with an error that names the file.
import { readFileSync } from 'node:fs';
import type { Bootstrap } from '../config/bootstrap';

export type SmtpServiceKind = 'smtp' | 'submission';

export interface SmtpEndpoint {
  listener: string;
  ip: string;
  port: number;
  /** Submission only: AUTH only after STARTTLS (default true). */
  requireTLS: boolean;
}

export function endpointsOf(bootstrap: Bootstrap, kind: SmtpServiceKind): SmtpEndpoint[] {
  const out: SmtpEndpoint[] = [];
  for (const [listener, config] of Object.entries(bootstrap.listeners)) {
    const service = config[kind];
    if (!service || service.enabled === false || service.port === undefined) continue;
    const requireTLS = kind === 'submission' ? (config.submission?.requireTLS ?? true) : false;
    for (const ip of config.ips) out.push({ listener, ip, port: service.port, requireTLS });
  }
  return out;
}

export interface TlsFiles {
  key: Buffer;
  cert: Buffer;
}

/** The certificate and key of the bootstrap's `tls` section, or null when it has none. */
export function loadTls(bootstrap: Bootstrap): TlsFiles | null {
  if (!bootstrap.tls) return null;
  const read = (file: string, what: string) => {
    try {
      return readFileSync(file);
    } catch (err) {
      throw new Error(`tls.${what}: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  };
  return { cert: read(bootstrap.tls.certFile, 'certFile'), key: read(bootstrap.tls.keyFile, 'keyFile') };
}
