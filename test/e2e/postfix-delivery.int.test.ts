// End to end against a real MTA: a private Postfix instance (Debian's package) on a loopback port, under
// a temporary directory, that accepts mail for one virtual mailbox and rejects unknown users with its own
// "550 5.1.1 ... User unknown". One Send to both: the first is delivered into Postfix's maildir, the
// second fails permanently and is suppressed. Nothing can leave the machine: Postfix listens on 127.0.0.1
// only and every non-local transport is `error:`. Only the instance started here is stopped.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MAILBOX_MESSAGES_TABLE } from '../../projections/mailbox';
import type { DnsResolver } from '../../src/delivery/mx-hosts';
import { SendMethod } from '../../src/sending/send.method';
import { SuppressionService } from '../../src/suppression/suppression-service';
import { accountCaller, eventsUntil, eventually, setupSender, startDeliveryNode, type DeliveryNode } from '../support/delivery-node';
import { selfSignedCertificate } from '../support/test-certificate';

const POSTFIX = '/usr/sbin/postfix';
const skipReason = !existsSync(POSTFIX)
  ? 'postfix is not installed (apt-get install postfix; .ci/run installs it)'
  : process.getuid?.() !== 0
    ? 'starting a Postfix instance needs root'
    : false;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function idOf(kind: 'u' | 'g', name: string): number {
  return Number(execFileSync('id', [`-${kind}`, name]).toString().trim());
}

class PrivatePostfix {
  readonly base = mkdtempSync(join(tmpdir(), 'postwire-postfix-'));
  readonly etc = join(this.base, 'etc');
  port = 0;
  private started = false;

  async start(): Promise<void> {
    this.port = await freePort();
    // Postfix's daemons run as the postfix user and must reach the queue and data directories.
    chmodSync(this.base, 0o755);
    for (const d of ['etc', 'spool', 'data', 'mail']) mkdirSync(join(this.base, d), { recursive: true });
    const uid = idOf('u', 'postfix');
    const gid = idOf('g', 'postfix');
    chownSync(join(this.base, 'data'), uid, gid);
    chmodSync(join(this.base, 'data'), 0o700);
    chownSync(join(this.base, 'mail'), uid, gid);
    const cert = selfSignedCertificate(['mx.pf.test']);
    writeFileSync(join(this.etc, 'cert.pem'), cert.cert, { mode: 0o644 });
    writeFileSync(join(this.etc, 'key.pem'), cert.key, { mode: 0o600 });
    writeFileSync(join(this.etc, 'vmailbox'), 'anna@pf.test anna/\n');
    writeFileSync(
      join(this.etc, 'main.cf'),
      [
        '# Test-only Postfix instance: loopback in, nothing out.',
        'compatibility_level = 3.6',
        `queue_directory = ${this.base}/spool`,
        `data_directory = ${this.base}/data`,
        'mail_owner = postfix',
        'setgid_group = postdrop',
        'myhostname = mx.pf.test',
        'mydomain = pf.test',
        'myorigin = $myhostname',
        'mydestination =',
        'relay_domains =',
        'alias_maps =',
        'alias_database =',
        'inet_interfaces = 127.0.0.1',
        'inet_protocols = ipv4',
        'mynetworks = 127.0.0.0/8',
        'smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination',
        'smtpd_peername_lookup = no',
        'virtual_mailbox_domains = pf.test',
        `virtual_mailbox_maps = texthash:${this.etc}/vmailbox`,
        `virtual_mailbox_base = ${this.base}/mail`,
        `virtual_uid_maps = static:${uid}`,
        `virtual_gid_maps = static:${gid}`,
        'default_transport = error:outbound mail is disabled in this test instance',
        'relay_transport = error:outbound mail is disabled in this test instance',
        'smtp_dns_support_level = disabled',
        'smtpd_tls_security_level = may',
        'smtpd_tls_loglevel = 1',
        `smtpd_tls_cert_file = ${this.etc}/cert.pem`,
        `smtpd_tls_key_file = ${this.etc}/key.pem`,
        'biff = no',
        `maillog_file_prefixes = /var, /dev/stdout, ${this.base}`,
        `maillog_file = ${this.base}/maillog`,
        '',
      ].join('\n'),
    );
    const services = [
      `127.0.0.1:${this.port} inet n - n - - smtpd`,
      'pickup unix n - n 60 1 pickup',
      'cleanup unix n - n - 0 cleanup',
      'qmgr unix n - n 300 1 qmgr',
      'tlsmgr unix - - n 1000? 1 tlsmgr',
      'rewrite unix - - n - - trivial-rewrite',
      'bounce unix - - n - 0 bounce',
      'defer unix - - n - 0 bounce',
      'trace unix - - n - 0 bounce',
      'verify unix - - n - 1 verify',
      'flush unix n - n 1000? 0 flush',
      'proxymap unix - - n - - proxymap',
      'proxywrite unix - - n - 1 proxymap',
      'showq unix n - n - - showq',
      'error unix - - n - - error',
      'retry unix - - n - - error',
      'discard unix - - n - - discard',
      'virtual unix - n n - - virtual',
      'anvil unix - - n - 1 anvil',
      'scache unix - - n - 1 scache',
      'postlog unix-dgram n - n - 1 postlogd',
    ];
    writeFileSync(join(this.etc, 'master.cf'), services.join('\n') + '\n');
    // Refuse to run unless everything is pinned to loopback and nothing can be relayed out.
    const setting = (name: string) => execFileSync('postconf', ['-c', this.etc, '-h', name]).toString().trim();
    assert.equal(setting('inet_interfaces'), '127.0.0.1');
    assert.match(setting('default_transport'), /^error:/);
    assert.match(setting('relay_transport'), /^error:/);
    execFileSync(POSTFIX, ['-c', this.etc, 'start'], { stdio: 'ignore', timeout: 60_000 });
    this.started = true;
    await eventually(() => this.listening(), `Postfix on 127.0.0.1:${this.port}`, 20_000);
  }

