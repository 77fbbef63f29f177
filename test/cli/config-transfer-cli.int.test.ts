// postwire config import / export on data directories: the commands' output, a round trip between two
// directories (hold rules included), a dry run, and a refused file.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { configExport } from '../../src/cli/config-export';
import { configImport } from '../../src/cli/config-import';
import { CliError } from '../../src/cli/data-options';
import { generateDkimKey } from '../../src/config/dkim-keys';
import { CollectedOutput } from './collect-output';

describe('postwire config import and export', () => {
  let root: string;
  let first: string;
  let second: string;
  let file: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'postwire-config-cli-'));
    first = join(root, 'first');
    second = join(root, 'second');
    mkdirSync(first);
    mkdirSync(second);
    file = join(root, 'config.yaml');
    const key = await generateDkimKey('ed25519');
    writeFileSync(
      file,
      [
        'domains:',
        '  localhost:',
        '    localpartCatchallSeparators: [+]',
        '    dkimKeys:',
        '      - selector: dev',
        '        privateKey: |',
        ...key.PrivateKeyPem.trim().split('\n').map((l) => `          ${l}`),
        'accounts:',
        '  postwire:',
        '    addresses: [postwire@localhost]',
        '    keepRetiredMessagePeriod: 72h',
        '    keepRetiredWebhookPeriod: 72h',
        '    outgoingWebhook: {url: "http://127.0.0.1:8025/hooks"}',
        'holdRules:',
        '  - {account: postwire, recipientDomain: example.org}',
        '',
      ].join('\n'),
    );
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('a dry run lists the changes and makes none', async () => {
    const out = new CollectedOutput();
    await configImport(file, { dir: first, dryRun: true }, out);
    assert.match(out.text, /^would: domain localhost: add with separators \[\+\]\n/);
    assert.match(out.text, /6 changes \(dry run: nothing applied\)\n$/);
    const exported = new CollectedOutput();
    await configExport({ dir: first }, exported);
    assert.match(exported.text, /domains: \{\}\naccounts: \{\}\nholdRules: \[\]\n$/);
  });

  it('imports (loopback webhooks are allowed in a data directory without bootstrap file, as in localserve) and exports', async () => {
    const out = new CollectedOutput();
    await configImport(file, { dir: first }, out);
    assert.equal(
      out.text,
      [
        'domain localhost: add with separators [+]',
        'domain localhost: add DKIM key dev (ed25519)',
        'account postwire: add with address postwire@localhost',
        'account postwire: settings (KeepRetiredMessagePeriod, KeepRetiredWebhookPeriod)',
        'account postwire: outgoing webhook http://127.0.0.1:8025/hooks',
        'hold rule (account postwire, recipient domain example.org): add',
        '6 changes applied',
        '',
      ].join('\n'),
    );
    const again = new CollectedOutput();
    await configImport(file, { dir: first }, again);
    assert.equal(again.text, 'nothing to change\n');
  });

  it('round-trips between two directories', async () => {
    const exported = new CollectedOutput();
    await configExport({ dir: first }, exported);
    assert.match(exported.text, /keepRetiredMessagePeriod: 72h/);
    assert.match(exported.text, /\nholdRules:\n {2}- account: postwire\n {4}recipientDomain: example\.org\n$/);
    const exportFile = join(root, 'export.yaml');
    writeFileSync(exportFile, exported.text);
    await configImport(exportFile, { dir: second }, new CollectedOutput());
    const again = new CollectedOutput();
    await configExport({ dir: second }, again);
    assert.equal(again.text, exported.text);
  });

  it('refuses a bad file with every problem listed and a missing file by name', async () => {
    const bad = join(root, 'bad.yaml');
    writeFileSync(bad, 'accounts:\n  x:\n    addresses: [x@nowhere.example, nonsense]\n');
    await assert.rejects(configImport(bad, { dir: first }, new CollectedOutput()), (err: Error) => {
      assert.ok(err instanceof CliError);
      assert.equal(
        err.message,
        `${bad}: 2 problems, nothing was changed:\n  - accounts.x.addresses[0]: domain nowhere.example is not in the file and not configured\n  - accounts.x.addresses[1]: "nonsense" is not an e-mail address (no "@")`,
      );
      return true;
    });
    await assert.rejects(configImport(join(root, 'missing.yaml'), { dir: first }, new CollectedOutput()), /missing\.yaml: cannot read the file: ENOENT/);
  });
});
