// Password storage: passwords are normalised like PRECIS OpaqueString (RFC 8265 §4.2), hashed with scrypt
// (RFC 7914) under a random salt, and stored as `scrypt$N$r$p$salt$hash` (salt and hash in base64url), so
// the cost parameters can be raised later without invalidating stored hashes. Verification runs in
// constant time over the hash bytes.
import { randomBytes, randomInt, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** 2^15 iterations with r=8: 32 MiB and roughly 50-100 ms per hash on current hardware. */
export const SCRYPT_DEFAULTS = { N: 32768, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Limits on parameters read from a stored hash, so a crafted hash cannot exhaust memory or time. */
const MAX_N = 1 << 20;
const MAX_R = 32;
const MAX_P = 16;

export const MIN_PASSWORD_LENGTH = 8;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/**
 * RFC 8265 §4.2.1 (OpaqueString preparation and enforcement): every non-ASCII space (category Zs) becomes
 * U+0020, then NFC. Control characters are not allowed in the FreeformClass (RFC 8264 §9.11).
 * Throws when the password cannot be a PRECIS OpaqueString.
 */
export function normalizePassword(password: string): string {
  const mapped = password.replace(/\p{Zs}/gu, ' ').normalize('NFC');
  if (mapped === '') throw new PasswordProblem('the password is empty');
  if (/\p{Cc}/u.test(mapped)) throw new PasswordProblem('the password contains control characters');
  return mapped;
}

export class PasswordProblem extends Error {
  override readonly name = 'PasswordProblem';
}

/** What is wrong with a password someone chose, or null. Length counts characters after normalising. */
export function passwordProblem(password: string): string | null {
  let normalized: string;
  try {
    normalized = normalizePassword(password);
  } catch (err) {
    return (err as Error).message;
  }
  if ([...normalized].length < MIN_PASSWORD_LENGTH) return `the password is shorter than ${MIN_PASSWORD_LENGTH} characters`;
  return null;
}

export async function hashPassword(password: string, params: { N: number; r: number; p: number } = SCRYPT_DEFAULTS): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await scrypt(normalizePassword(password), salt, KEY_LENGTH, { ...params, maxmem: maxmem(params.N, params.r) });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

/** Splits a stored hash; null when it is not one this module wrote (or one with unsafe parameters). */
export function parsePasswordHash(hash: string): ParsedHash | null {
  const parts = hash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((x) => (/^[0-9]{1,8}$/.test(x) ? Number(x) : NaN));
  if (!(N >= 2 && N <= MAX_N && (N & (N - 1)) === 0 && r >= 1 && r <= MAX_R && p >= 1 && p <= MAX_P)) return null;
  const salt = Buffer.from(parts[4], 'base64url');
  const key = Buffer.from(parts[5], 'base64url');
  if (salt.length < 8 || key.length < 16 || salt.toString('base64url') !== parts[4] || key.toString('base64url') !== parts[5]) return null;
  return { N, r, p, salt, key };
}

export function isPasswordHash(hash: string): boolean {
  return parsePasswordHash(hash) !== null;
}

/** True when `password` matches `hash`. A malformed hash or a password that is not valid never matches. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const parsed = parsePasswordHash(hash);
  if (!parsed) return false;
  let normalized: string;
  try {
    normalized = normalizePassword(password);
  } catch {
    return false;
  }
  const key = await scrypt(normalized, parsed.salt, parsed.key.length, { N: parsed.N, r: parsed.r, p: parsed.p, maxmem: maxmem(parsed.N, parsed.r) });
  return timingSafeEqual(key, parsed.key);
}

/** scrypt needs 128 * N * r bytes; Node refuses more than `maxmem` (default 32 MiB). */
function maxmem(N: number, r: number): number {
  return 128 * N * r + 16 * 1024 * 1024;
}

// No 0/O, 1/l/I: generated passwords are read off a screen and typed.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Four groups of four characters, e.g. `Vx4q-Tm9k-Hf2c-Lw7p`: 16 × log2(56) ≈ 93 bits. */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
