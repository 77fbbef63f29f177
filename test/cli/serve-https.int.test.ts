// An HTTP listener with `tls: true` serves HTTPS with the bootstrap's certificate, and nothing in plain
// HTTP: apps send their passwords over it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { selfSignedCertificate } from '../support/test-certificate';
import { freePort, startCli, type RunningCli } from '../support/cli-process';

const HOST = 'mail.test.example';

describe('postwire serve with an HTTPS listener', () => {
  let dir: string;
  let port: number;
  let cert: Buffer;
  let server: RunningCli | null = null;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'postwire-https-'));
    const certificate = selfSignedCertificate([HOST]);
    cert = certificate.cert;
    writeFileSync(join(dir, 'cert.pem'), certificate.cert);
    writeFileSync(join(dir, 'key.pem'), certificate.key);
    port = await freePort();
    writeFileSync(
      join(dir, 'postwire.yaml'),
      [
        `hostname: ${HOST}`,
        'dataDir: ./data',
        'tls: {certFile: cert.pem, keyFile: key.pem}',
        'listeners:',
        '  public:',
        '    ips: [127.0.0.1]',
        `    http: {port: ${port}, tls: true, webapi: true}`,
        '',
      ].join('\n'),
    );
    server = await startCli(['serve', '--config', join(dir, 'postwire.yaml')], /postwire serving/, { env: { LOG_LEVEL: 'info' }, timeoutMs: 120_000 });
  });
  after(async () => {
    const code = await server?.stop();
    rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0, 'serve stops cleanly on SIGTERM');
  });

  const get = (path: string) =>
    new Promise<{ status: number; body: string; authorized: boolean }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, servername: HOST, ca: [cert], timeout: 10_000 }, (res) => {
        let body = '';
        const authorized = (res.socket as import('node:tls').TLSSocket).authorized;
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, authorized }));
      });
      req.on('error', reject);
      req.end();
    });

  it('answers over TLS with the configured certificate', async () => {
    const res = await get('/webapi/v0/');
    assert.equal(res.status, 200);
    assert.equal(res.authorized, true, 'the certificate verifies against the configured one');
    assert.match(res.body, /SuppressionPresent/);
  });

  it('does not answer plain HTTP on the same port', async () => {
    const answer = await fetch(`http://127.0.0.1:${port}/webapi/v0/`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => `HTTP ${r.status}`,
      (err: Error) => `error ${err.message}`,
    );
    assert.doesNotMatch(answer, /^HTTP 200/);
  });
});
