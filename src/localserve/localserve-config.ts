// localserve's fixed setup (DESIGN.md section 3): every port the standard one + 1000, all on 127.0.0.1,
// webapi, adminapi and web pages switched on.
import { resolve } from 'node:path';
import type { Bootstrap } from '../config/bootstrap';
import { ConfigError, DEFAULT_MAX_MESSAGE_SIZE } from '../config/bootstrap';

export interface LocalserveOptions {
  dir?: string;
  httpPort?: number;
  smtpPort?: number;
  submissionPort?: number;
}

export const LOCALSERVE = {
  domain: 'localhost',
  separator: '+',
  account: 'postwire',
  address: 'postwire@localhost',
  password: 'postwirepostwire',
  adminPassword: 'postwireadmin',
  retention: '72h',
  dir: './data/localserve',
  httpPort: 1080,
  smtpPort: 1025,
  submissionPort: 1587,
} as const;

/** The flag, else the environment variable, else the default; a bad value is a ConfigError naming it. */
function port(flag: number | undefined, flagName: string, env: string, fallback: number): number {
  if (flag !== undefined) {
    if (!Number.isInteger(flag) || flag < 0 || flag > 65535) throw new ConfigError('localserve', [`${flagName}: not a port number: ${flag}`]);
    return flag;
  }
  const raw = process.env[env];
  if (raw === undefined || raw === '') return fallback;
  // Digits only: Number() would also take "0x50", "1e3" or " 80 ".
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw new ConfigError('environment', [`${env}: not a port number: ${raw}`]);
  return Number(raw);
}

export function localserveBootstrap(options: LocalserveOptions): Bootstrap {
  return {
    file: null,
    hostname: 'localhost',
    dataDir: resolve(options.dir ?? process.env.POSTWIRE_DATA ?? LOCALSERVE.dir),
    listeners: {
      local: {
        ips: ['127.0.0.1'],
        http: { port: port(options.httpPort, '--http-port', 'POSTWIRE_HTTP_PORT', LOCALSERVE.httpPort), webapi: true, adminapi: true, adminPages: true, accountPages: true, metrics: true },
        smtp: { port: port(options.smtpPort, '--smtp-port', 'POSTWIRE_SMTP_PORT', LOCALSERVE.smtpPort) },
        submission: { port: port(options.submissionPort, '--submission-port', 'POSTWIRE_SUBMISSION_PORT', LOCALSERVE.submissionPort), requireTLS: false },
      },
    },
    webhooks: { allowPrivateTargets: true },
    limits: { maxMessageSize: DEFAULT_MAX_MESSAGE_SIZE, maxRequestSize: Math.ceil((DEFAULT_MAX_MESSAGE_SIZE * 4) / 3) + 1024 * 1024 },
  };
}
