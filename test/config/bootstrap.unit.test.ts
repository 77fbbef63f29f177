// Bootstrap file validation: each kind of problem, named by its path; the schema's problems and the rules
// it cannot express listed together, so one attempt to start shows everything to fix; a rule whose inputs
// are malformed stays quiet; and a good file parses with its defaults.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadBootstrapFile, parseBootstrap } from '../../src/config/bootstrap';

const FILE = '/etc/postwire/postwire.yaml';
const HASH = 'scrypt$32768$8$1$c2FsdA$aGFzaA';

/** The problems parseBootstrap reports for the file, or [] when it parses. */
function problemsOf(lines: string[]): string[] {
  try {
    parseBootstrap(lines.join('\n'), FILE);
    return [];
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    assert.equal(err.file, FILE);
    return err.problems;
  }
}

const withListener = (...listener: string[]) => ['hostname: mail.example.org', 'listeners:', '  public:', '    ips: [127.0.0.1]', ...listener.map((l) => `    ${l}`)];

describe('bootstrap file validation', () => {
  it('parses a good file, resolving paths against its directory and filling in defaults', () => {
    const b = parseBootstrap(
      [...withListener('smtp: {port: 25}', 'http: {port: 8080, adminapi: true, tls: true}'), `adminPasswordHash: ${HASH}`, 'tls: {certFile: tls/cert.pem, keyFile: tls/key.pem}'].join('\n'),
      FILE,
    );
    assert.equal(b.file, FILE);
    assert.equal(b.dataDir, '/etc/postwire/data');
    assert.deepEqual(b.tls, { certFile: '/etc/postwire/tls/cert.pem', keyFile: '/etc/postwire/tls/key.pem' });
    // 4/3 of 100 MiB plus 1 MiB: about 134 MiB.
    assert.deepEqual(b.limits, { maxMessageSize: 104857600, maxRequestSize: 140858710 });
  });

  it('names an unknown field', () => {
    assert.deepEqual(problemsOf([...withListener('http: {port: 80, adminApi: true}'), 'hostnme: x']), [
      '(top level): unknown field "hostnme"',
      'listeners.public.http: unknown field "adminApi"',
    ]);
  });

  it('names a value of the wrong type or out of range', () => {
    assert.deepEqual(problemsOf(withListener('smtp: {port: "25", enabled: yes}', 'submission: {port: 70000}')), [
      'listeners.public.smtp.enabled: must be boolean',
      'listeners.public.smtp.port: must be integer',
      'listeners.public.submission.port: must be <= 65535',
    ]);
    assert.deepEqual(problemsOf(['hostname: mail.example.org', 'listeners: [public]']), ['listeners: must be object']);
  });

  it('names a missing required field, at the top and inside a section', () => {
    assert.deepEqual(problemsOf(['listeners:', '  public: {smtp: {port: 25}}', 'tls: {certFile: cert.pem}']), [
      '(top level): missing field "hostname"',
      'tls: missing field "keyFile"',
      'listeners.public: missing field "ips"',
    ]);
    assert.deepEqual(problemsOf(['hostname: mail.example.org', 'listeners: {}']), ['listeners: must have at least 1 entry']);
  });

  it('names a value not among the allowed ones', () => {
    assert.deepEqual(problemsOf([...withListener(), 'transports:', '  relay: {host: smtp.example.net, security: ssl}']), [
      'transports.relay.security: must be one of "starttls", "tls", "none"',
    ]);
  });

  it('names a port two services share, on the same address', () => {
    assert.deepEqual(
      problemsOf([...withListener('smtp: {port: 25}', 'submission: {port: 25}', 'http: {port: 25, enabled: false}'), '  second:', '    ips: [127.0.0.1, 127.0.0.2]', '    http: {port: 25}']),
      ['listeners.public.submission.port: 127.0.0.1:25 is also used by listeners.public.smtp', 'listeners.second.http.port: 127.0.0.1:25 is also used by listeners.public.smtp'],
    );
  });

  it('names admin services without adminPasswordHash', () => {
    assert.deepEqual(problemsOf(withListener('http: {port: 8080, adminapi: true}')), ['listeners.public.http: adminapi/adminPages need adminPasswordHash']);
    assert.deepEqual(problemsOf(withListener('http: {port: 8080, adminPages: true}')), ['listeners.public.http: adminapi/adminPages need adminPasswordHash']);
  });

  it('names TLS problems: HTTPS without the tls section, a malformed tls section', () => {
    assert.deepEqual(problemsOf(withListener('http: {port: 443, tls: true}')), ['listeners.public.http.tls: needs the tls section (certFile, keyFile)']);
    assert.deepEqual(problemsOf([...withListener('http: {port: 443, tls: true}'), 'tls: {certFile: "", keyFile: key.pem, chain: x}']), [
      'tls: unknown field "chain"',
      'tls.certFile: must NOT have fewer than 1 characters',
    ]);
  });

  it('names a default transport that is not defined', () => {
    assert.deepEqual(problemsOf([...withListener(), 'delivery: {defaultTransport: relay}']), ['delivery.defaultTransport: no transport named "relay" in transports']);
  });

  it('lists every problem at once, the schema\'s and the other rules\', each with its path', () => {
    const problems = problemsOf([
      'hostname: mail.example.org',
      'unknownField: 1',
      'delivery: {concurrency: 0, defaultTransport: relay}',
      'listeners:',
      '  public:',
      '    ips: [127.0.0.1]',
      '    smtp: {port: 25}',
      '    http: {port: 8080, adminapi: true, tls: true}',
      '  my-internal:',
      '    ips: [127.0.0.1]',
      '    submission: {port: 25, requireTLS: "no"}',
    ]);
    assert.deepEqual(problems, [
      '(top level): unknown field "unknownField"',
      'listeners["my-internal"].submission.requireTLS: must be boolean',
      'delivery.concurrency: must be >= 1',
      'delivery.defaultTransport: no transport named "relay" in transports',
      'listeners["my-internal"].submission.port: 127.0.0.1:25 is also used by listeners.public.smtp',
      'listeners.public.http.tls: needs the tls section (certFile, keyFile)',
      'listeners.public.http: adminapi/adminPages need adminPasswordHash',
    ]);
  });

  it('skips a rule whose inputs are malformed: the schema has named them', () => {
    assert.deepEqual(
      problemsOf(['adminPasswordHash: plain', ...withListener('smtp: {port: 25}', 'http: {port: 8080, adminapi: true}'), '  other:', '    ips: 127.0.0.1', '    smtp: {port: 25}', '  third:', '    ips: [127.0.0.1]', '    smtp: {port: 25, enabled: "yes"}']),
      ['adminPasswordHash: must match pattern "^scrypt\\$"', 'listeners.other.ips: must be array', 'listeners.third.smtp.enabled: must be boolean'],
    );
    assert.deepEqual(problemsOf([...withListener(), 'transports: [relay]', 'delivery: {defaultTransport: relay}']), ['transports: must be object']);
  });

  it('reports YAML syntax errors with their line, and an empty file, without checking further', () => {
    const syntax = problemsOf(['hostname: mail.example.org', 'hostname: again', 'listeners: {']);
    assert.equal(syntax.length, 2);
    assert.match(syntax[0], /^YAML syntax: Map keys must be unique at line 2, column 1$/);
    assert.match(syntax[1], /^YAML syntax: .* at line \d+, column \d+$/);
    assert.deepEqual(problemsOf(['# nothing here']), ['the file is empty: it needs at least hostname and listeners']);
    assert.deepEqual(problemsOf(['- hostname: mail.example.org']), ['(top level): must be object']);
  });

  it('names a file it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'postwire-bootstrap-'));
    try {
      const missing = join(dir, 'missing.yaml');
      assert.throws(() => loadBootstrapFile(missing), (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        assert.equal(err.message, `${missing}: 1 problem:\n  - cannot read the file: there is no such file (ENOENT)`);
        return true;
      });
      assert.throws(() => loadBootstrapFile(dir), /cannot read the file: it is a directory \(EISDIR\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
