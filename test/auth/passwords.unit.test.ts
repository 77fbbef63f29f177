import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatePassword, hashPassword, isPasswordHash, normalizePassword, passwordProblem, verifyPassword } from '../../src/auth/passwords';

// Small scrypt parameters keep the suite fast; the format carries them, so verification uses them too.
const fast = { N: 1024, r: 8, p: 1 };

describe('passwords', () => {
  it('stores scrypt$N$r$p$salt$hash with a random salt', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    assert.match(a, /^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a, b);
    assert.equal(isPasswordHash(a), true);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple', fast);
    assert.equal(await verifyPassword('correct horse battery staple', hash), true);
    assert.equal(await verifyPassword('correct horse battery stapler', hash), false);
    assert.equal(await verifyPassword('', hash), false);
  });

  it('a password set in NFD with Unicode spaces verifies with its NFC form and plain spaces (PRECIS OpaqueString)', async () => {
    const nfdWithSpaces = 'Ame\u0301lie\u00a0sings\u2003in\u3000Paris';
    const nfc = 'Amélie sings in Paris';
    assert.equal(normalizePassword(nfdWithSpaces), nfc);
    const hash = await hashPassword(nfdWithSpaces, fast);
    assert.equal(await verifyPassword(nfc, hash), true);
    assert.equal(await verifyPassword(nfdWithSpaces, hash), true);
    assert.equal(await verifyPassword('Amelie sings in Paris', hash), false);
  });

  it('refuses malformed or unsafe hashes instead of trusting them', async () => {
    for (const hash of ['', 'bcrypt$x', 'scrypt$1000$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5', `scrypt$${2 ** 24}$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5`, 'scrypt$1024$8$1$!!$??']) {
      assert.equal(isPasswordHash(hash), false, hash);
      assert.equal(await verifyPassword('anything', hash), false);
    }
  });

  it('says what is wrong with a chosen password', () => {
    assert.match(passwordProblem('short')!, /shorter than 8 characters/);
    assert.match(passwordProblem('')!, /empty/);
    assert.match(passwordProblem('has\u0007bell1234')!, /control characters/);
    // Length counts characters after NFC: e + combining acute is one character.
    assert.match(passwordProblem('e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301')!, /shorter/);
    assert.equal(passwordProblem('eight ch'), null);
  });

  it('generates readable passwords of about 93 bits that are all different', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      assert.match(p, /^[a-km-zA-HJ-NP-Z2-9]{4}(-[a-km-zA-HJ-NP-Z2-9]{4}){3}$/);
      assert.equal(passwordProblem(p), null);
      seen.add(p);
    }
    assert.equal(seen.size, 200);
  });
});
