// A self-signed certificate for host names, made with openssl in a temporary directory, for TLS peers
// that a client can verify by trusting exactly this certificate.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  key: Buffer;
  cert: Buffer;
}

export function selfSignedCertificate(names: string[]): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'postwire-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
        '-subj', `/CN=${names[0]}`,
        '-addext', `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`,
        '-addext', 'basicConstraints=critical,CA:TRUE',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore', timeout: 30_000 },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
