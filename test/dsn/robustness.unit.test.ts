// parseBounce on generated hostile input: never throws, bounded time, no recipients invented.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBounce } from '../../src/dsn';

const bounceHeader = 'From: MAILER-DAEMON@mx.example\r\nSubject: Undelivered Mail Returned to Sender\r\n';

function garbage(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  let s = seed;
  for (let i = 0; i < size; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out[i] = (s >> 16) & 0xff;
  }
  return out;
}

const inputs: Array<[string, () => Buffer, number]> = [
  ['empty input', () => Buffer.alloc(0), 0],
  ['binary garbage', () => garbage(1024 * 1024, 3), 0],
  ['binary garbage after bounce headers', () => Buffer.concat([Buffer.from(`${bounceHeader}\r\n`), garbage(512 * 1024, 5)]), 0],
  ['a 1 MB header line', () => Buffer.from(`${bounceHeader}X-Long: ${'y'.repeat(1024 * 1024)}\r\n\r\nbody`), 0],
  ['a 10 MB body line', () => Buffer.concat([Buffer.from(`${bounceHeader}\r\n`), Buffer.alloc(10 * 1024 * 1024, 0x61)]), 0],
  // Below the depth limit the report is not a part any more, but its fields are still read as text.
  ['1000 nested multipart/report', () => {
    let text = '';
    for (let i = 0; i < 1000; i++) text += `Content-Type: multipart/report; report-type=delivery-status; boundary="r${i}"\r\n\r\n--r${i}\r\n`;
    return Buffer.from(`${text}Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; x\r\n\r\nFinal-Recipient: rfc822; deep@x.example\r\nAction: failed\r\nStatus: 5.1.1\r\n`);
  }, 1],
  ['50000 recipient lines', () => Buffer.from(`${bounceHeader}\r\n${Array.from({ length: 50000 }, (_, i) => `<u${i}@x.example>: 550 5.1.1 user unknown`).join('\r\n')}`), 1000],
  ['a report with 50000 recipients', () => Buffer.from(`${bounceHeader}Content-Type: multipart/report; boundary=r\r\n\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; x\r\n\r\n${Array.from({ length: 50000 }, (_, i) => `Final-Recipient: rfc822; u${i}@x.example\r\nAction: failed\r\nStatus: 5.1.1\r\n`).join('\r\n')}--r--\r\n`), 1000],
  ['a JSON-looking body that is not JSON', () => Buffer.from(`${bounceHeader}\r\n{"notificationType":"Bounce", ${'{'.repeat(100000)}`), 0],
];

describe('parseBounce on hostile input', () => {
  for (const [name, make, recipients] of inputs) {
    it(`${name}: no throw, bounded time, ${recipients} recipients`, () => {
      const input = make();
      const started = performance.now();
      const report = parseBounce(input);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 10_000, `took ${elapsed.toFixed(0)} ms`);
      assert.equal(report.Recipients.length, recipients);
      assert.equal(report.Bounce, recipients > 0);
    });
  }
});
