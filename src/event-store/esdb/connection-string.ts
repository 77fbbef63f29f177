// Reads an EventStoreDB connection string (esdb://[user:password@]host:port[,host:port...][?key=value&...])
// before the client sees it, so that every message, log line and error names the node without the
// password, and so that mistakes get an error that says what is wrong rather than a warning on stdout.
// KurrentDB, EventStoreDB's new name, spells the scheme kurrentdb://; it is the same protocol.
import { EventStoreDBClient } from '@eventstore/db-client';

export interface ParsedConnectionString {
  /** The connection string without credentials: safe for logs and error messages. */
  location: string;
  /** The full string, credentials included and the scheme as the client knows it, for the client only. */
  full: string;
}

/** Query options the client understands, compared as it does: case-insensitive, ignoring `-` and `_`. */
const KNOWN_OPTIONS = new Set(
  [
    'connectionName',
    'defaultDeadline',
    'discoveryInterval',
    'dnsDiscover',
    'gossipTimeout',
    'keepAliveInterval',
    'keepAliveTimeout',
    'maxDiscoverAttempts',
    'nodePreference',
    'tls',
    'tlsCAFile',
    'userCertFile',
    'userKeyFile',
  ].map(flat),
);

function flat(key: string): string {
  return key.trim().toLowerCase().replace(/[_-]/g, '');
}

/** Removes `user:password@` after the scheme. */
export function withoutCredentials(connectionString: string): string {
  return connectionString.replace(/^([a-z+]+:\/\/)[^@/?]*@/i, '$1');
}

export function parseConnectionString(connectionString: unknown): ParsedConnectionString {
  if (typeof connectionString !== 'string' || connectionString.trim() === '') {
    throw new TypeError(`an EventStoreDB connection string is required (like esdb://localhost:2113?tls=false), got ${JSON.stringify(connectionString)}`);
  }
  const given = connectionString.trim();
  const location = withoutCredentials(given);
  const bad = (problem: string): TypeError => new TypeError(`invalid EventStoreDB connection string ${location}: ${problem}`);
  const scheme = /^(esdb|kurrentdb)(\+discover)?:\/\//i.exec(given);
  if (!scheme) throw bad('it must start with esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover://');
  const forClient = (s: string): string => `esdb${scheme[2] ?? ''}://${s.slice(scheme[0].length)}`;
  const hosts = location.replace(/^[a-z+]+:\/\//i, '').split(/[?/]/)[0] ?? '';
  for (const host of hosts.split(',')) {
    const [name = '', port, ...rest] = host.split(':');
    if (name === '') throw bad('a host name is missing');
    if (rest.length > 0 || (port !== undefined && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535))) {
      throw bad(`"${host}" is not host:port with a port from 1 to 65535`);
    }
  }
  const query = location.includes('?') ? location.slice(location.indexOf('?') + 1) : '';
  for (const pair of query.split('&').filter(Boolean)) {
    const [key = '', value = ''] = pair.split('=');
    if (flat(key) === 'tlsverifycert') throw bad('tlsVerifyCert is not supported by the client; give the CA with tlsCAFile');
    if (flat(key) === 'throwonappendfailure') throw bad('throwOnAppendFailure cannot be changed: version conflicts must be reported');
    if (!KNOWN_OPTIONS.has(flat(key))) throw bad(`unknown option "${key}"`);
    if (value === '') throw bad(`option "${key}" has no value`);
  }
  try {
    EventStoreDBClient.connectionString(forClient(location)); // parses only: no connection is made
  } catch (error) {
    throw bad(error instanceof Error ? error.message : String(error));
  }
  return { location, full: forClient(given) };
}
