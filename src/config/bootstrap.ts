// Loads and validates the bootstrap file. A bad file stops start-up with every problem listed, each with
// its path in the file, so an operator fixes them all in one go: the schema's findings and those of the
// rules it cannot express (bootstrap-rules.ts) together.
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { bootstrapRuleProblems } from './bootstrap-rules';
import { bootstrapSchema } from './bootstrap-schema';
import { schemaProblems } from './schema-problems';

export interface ListenerConfig {
  ips: string[];
  smtp?: { enabled?: boolean; port?: number };
  submission?: { enabled?: boolean; port?: number; requireTLS?: boolean };
  http?: {
    enabled?: boolean;
    port?: number;
    tls?: boolean;
    forwarded?: boolean;
    webapi?: boolean;
    adminapi?: boolean;
    adminPages?: boolean;
    accountPages?: boolean;
    metrics?: boolean;
  };
}

export interface TransportConfig {
  host: string;
  port?: number;
  security?: 'starttls' | 'tls' | 'none';
  username?: string;
  password?: string;
}

export interface BootstrapConfig {
  hostname: string;
  dataDir?: string;
  eventStore?: { url?: string };
  adminPasswordHash?: string;
  tls?: { certFile: string; keyFile: string };
  listeners: Record<string, ListenerConfig>;
  transports?: Record<string, TransportConfig>;
  delivery?: { defaultTransport?: string; concurrency?: number; perDomainConcurrency?: number; connectTimeoutSeconds?: number };
  webhooks?: { allowPrivateTargets?: boolean; concurrency?: number };
  limits?: { maxMessageSize?: number; maxRequestSize?: number };
}

/** A loaded bootstrap file with paths resolved and defaults filled in. */
export interface Bootstrap extends BootstrapConfig {
  file: string | null;
  dataDir: string;
  limits: { maxMessageSize: number; maxRequestSize: number };
}

export const DEFAULT_MAX_MESSAGE_SIZE = 100 * 1024 * 1024;

/** A request must fit the largest message base64-encoded (4/3) plus 1 MiB of JSON around it. */
export function defaultMaxRequestSize(maxMessageSize: number = DEFAULT_MAX_MESSAGE_SIZE): number {
  return Math.ceil((maxMessageSize * 4) / 3) + 1024 * 1024;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(bootstrapSchema);

export function loadBootstrapFile(file: string): Bootstrap {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, [`cannot read the file: ${readFailure(err as NodeJS.ErrnoException)}`]);
  }
  return parseBootstrap(text, file);
}

const READ_FAILURES: Record<string, string> = { ENOENT: 'there is no such file', EACCES: 'permission denied', EISDIR: 'it is a directory' };

/** "there is no such file (ENOENT)": the code stays, for searching. */
function readFailure(err: NodeJS.ErrnoException): string {
  if (!err.code) return err.message;
  return READ_FAILURES[err.code] ? `${READ_FAILURES[err.code]} (${err.code})` : err.code;
}

export function parseBootstrap(text: string, file: string): Bootstrap {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  // Values read past a syntax error are guesses: checking them would report problems that are not there.
  if (doc.errors.length > 0) {
    // The first line says what and where ("... at line 3, column 1:"); the excerpt after it is dropped.
    throw new ConfigError(file, doc.errors.map((e) => `YAML syntax: ${e.message.split('\n')[0].replace(/:$/, '')}`));
  }
  const value = doc.toJS() as unknown;
  if (value === null || value === undefined) throw new ConfigError(file, ['the file is empty: it needs at least hostname and listeners']);
  const problems = validate(value) ? [] : schemaProblems(validate.errors);
  problems.push(...bootstrapRuleProblems(value));
  if (problems.length > 0) throw new ConfigError(file, problems);
  const config = value as BootstrapConfig;
  const base = dirname(resolve(file));
  return {
    ...config,
    file: resolve(file),
    dataDir: resolve(base, config.dataDir ?? './data'),
    tls: config.tls ? { certFile: resolve(base, config.tls.certFile), keyFile: resolve(base, config.tls.keyFile) } : undefined,
    limits: {
      maxMessageSize: config.limits?.maxMessageSize ?? DEFAULT_MAX_MESSAGE_SIZE,
      maxRequestSize: config.limits?.maxRequestSize ?? defaultMaxRequestSize(config.limits?.maxMessageSize),
    },
  };
}
