// `npm start` on a fresh clone: it installs the packages, generates the API types, compiles, then runs
// localserve, which must serve the webapi on 127.0.0.1:1080, SMTP on 1025 and submission on 1587
// (DESIGN.md section 3), and `postwire localserve due-now` without flags must find it. The clone is of the
// last commit (what CI checks out), so uncommitted changes of a working copy are not part of it.
// POSTWIRE_DATA points the data at a temporary directory, so a developer's own ./data/localserve is never
// touched. Ctrl-C is sent as a terminal sends it, to the whole process group (npm, its shell, node).
// When one of the standard ports is taken on this machine (a localserve of the developer's, say), the test
// is skipped and says which port is busy; under CI that is a failure instead.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LOCALSERVE } from '../../src/localserve/localserve-config';
import { Child, cleanEnv, portAvailable, projectRoot, readBanner, runToEnd } from './support/localserve-process';

const root = projectRoot();
const INSTALL_AND_BUILD_MS = 12 * 60_000; // npm ci may compile better-sqlite3 when no prebuilt binary can be fetched

/** The command `npm start` runs after its build step, as [script, ...args] for node. */
function startCommand(): string[] {
  const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
  const last = start.split('&&').at(-1)!.trim().split(/\s+/);
  assert.equal(last[0], 'node', `npm start ends with ${last.join(' ')}, not a node command`);
  return last.slice(1);
}

/** Why a fresh clone cannot be made here (not a git checkout, no git), or null. */
function cloneUnavailable(): string | null {
  const git = spawnSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  if (git.error) return `git is not installed (${git.error.message})`;
  if (git.status !== 0) return `${root} is not a git checkout, so there is nothing to clone`;
  return null;
}

describe('npm start on a fresh clone', { timeout: INSTALL_AND_BUILD_MS + 120_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'postwire-e2e-npm-start-'));
  const clone = join(work, 'clone');
  const dataDir = join(work, 'data');
  let child: Child | null = null;

  after(async () => {
    if (child && !child.exit) {
      process.kill(-child.pid, 'SIGKILL');
      await child.exited;
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('installs, builds and runs localserve serving /webapi/v0/ on 127.0.0.1:1080, which due-now finds without flags', async (t) => {
    assert.deepEqual(startCommand(), ['dist/src/main.js', 'localserve']);
    const noClone = cloneUnavailable();
    if (noClone) {
      if (process.env.CI === 'true') assert.fail(`npm start cannot be tried on a fresh clone under CI: ${noClone}`);
      t.skip(`skipped: ${noClone}`);
      return;
    }
    for (const port of [LOCALSERVE.httpPort, LOCALSERVE.smtpPort, LOCALSERVE.submissionPort]) {
      const free = await portAvailable(port);
      if (free !== true) {
        const why = `port ${port} on 127.0.0.1 is busy on this machine (${free}), so localserve cannot take its standard ports`;
        if (process.env.CI === 'true') assert.fail(why);
        t.skip(`skipped: ${why}; stop what listens there (another localserve?) and run again`);
        return;
      }
    }

    const cloned = spawnSync('git', ['clone', '--quiet', root, clone], { encoding: 'utf8' });
    assert.equal(cloned.status, 0, cloned.stderr);
    assert.equal(existsSync(join(clone, 'node_modules')), false, 'the clone starts without packages');
    assert.equal(existsSync(join(clone, 'dist')), false, 'the clone starts without a build');

    child = new Child(
      spawn('npm', ['start'], { cwd: clone, env: cleanEnv({ POSTWIRE_DATA: dataDir }), detached: true, stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    const ls = await readBanner(child, dataDir, INSTALL_AND_BUILD_MS);
    assert.deepEqual([ls.httpPort, ls.smtpPort, ls.submissionPort], [1080, 1025, 1587]);
    assert.equal(ls.httpUrl, 'http://127.0.0.1:1080');
    assert.ok(existsSync(join(dataDir, 'events.sqlite')), 'the data went to POSTWIRE_DATA');
    assert.ok(existsSync(join(clone, 'node_modules/better-sqlite3')), 'npm start installed the packages');

    const index = await fetch('http://127.0.0.1:1080/webapi/v0/', { signal: AbortSignal.timeout(10_000) });
    assert.equal(index.status, 200);
    assert.match(await index.text(), /SuppressionPresent/);

    assert.match(child.stdout, /^ {2}due-now +postwire localserve due-now \(retries now instead of later\)$/m, 'the banner shows due-now without flags');
    const dueNow = await runToEnd([join(clone, 'dist/src/main.js'), 'localserve', 'due-now'], { cwd: clone, env: cleanEnv() });
    assert.equal(dueNow.exit.code, 0, dueNow.stderr);
    assert.equal(dueNow.stdout, 'made due now: 0 queued messages, 0 webhooks\n');

    // Ctrl-C: npm passes the signal on and ends with it; localserve shuts down in order and says so.
    process.kill(-child.pid, 'SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 45_000)));
    const exit = await Promise.race([child.exited, late]);
    clearTimeout(timer);
    assert.notEqual(exit, 'late', `npm start did not stop within 45 s of Ctrl-C\n${child.tail()}`);
    assert.match(child.stderr, /shutting down: finishing in-flight work/);
    assert.doesNotMatch(child.stderr, /shutdown failed/);
    // npm may end before its child has closed everything: give localserve a bounded while to let go.
    let free: true | string = 'not tried';
    for (let i = 0; i < 150 && free !== true; i++) {
      free = await portAvailable(LOCALSERVE.httpPort);
      if (free !== true) await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(free, true, `port 1080 is still taken 30 s after Ctrl-C\n${child.tail()}`);
  });
});
