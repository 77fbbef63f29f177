// The User-Agent Send writes when the caller gave neither a User-Agent nor an X-Mailer header (as mox
// writes `mox/<version>`).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | null = null;

/** Postwire's version, from the package.json above this file ("0.0.0" when it cannot be found). */
export function postwireVersion(from: string = __dirname): string {
  if (cached !== null) return cached;
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'postwire' && pkg.version) return (cached = pkg.version);
    }
    if (dirname(dir) === dir) return (cached = '0.0.0');
  }
}

export const userAgent = () => `postwire/${postwireVersion()}`;

/** Whether the caller's headers already name the sending software. */
export function hasUserAgent(headers: readonly [string, string][]): boolean {
  return headers.some(([name]) => /^(user-agent|x-mailer)$/i.test(name));
}
