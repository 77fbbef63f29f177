// Rules of the bootstrap file that its JSON Schema cannot express. They run even when the schema found
// problems, on whatever parts are well-formed, so one attempt to start lists everything to fix; a rule
// whose inputs are malformed is skipped, as the schema has named them already.
import { fieldPath } from './field-path';

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPort = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535;

const SERVICES = ['smtp', 'submission', 'http'] as const;

export function bootstrapRuleProblems(file: unknown): string[] {
  if (!isFields(file)) return [];
  return [...defaultTransportProblems(file), ...sharedPortProblems(file), ...listenerNeedsProblems(file)];
}

function defaultTransportProblems(file: Fields): string[] {
  const delivery = file.delivery;
  if (!isFields(delivery) || typeof delivery.defaultTransport !== 'string' || delivery.defaultTransport === '') return [];
  const transports = file.transports ?? {};
  if (!isFields(transports) || Object.hasOwn(transports, delivery.defaultTransport)) return [];
  return [`delivery.defaultTransport: no transport named "${delivery.defaultTransport}" in transports`];
}

/** Two services that would bind the same IP and port: the second could never start. */
function sharedPortProblems(file: Fields): string[] {
  if (!isFields(file.listeners)) return [];
  const problems: string[] = [];
  const used = new Map<string, string>();
  for (const [name, listener] of Object.entries(file.listeners)) {
    if (!isFields(listener) || !Array.isArray(listener.ips)) continue;
    const ips = listener.ips.filter((ip): ip is string => typeof ip === 'string' && ip !== '');
    for (const service of SERVICES) {
      const section = listener[service];
      if (!isFields(section) || !isPort(section.port) || (section.enabled !== undefined && section.enabled !== true)) continue;
      for (const ip of ips) {
        const key = `${ip}:${section.port}`;
        const other = used.get(key);
        if (other) problems.push(`${fieldPath(['listeners', name, service, 'port'])}: ${key} is also used by ${other}`);
        else used.set(key, fieldPath(['listeners', name, service]));
      }
    }
  }
  return problems;
}

/** What an HTTP listener's switches need from the rest of the file. */
function listenerNeedsProblems(file: Fields): string[] {
  if (!isFields(file.listeners)) return [];
  const problems: string[] = [];
  for (const [name, listener] of Object.entries(file.listeners)) {
    const http = isFields(listener) ? listener.http : undefined;
    if (!isFields(http)) continue;
    // A tls section or hash that is there but malformed has its own problem; these say what is missing.
    if (http.tls === true && file.tls === undefined) problems.push(`${fieldPath(['listeners', name, 'http', 'tls'])}: needs the tls section (certFile, keyFile)`);
    if ((http.adminapi === true || http.adminPages === true) && file.adminPasswordHash === undefined) {
      problems.push(`${fieldPath(['listeners', name, 'http'])}: adminapi/adminPages need adminPasswordHash`);
    }
  }
  return problems;
}
