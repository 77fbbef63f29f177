// The `postwire` command line: one file per command under src/cli/, wired here.
import { Command, InvalidArgumentError } from 'commander';
import { withDataOptions } from './data-options';

// Each command's module (and what it pulls in: Nest, SMTP, the MIME parser...) is loaded only when that
// command runs, so `postwire dsn parse` or `postwire localserve due-now` start quickly.
const audit: typeof import('./audit').audit = async (...a) => (await import('./audit')).audit(...a);
const configExport: typeof import('./config-export').configExport = async (...a) => (await import('./config-export')).configExport(...a);
const configImport: typeof import('./config-import').configImport = async (...a) => (await import('./config-import')).configImport(...a);
const dsnParseCommand: typeof import('./dsn-parse').dsnParseCommand = async (...a) => (await import('./dsn-parse')).dsnParseCommand(...a);
const eventsExport: typeof import('./events-export').eventsExport = async (...a) => (await import('./events-export')).eventsExport(...a);
const localserve: typeof import('./localserve').localserve = async (...a) => (await import('./localserve')).localserve(...a);
const localserveDueNow: typeof import('./localserve-due-now').localserveDueNow = async (...a) => (await import('./localserve-due-now')).localserveDueNow(...a);
const projectionsRebuild: typeof import('./projections').projectionsRebuild = async (...a) => (await import('./projections')).projectionsRebuild(...a);
const projectionsStatus: typeof import('./projections').projectionsStatus = async (...a) => (await import('./projections')).projectionsStatus(...a);
const quickstart: typeof import('./quickstart').quickstart = async (...a) => (await import('./quickstart')).quickstart(...a);
const serve: typeof import('./serve').serve = async (...a) => (await import('./serve')).serve(...a);
const webhooksReplay: typeof import('./webhooks-replay').webhooksReplay = async (...a) => (await import('./webhooks-replay')).webhooksReplay(...a);

const portNumber = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('not a port number');
  return n;
};

export function buildProgram(out: NodeJS.WritableStream = process.stdout): Command {
  const program = new Command('postwire')
    .description('Mail for applications: an HTTP/JSON API to send e-mail and webhooks to hear what became of it.')
    .showHelpAfterError()
    // Options go with the command they follow (see localserve due-now below).
    .enablePositionalOptions();

  const localserveCommand = program
    .command('localserve')
    .description('development mode: everything on loopback, the embedded store in DIR, simulated delivery failures')
    // `localserve due-now --http-port N`: the option belongs to the subcommand, not to localserve itself.
    .enablePositionalOptions()
    .option('--dir <dir>', 'data directory (default $POSTWIRE_DATA or ./data/localserve)')
    .option('--http-port <port>', 'HTTP port (default $POSTWIRE_HTTP_PORT or 1080)', portNumber)
    .option('--smtp-port <port>', 'SMTP port (default $POSTWIRE_SMTP_PORT or 1025)', portNumber)
    .option('--submission-port <port>', 'submission port (default $POSTWIRE_SUBMISSION_PORT or 1587)', portNumber)
    .action((opts) => localserve(opts, out));
  localserveCommand
    .command('due-now')
    .description('time travel: every queued message and pending webhook of a running localserve is attempted now (adminapi DueNow)')
    .option('--http-port <port>', 'the HTTP port localserve listens on, on 127.0.0.1 (default $POSTWIRE_HTTP_PORT or 1080)', portNumber)
    .option('--url <url>', 'the server\'s base URL instead, e.g. http://127.0.0.1:1080')
    .option('--admin-password <password>', 'default $POSTWIRE_ADMIN_PASSWORD or localserve\'s postwireadmin')
    .option('--json', 'print the counts as JSON: {"Messages": N, "Hooks": N}')
    .action((opts) => localserveDueNow(opts, out));

  program
    .command('serve')
    .description('production server')
    .option('--config <file>', 'bootstrap file (default $POSTWIRE_CONFIG)')
    .action((opts) => serve(opts));

  const projections = program.command('projections').description('read models built from the event log');
  withDataOptions(projections.command('status').argument('[name...]').option('--json', 'JSON lines')).action((names, opts) =>
    projectionsStatus(names, opts, out),
  );
  withDataOptions(projections.command('rebuild').argument('[name...]').description('rebuild aside from the event log and swap')).action(
    (names, opts) => projectionsRebuild(names, opts, out),
  );

  const events = program.command('events').description('the event log');
  withDataOptions(
    events
      .command('export')
      .description('the event log as JSON lines')
      .option('--from <position>', 'first global position')
      .option('--stream <prefix>', 'only streams whose id starts with PREFIX (e.g. message-17, account-)')
      .option('--include-secrets', 'keep password hashes, DKIM private keys and webhook secrets (shown as "(secret)" otherwise)'),
  ).action((opts) => eventsExport(opts, out));

  withDataOptions(
    program
      .command('audit')
      .argument('<id>', 'queue message id, or a stream id')
      .description('the full event history of one message or stream')
      .option('--json', 'JSON lines'),
  ).action((id, opts) => audit(id, opts, out));

  program
    .command('quickstart')
    .argument('<email>', 'the first address, e.g. shop@example.org; the account is named after its localpart')
    .description('write a production configuration for a first domain and account; prints the passwords once')
    .option('--dir <dir>', 'where to write postwire.yaml and the data directory (default ./postwire)')
    .option('--hostname <name>', "this host's name (default the machine's full name, else mail.<domain>)")
    .option('--smtp-port <port>', 'public SMTP port (default 25)', portNumber)
    .option('--submission-port <port>', 'public submission port (default 587)', portNumber)
    .option('--http-port <port>', 'public HTTP port, serving the webapi (default 80)', portNumber)
    .option('--public-ip <ip>', 'address of the public listener (default 0.0.0.0: every address)')
    .option('--internal-http-port <port>', 'HTTP port on 127.0.0.1 for the admin API and pages (default 8080)', portNumber)
    .action((email, opts) => quickstart(email, opts, out));

  const config = program.command('config').description('the dynamic configuration: domains, accounts and hold rules');
  withDataOptions(config.command('export').description('every domain and account as YAML, secrets included')).action((opts) => configExport(opts, out));
  withDataOptions(
    config
      .command('import')
      .argument('<file>', 'a file as written by config export')
      .description('make the domains, accounts and hold rules match FILE: checks the whole file first, then applies only the differences')
      .option('--dry-run', 'list the changes without making them')
      .option('--prune', 'also remove domains, accounts and hold rules the file does not list'),
  ).action((file, opts) => configImport(file, opts, out));

  const webhooks = program.command('webhooks').description('the webhook queue');
  withDataOptions(
    webhooks
      .command('replay')
      .description("queue an account's webhooks again from the event history (new webhook ids, the account's current URLs)")
      .requiredOption('--account <name>', 'the account')
      .requiredOption('--since <time>', 'facts at or after this time: RFC 3339, or a duration ago such as 36h')
      .option('--until <time>', 'facts before this time (default now)')
      .option('--event <event...>', 'only these events: incoming, delivered, suppressed, delayed, failed, relayed, expanded, canceled, unrecognized'),
  ).action((opts) => webhooksReplay(opts, out));

  program
    .command('dsn')
    .description('delivery status notifications (bounces)')
    .command('parse')
    .argument('<file...>', 'message files (.eml)')
    .description('parse bounces, standard or not: one JSON line per file')
    .action(async (files: string[]) => {
      process.exitCode = await dsnParseCommand(files, out);
    });

  return program;
}
