// `postwire quickstart <email> [--dir DIR] [--hostname NAME] [--smtp-port N] [--submission-port N]
// [--http-port N] [--internal-http-port N]`: a production setup for a first domain and account. Writes
// DIR/postwire.yaml (never over an existing one), creates the data directory with the domain (catch-all
// separator "+", an Ed25519 and an RSA DKIM key) and the account, and prints the passwords once, the DNS
// records to publish and how to start. The port flags exist for setups (and tests) that cannot use the
// standard ports.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname as machineHostname } from 'node:os';
import { join, resolve } from 'node:path';
import { generatePassword, hashPassword } from '../auth/passwords';
import { AddAccount } from '../config/accounts/add-account';
import { parseAddress, type ParsedAddress } from '../config/addresses';
import { loadBootstrapFile } from '../config/bootstrap';
import { generateDkimKey, type DkimAlgorithm } from '../config/dkim-keys';
import { AddDomain } from '../config/domains/add-domain';
import { AddDomainDKIMKey } from '../config/domains/add-domain-dkim-key';
import { accountNameProblem } from '../config/setting-rules';
import { openConfigApp } from './config-app';
import { CliError } from './data-options';
import { quickstartDnsRecords } from './quickstart-dns';

export interface QuickstartOptions {
  dir?: string;
  hostname?: string;
  smtpPort?: number;
  submissionPort?: number;
  httpPort?: number;
  internalHttpPort?: number;
  /** Address of the public listener (default 0.0.0.0: every address of the machine). */
  publicIp?: string;
}

export const QUICKSTART_DEFAULTS = { dir: './postwire', smtpPort: 25, submissionPort: 587, httpPort: 80, internalHttpPort: 8080 } as const;

const HOSTNAME = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/;

export async function quickstart(email: string, options: QuickstartOptions, out: NodeJS.WritableStream, now: Date = new Date()): Promise<void> {
  const parsed = parseAddress(email);
  if (!parsed.ok) throw new CliError(`quickstart: ${parsed.error}; give the first e-mail address, e.g. postwire quickstart shop@example.org`);
  const address = parsed.value;
  const account = address.localpart;
  if (accountNameProblem(account)) throw new CliError(`quickstart: the account is named after the localpart, and "${account}" cannot be an account name (letters, digits, ".", "_", "-")`);
  const dir = resolve(options.dir ?? QUICKSTART_DEFAULTS.dir);
  const file = join(dir, 'postwire.yaml');
  const dataDir = join(dir, 'data');
  if (existsSync(file)) throw new CliError(`quickstart: ${file} exists; it is not overwritten (choose another --dir, or remove it)`);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) throw new CliError(`quickstart: ${dataDir} is not empty; quickstart starts a new data directory`);
  const host = options.hostname ?? defaultHostname(address);
  if (!HOSTNAME.test(host)) throw new CliError(`quickstart: --hostname "${host}" is not a host name`);

  const adminPassword = generatePassword();
  const accountPassword = generatePassword();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, bootstrapYaml(email, host, await hashPassword(adminPassword), options), { mode: 0o600 });
  let keys: { selector: string; algorithm: DkimAlgorithm; publicKey: string }[];
  try {
    keys = await createDomainAndAccount(file, address, account, accountPassword, now);
  } catch (err) {
    // Leave nothing half-made behind, so the same command can simply be run again.
    rmSync(file, { force: true });
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const internalPort = options.internalHttpPort ?? QUICKSTART_DEFAULTS.internalHttpPort;
  const publicPort = options.httpPort ?? QUICKSTART_DEFAULTS.httpPort;
  out.write(
    [
      `Postwire is set up for ${address.address}.`,
      '',
      `  configuration  ${file}`,
      `  data           ${dataDir}`,
      '',
      'Passwords, shown only this once (keep them in a password manager):',
      `  admin                 admin / ${adminPassword}   (admin API and pages: http://127.0.0.1:${internalPort}/admin/)`,
      `  account ${account.padEnd(13)} ${address.address} / ${accountPassword}   (webapi: http://${host}${publicPort === 80 ? '' : `:${publicPort}`}/webapi/v0/, SMTP submission)`,
      '',
      `Add these DNS records for ${address.domain.unicode} (zone file syntax):`,
      '',
      ...quickstartDnsRecords({ domain: address.domain.ascii, hostname: host, reportAddress: address.address, keys }).map((line) => `  ${line}`),
      '',
      `Ask the provider of this machine to set reverse DNS (PTR) of its IP addresses to ${host}.`,
      'The public HTTP listener has no TLS: put an HTTPS proxy in front of it, or add a tls section and',
      'set http.tls, before applications send passwords to it.',
      '',
      'Start Postwire with:',
      `  postwire serve --config ${file}`,
      '',
    ].join('\n'),
  );
}

/** The machine's name when it is a full domain name, else mail.<domain>. */
function defaultHostname(address: ParsedAddress): string {
  const name = machineHostname().toLowerCase();
  if (name.includes('.') && !name.endsWith('.local') && !name.endsWith('.localdomain') && HOSTNAME.test(name)) return name;
  return `mail.${address.domain.ascii}`;
}

async function createDomainAndAccount(file: string, address: ParsedAddress, account: string, password: string, now: Date) {
  const app = await openConfigApp(loadBootstrapFile(file), { createDataDir: true });
  try {
    const year = now.getUTCFullYear();
    await app.commands.execute(new AddDomain(address.domain, ['+']));
    const keys = [];
    for (const [selector, algorithm] of [
      [`${year}a`, 'ed25519'],
      [`${year}b`, 'rsa'],
    ] as const) {
      const key = await generateDkimKey(algorithm);
      await app.commands.execute(new AddDomainDKIMKey(address.domain, selector, key));
      keys.push({ selector, algorithm, publicKey: key.PublicKey });
    }
    await app.commands.execute(new AddAccount(account, address.address, '', await hashPassword(password)));
    return keys;
  } finally {
    await app.close();
  }
}

function bootstrapYaml(email: string, host: string, adminPasswordHash: string, options: QuickstartOptions): string {
  const d = QUICKSTART_DEFAULTS;
  return `# Postwire bootstrap file, written by \`postwire quickstart ${email}\`.
# What a node needs before it can read anything else. Domains and accounts are not here: they are
# event-sourced dynamic configuration, changed through the admin API or \`postwire config import\`.
# Every field: docs/CONFIGURATION.md.
hostname: ${host}
dataDir: ./data
# Hash of the admin password (user "admin" on the admin API and pages).
adminPasswordHash: ${JSON.stringify(adminPasswordHash)}
listeners:
  # Reachable from the internet: mail from other servers, submission, and the webapi for applications.
  public:
    ips: [${options.publicIp ?? '0.0.0.0'}]
    smtp:
      port: ${options.smtpPort ?? d.smtpPort}
    submission:
      port: ${options.submissionPort ?? d.submissionPort}
    http:
      port: ${options.httpPort ?? d.httpPort}
      webapi: true
  # Only on this machine: administration, account pages and metrics.
  internal:
    ips: [127.0.0.1]
    http:
      port: ${options.internalHttpPort ?? d.internalHttpPort}
      adminapi: true
      adminPages: true
      accountPages: true
      metrics: true
`;
}
