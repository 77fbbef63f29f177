// `npm start` builds when needed, then runs `node dist/src/main.js localserve`. That exact command (read
// from package.json), with no flags, must serve the webapi on 127.0.0.1:1080, SMTP on 1025 and
// submission on 1587 (DESIGN.md section 3), and `postwire localserve due-now` without flags must find it.
// POSTWIRE_DATA points the data at a temporary directory, so a developer's own ./data/localserve is never
// touched. When one of the standard ports is taken on this machine (a localserve of the developer's, say),
// the test is skipped and says which port is busy instead of failing.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LOCALSERVE } from '../../src/localserve/localserve-config';
import { cleanEnv, MAIN_JS, portAvailable, projectRoot, readBanner, runNode, runToEnd, type Child } from './support/localserve-process';

const root = projectRoot();

/** The command `npm start` runs after its build step, as [script, ...args] for node. */
function startCommand(): string[] {
  const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
  const last = start.split('&&').at(-1)!.trim().split(/\s+/);
  assert.equal(last[0], 'node', `npm start ends with ${last.join(' ')}, not a node command`);
  return last.slice(1);
}

describe('npm start', { timeout: 180_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'postwire-e2e-npm-start-'));
  let child: Child | null = null;

  after(async () => {
    await child?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs localserve serving /webapi/v0/ on 127.0.0.1:1080, which due-now finds without flags', async (t) => {
    const args = startCommand();
    assert.deepEqual(args, ['dist/src/main.js', 'localserve']);
    for (const port of [LOCALSERVE.httpPort, LOCALSERVE.smtpPort, LOCALSERVE.submissionPort]) {
      const free = await portAvailable(port);
      if (free !== true) {
        t.skip(`skipped: port ${port} on 127.0.0.1 is busy on this machine (${free}), so localserve cannot take its standard ports; stop what listens there (another localserve?) and run again`);
        return;
      }
    }

    child = runNode(args, { cwd: root, env: cleanEnv({ POSTWIRE_DATA: dataDir }) });
    const ls = await readBanner(child, dataDir, 90_000);
    assert.deepEqual([ls.httpPort, ls.smtpPort, ls.submissionPort], [1080, 1025, 1587]);
    assert.equal(ls.httpUrl, 'http://127.0.0.1:1080');
    assert.ok(existsSync(join(dataDir, 'events.sqlite')), 'the data went to POSTWIRE_DATA');

    const index = await fetch('http://127.0.0.1:1080/webapi/v0/', { signal: AbortSignal.timeout(10_000) });
    assert.equal(index.status, 200);
    assert.match(await index.text(), /SuppressionPresent/);

    assert.match(child.stdout, /^ {2}due-now +postwire localserve due-now \(retries now instead of later\)$/m, 'the banner shows due-now without flags');
    const dueNow = await runToEnd([MAIN_JS, 'localserve', 'due-now'], { env: cleanEnv() });
    assert.equal(dueNow.exit.code, 0, dueNow.stderr);
    assert.equal(dueNow.stdout, 'made due now: 0 queued messages, 0 webhooks\n');

    assert.deepEqual(await child.stop('SIGINT'), { code: 0, signal: null }, child.tail());
  });
});