  private listening(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect(this.port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
  }

  maildir(user: string): string[] {
    const dir = join(this.base, 'mail', user, 'new');
    return existsSync(dir) ? readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')) : [];
  }

  log(): string {
    const file = join(this.base, 'maillog');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  stop(): void {
    if (this.started) {
      try {
        execFileSync(POSTFIX, ['-c', this.etc, 'stop'], { stdio: 'ignore', timeout: 60_000 });
      } catch {
        execFileSync(POSTFIX, ['-c', this.etc, 'abort'], { stdio: 'ignore', timeout: 60_000 });
      }
      this.started = false;
    }
    rmSync(this.base, { recursive: true, force: true });
  }
}

describe('delivery to a real Postfix', { skip: skipReason }, () => {
  let postfix: PrivatePostfix;
  let node: DeliveryNode;
  before(async () => {
    postfix = new PrivatePostfix();
    await postfix.start();
    const resolver: DnsResolver = {
      resolveMx: async (domain) => (domain === 'pf.test' ? [{ exchange: 'mx.pf.test', priority: 10 }] : Promise.reject(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }))),
      resolve4: async (host) => (host === 'mx.pf.test' ? ['127.0.0.1'] : Promise.reject(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }))),
      resolve6: async () => Promise.reject(Object.assign(new Error('ENODATA'), { code: 'ENODATA' })),
    };
    node = await startDeliveryNode({ smtpPort: postfix.port, resolver });
    await setupSender(node, 'shop', 'shop@sender.example');
  });
  after(async () => {
    await node?.stop();
    postfix?.stop();
  });

  it('delivers to a known user and fails and suppresses an unknown one (Postfix\'s own 550 5.1.1)', async () => {
    const sent = await node.get(SendMethod).handle(
      { To: [{ Address: 'anna@pf.test' }, { Address: 'ghost@pf.test' }], Subject: 'Postwire to Postfix', Text: 'Delivered by Postwire.' },
      accountCaller('shop', 'shop@sender.example'),
      [],
    );
    const [anna, ghost] = sent.Submissions.map((s) => s.QueueMsgID);
    const annaEvents = await eventsUntil(node, anna, (t) => t.includes('MessageRetired'), 'anna', 30_000);
    const ghostEvents = await eventsUntil(node, ghost, (t) => t.includes('MessageRetired'), 'ghost', 30_000);

    const delivered = annaEvents.find((e) => e.type === 'MessageDelivered')!;
    assert.equal(delivered.data.Result.Code, 250);
    assert.equal(delivered.data.Result.Secode, '0.0');

    const failed = ghostEvents.find((e) => e.type === 'MessageFailed')!;
    assert.equal(failed.data.Reason, 'permanent');
    assert.equal(failed.data.Result.Code, 550);
    assert.equal(failed.data.Result.Secode, '1.1');
    assert.match(failed.data.Result.Error, /^delivering message to mx\.pf\.test: remote smtp server sent unexpected response status code, permanent: 550 5\.1\.1 <ghost@pf\.test>: Recipient address rejected: User unknown in virtual mailbox table$/);
    assert.equal(failed.data.Suppressing, true);
    assert.equal(failed.data.SuppressionReason, 'delivery failure from queue with smtp code 550, enhanced code "1.1"');

    const suppressions = node.get(SuppressionService);
    await eventually(() => suppressions.list('shop').length === 1, 'the suppression');
    assert.deepEqual(suppressions.list('shop').map((s) => [s.BaseAddress, s.Manual]), [['ghost@pf.test', false]]);

    // Postfix's virtual agent writes the message into anna's maildir, over a STARTTLS session.
    const mails = await eventually(() => (postfix.maildir('anna').length > 0 ? postfix.maildir('anna') : null), 'the maildir copy', 20_000);
    assert.equal(mails.length, 1);
    assert.match(mails[0], /\r?\nSubject: Postwire to Postfix\r?\n/);
    assert.match(mails[0], /Delivered by Postwire\./);
    assert.match(postfix.log(), /TLS connection established from unknown\[127\.0\.0\.1\]/);

    // The sender is told about the failure in its Inbox.
    await eventually(() => (node.runtime.readDb.prepare(`SELECT COUNT(*) AS n FROM ${MAILBOX_MESSAGES_TABLE} WHERE Account = 'shop' AND Mailbox = 'Inbox'`).get() as { n: number }).n === 1, 'the DSN mail');
  });
});
