// Generated hostile input (too large to keep as files): parsing never throws and its cost stays bounded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectProblems, parseAddressList, parseDate, parseMessage, partAtPath, readableParts, structureOf } from '../../src/mime';

function nestedMultiparts(levels: number): Buffer {
  let text = '';
  for (let i = 0; i < levels; i++) text += `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`;
  text += 'Content-Type: text/plain\r\n\r\nleaf\r\n';
  for (let i = levels - 1; i >= 0; i--) text += `--b${i}--\r\n`;
  return Buffer.from(text);
}

function garbage(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  let s = seed;
  for (let i = 0; i < size; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out[i] = (s >> 16) & 0xff;
  }
  return out;
}

const inputs: Array<[string, () => Buffer]> = [
  ['empty input', () => Buffer.alloc(0)],
  ['a 1 MB header line', () => Buffer.from(`Subject: ${'x'.repeat(1024 * 1024)}\r\nFrom: a@b.example\r\n\r\nbody\r\n`)],
  ['a 1 MB folded address list', () => Buffer.from(`To: ${Array.from({ length: 40000 }, (_, i) => `u${i}@x.example`).join(',\r\n ')}\r\n\r\nbody\r\n`)],
  ['1000 nested multiparts', () => nestedMultiparts(1000)],
  ['1000 nested messages', () => Buffer.from(`${'Content-Type: message/rfc822\r\n\r\n'.repeat(1000)}Subject: x\r\n\r\nleaf\r\n`)],
  ['20000 parts', () => Buffer.from(`Content-Type: multipart/mixed; boundary=z\r\n\r\n${'--z\r\n\r\nx\r\n'.repeat(20000)}--z--\r\n`)],
  ['2 MB of binary garbage', () => garbage(2 * 1024 * 1024, 1)],
  ['a 10 MB body line', () => Buffer.concat([Buffer.from('Content-Type: text/plain\r\n\r\n'), Buffer.alloc(10 * 1024 * 1024, 0x61)])],
  ['bare CRs only', () => Buffer.from('From: a@b\rTo: c@d\r\rbody\r')],
  ['a boundary that is never used', () => Buffer.from(`Content-Type: multipart/mixed; boundary=none\r\n\r\n${'text\r\n'.repeat(10000)}`)],
  ['an unterminated quoted boundary', () => Buffer.from('Content-Type: multipart/mixed; boundary="abc\r\n\r\n--abc\r\n\r\nhi')],
  ['base64 of pure junk', () => Buffer.from(`Content-Transfer-Encoding: base64\r\n\r\n${'!@#$%^&*()'.repeat(10000)}`)],
];

describe('hostile input', () => {
  for (const [name, make] of inputs) {
    it(`${name}: no throw, bounded time`, () => {
      const input = make();
      const started = performance.now();
      const root = parseMessage(input);
      structureOf(root);
      readableParts(root);
      partAtPath(root, [0, 0, 0]);
      collectProblems(root);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 10_000, `took ${elapsed.toFixed(0)} ms`);
      assert.equal(root.bodyEnd, input.length);
    });
  }

  it('caps the nesting of 1000 multiparts at the depth limit', () => {
    const root = parseMessage(nestedMultiparts(1000));
    let depth = 0;
    for (let p = root; p.parts.length > 0; p = p.parts[0]) depth++;
    assert.equal(depth, 64);
  });

  it('keeps header helpers total on junk', () => {
    for (const junk of ['(((((((', '<'.repeat(100000), 'a@'.repeat(50000), '\u0000']) {
      assert.doesNotThrow(() => parseAddressList(junk));
      assert.equal(parseDate(junk), null);
    }
  });
});
