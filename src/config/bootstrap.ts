// Loads and validates the bootstrap file. A bad file stops start-up with every problem listed, each with
// its path in the file, so an operator fixes them all in one go.
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { bootstrapSchema } from './bootstrap-schema';

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
    throw new ConfigError(file, [`cannot read the file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`]);
  }
  return parseBootstrap(text, file);
}

export function parseBootstrap(text: string, file: string): Bootstrap {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(file, doc.errors.map((e) => `YAML syntax: ${e.message.split('\n')[0]}`));
  }
  const value = doc.toJS() as unknown;
  if (!validate(value)) {
    const problems = (validate.errors ?? []).map((e) => {
      const path = e.instancePath.split('/').filter(Boolean).join('.') || '(top level)';
      if (e.keyword === 'additionalProperties') return `${path}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
      if (e.keyword === 'required') return `${path}: missing field "${(e.params as { missingProperty: string }).missingProperty}"`;
      if (e.keyword === 'enum') return `${path}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
      return `${path}: ${e.message}`;
    });
    throw new ConfigError(file, problems);
  }
  const config = value as BootstrapConfig;
  const problems = semanticProblems(config);
  if (problems.length > 0) throw new ConfigError(file, problems);
  const base = dirname(resolve(file));
  return {
    ...config,
    file: resolve(file),
    dataDir: resolve(base, config.dataDir ?? './data'),
    tls: config.tls ? { certFile: resolve(base, config.tls.certFile), keyFile: resolve(base, config.tls.keyFile) } : undefined,
    limits: {
      maxMessageSize: config.limits?.maxMessageSize ?? DEFAULT_MAX_MESSAGE_SIZE,
      maxRequestSize: config.limits?.maxRequestSize ?? Math.ceil(((config.limits?.maxMessageSize ?? DEFAULT_MAX_MESSAGE_SIZE) * 4) / 3) + 1024 * 1024,
    },
  };
}

/** Rules a schema cannot express. */
function semanticProblems(config: BootstrapConfig): string[] {
  const problems: string[] = [];
  const transports = config.transports ?? {};
  if (config.delivery?.defaultTransport && !(config.delivery.defaultTransport in transports)) {
    problems.push(`delivery.defaultTransport: no transport named "${config.delivery.defaultTransport}" in transports`);
  }
  const used = new Map<string, string>();
  for (const [name, listener] of Object.entries(config.listeners)) {
    for (const service of ['smtp', 'submission', 'http'] as const) {
      const s = listener[service];
      if (!s || s.enabled === false || s.port === undefined) continue;
      for (const ip of listener.ips) {
        const key = `${ip}:${s.port}`;
        const other = used.get(key);
        if (other) problems.push(`listeners.${name}.${service}.port: ${key} is also used by ${other}`);
        else used.set(key, `listeners.${name}.${service}`);
      }
    }
    const http = listener.http;
    if (http?.tls && !config.tls) problems.push(`listeners.${name}.http.tls: needs the tls section (certFile, keyFile)`);
    if ((http?.adminapi || http?.adminPages) && !config.adminPasswordHash) {
      problems.push(`listeners.${name}.http: adminapi/adminPages need adminPasswordHash`);
    }
  }
  return problems;
}
