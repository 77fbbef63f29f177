// postwire quickstart into a temporary directory: the bootstrap file loads, the store holds the domain and
// the account, the printed passwords work, and the DNS records match the keys.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AccountAuthenticator } from '../../src/auth/account-authenticator';
import { verifyPassword } from '../../src/auth/passwords';
import { CliError } from '../../src/cli/data-options';
import { quickstart } from '../../src/cli/quickstart';
import { loadBootstrapFile } from '../../src/config/bootstrap';
import { ConfigView } from '../../src/config/config-view';
import { dkimRecordValue } from '../../src/config/dkim-keys';
import { startTestNode } from '../support/test-node';
import { CollectedOutput } from './collect-output';

describe('postwire quickstart', () => {
  let root: string;
  let dir: string;
  let output: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'postwire-quickstart-'));
    dir = join(root, 'setup');
    const out = new CollectedOutput();
    await quickstart('Shop@Bücher.example', { dir, hostname: 'mail.xn--bcher-kva.example', smtpPort: 2525, submissionPort: 2587, httpPort: 8081, internalHttpPort: 8082 }, out, new Date('2025-03-14T09:00:00Z'));
    output = out.text;
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('writes a production bootstrap file that loads', () => {
    const file = join(dir, 'postwire.yaml');
    assert.equal(statSync(file).mode & 0o077, 0, 'the file holds the admin password hash: not readable by others');
    const b = loadBootstrapFile(file);
    assert.equal(b.hostname, 'mail.xn--bcher-kva.example');
    assert.equal(b.dataDir, join(dir, 'data'));
    assert.deepEqual(b.listeners, {
      public: { ips: ['0.0.0.0'], smtp: { port: 2525 }, submission: { port: 2587 }, http: { port: 8081, webapi: true } },
      internal: { ips: ['127.0.0.1'], http: { port: 8082, adminapi: true, adminPages: true, accountPages: true, metrics: true } },
    });
    assert.match(b.adminPasswordHash!, /^scrypt\$/);
  });

  it('prints passwords that verify: the admin one against the file, the account one against the store', async () => {
    const admin = /admin \/ (\S+)/.exec(output)?.[1];
    const account = /shop@bücher\.example \/ (\S+)/.exec(output)?.[1];
    assert.ok(admin && account, output);
    assert.notEqual(admin, account);
    const b = loadBootstrapFile(join(dir, 'postwire.yaml'));
    assert.equal(await verifyPassword(admin, b.adminPasswordHash!), true);
    const node = await startTestNode({ dir: b.dataDir, bootstrap: { adminPasswordHash: b.adminPasswordHash } });
    try {
      const auth = node.get(AccountAuthenticator);
      assert.deepEqual(await auth.verify('shop+app@bücher.example', account), { ok: true, account: 'shop', loginAddress: 'shop+app@bücher.example' });
      assert.equal(await auth.verifyAdmin(admin), true);
    } finally {
      await node.stop();
    }
  });

  it('stores the domain with separator + and an Ed25519 and an RSA key, and the account, whose DNS records it prints', async () => {
    const node = await startTestNode({ dir: join(dir, 'data') });
    try {
      const config = node.get(ConfigView);
      const domain = config.domain('bücher.example')!;
      assert.deepEqual(domain.LocalpartCatchallSeparators, ['+']);
      assert.deepEqual(
        domain.DKIM.map((k) => [k.Selector, k.Algorithm]),
        [
          ['2025a', 'ed25519'],
          ['2025b', 'rsa'],
        ],
      );
      assert.deepEqual(config.account('shop')?.Addresses, ['shop@bücher.example']);
      assert.match(output, /xn--bcher-kva\.example\.\s+IN MX\s+10 mail\.xn--bcher-kva\.example\./);
      assert.match(output, /xn--bcher-kva\.example\.\s+IN TXT\s+"v=spf1 mx ~all"/);
      assert.match(output, /_dmarc\.xn--bcher-kva\.example\.\s+IN TXT\s+"v=DMARC1;p=reject;rua=mailto:shop@bücher\.example"/);
      const ed = domain.DKIM[0];
      assert.ok(output.includes(`2025a._domainkey.xn--bcher-kva.example.  IN TXT  "${dkimRecordValue('ed25519', ed.PublicKey)}"`), output);
      // The RSA value is longer than one TXT string may be (255 bytes): printed split, and whole again when joined.
      const rsaLine = output.split('\n').find((l) => l.includes('2025b._domainkey'))!;
      const joined = [...rsaLine.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join('');
      assert.equal(joined, dkimRecordValue('rsa', domain.DKIM[1].PublicKey));
      assert.ok([...rsaLine.matchAll(/"([^"]*)"/g)].every((m) => m[1].length <= 255));
      assert.match(output, new RegExp(`postwire serve --config ${join(dir, 'postwire.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    } finally {
      await node.stop();
    }
  });

  it('refuses to overwrite an existing configuration', async () => {
    await assert.rejects(quickstart('other@example.org', { dir }, new CollectedOutput()), (err: Error) => err instanceof CliError && /exists; it is not overwritten/.test(err.message));
  });

  it('refuses an address it cannot use, and writes nothing', async () => {
    const elsewhere = join(root, 'bad');
    await assert.rejects(quickstart('not-an-address', { dir: elsewhere }, new CollectedOutput()), (err: Error) => err instanceof CliError && /no "@"/.test(err.message));
    await assert.rejects(quickstart('"quoted"@example.org', { dir: elsewhere }, new CollectedOutput()), CliError);
    assert.equal(existsSync(elsewhere), false);
  });

  it('uses mail.<domain> or the machine name when no hostname is given', async () => {
    const out = new CollectedOutput();
    const other = join(root, 'default-host');
    await quickstart('info@example.org', { dir: other }, out);
    const hostname = loadBootstrapFile(join(other, 'postwire.yaml')).hostname;
    assert.ok(hostname === 'mail.example.org' || hostname.includes('.'), hostname);
    assert.match(out.text, new RegExp(`example\\.org\\.\\s+IN MX\\s+10 ${hostname.replace(/\./g, '\\.')}\\.`));
  });
});
