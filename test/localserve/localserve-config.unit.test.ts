// localserve's listeners (DESIGN.md section 3): flags first, then POSTWIRE_*_PORT, then the standard port
// + 1000, all on 127.0.0.1; a port that is not a number is a ConfigError naming the flag or variable
// (printed as one line by the CLI), never a stack trace or a NaN.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { ConfigError } from '../../src/config/bootstrap';
import { localserveBootstrap, type LocalserveOptions } from '../../src/localserve/localserve-config';

const VARS = ['POSTWIRE_HTTP_PORT', 'POSTWIRE_SMTP_PORT', 'POSTWIRE_SUBMISSION_PORT', 'POSTWIRE_DATA'];
const saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));

function withEnv(env: Record<string, string>): void {
  for (const v of VARS) delete process.env[v];
  Object.assign(process.env, env);
}

function ports(options: LocalserveOptions) {
  const local = localserveBootstrap(options).listeners.local;
  assert.deepEqual(local.ips, ['127.0.0.1']);
  return [local.http?.port, local.smtp?.port, local.submission?.port];
}

describe('localserve listeners', () => {
  afterEach(() => {
    for (const v of VARS) {
      if (saved[v] === undefined) delete process.env[v];
      else process.env[v] = saved[v];
    }
  });

  const cases: [string, { options: LocalserveOptions; env: Record<string, string>; want: (number | undefined)[] }][] = [
    ['the standard ports + 1000', { options: {}, env: {}, want: [1080, 1025, 1587] }],
    ['flags', { options: { httpPort: 8080, smtpPort: 2525, submissionPort: 0 }, env: {}, want: [8080, 2525, 0] }],
    ['the environment', { options: {}, env: { POSTWIRE_HTTP_PORT: '8081', POSTWIRE_SMTP_PORT: '2526', POSTWIRE_SUBMISSION_PORT: '2588' }, want: [8081, 2526, 2588] }],
    ['a flag before the environment', { options: { httpPort: 8080 }, env: { POSTWIRE_HTTP_PORT: '8081' }, want: [8080, 1025, 1587] }],
    ['an empty variable as unset', { options: {}, env: { POSTWIRE_SMTP_PORT: '' }, want: [1080, 1025, 1587] }],
  ];
  for (const [name, { options, env, want }] of cases) {
    it(name, () => {
      withEnv(env);
      assert.deepEqual(ports(options), want);
    });
  }

  const bad: [string, LocalserveOptions, Record<string, string>, string][] = [
    ['a word', {}, { POSTWIRE_HTTP_PORT: 'eighty' }, 'POSTWIRE_HTTP_PORT: not a port number: eighty'],
    ['hexadecimal', {}, { POSTWIRE_SMTP_PORT: '0x50' }, 'POSTWIRE_SMTP_PORT: not a port number: 0x50'],
    ['out of range', {}, { POSTWIRE_SUBMISSION_PORT: '65536' }, 'POSTWIRE_SUBMISSION_PORT: not a port number: 65536'],
    ['a negative flag', { httpPort: -1 }, {}, '--http-port: not a port number: -1'],
  ];
  for (const [name, options, env, problem] of bad) {
    it(`refuses ${name}, naming it`, () => {
      withEnv(env);
      assert.throws(
        () => localserveBootstrap(options),
        (err: unknown) => err instanceof ConfigError && err.problems.length === 1 && err.problems[0] === problem,
      );
    });
  }

  it('keeps its data in --dir, else $POSTWIRE_DATA, else ./data/localserve', () => {
    withEnv({ POSTWIRE_DATA: '/tmp/from-env' });
    assert.equal(localserveBootstrap({ dir: '/tmp/from-flag' }).dataDir, '/tmp/from-flag');
    assert.equal(localserveBootstrap({}).dataDir, '/tmp/from-env');
    withEnv({});
    assert.equal(localserveBootstrap({}).dataDir, `${process.cwd()}/data/localserve`);
  });
});
