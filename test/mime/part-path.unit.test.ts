// MessagePartGet's part paths (reference 1.14).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMessage, partAtPath } from '../../src/mime';

const input = Buffer.from(
  [
    'Content-Type: multipart/mixed; boundary=o',
    '',
    '--o',
    'Content-Type: multipart/alternative; boundary=i',
    '',
    '--i',
    'Content-Type: text/plain',
    '',
    'line one',
    'line two',
    '--i',
    'Content-Type: text/html',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('<p>hi</p>\n').toString('base64'),
    '--i--',
    '--o',
    'Content-Type: application/octet-stream',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from([0, 10, 255]).toString('base64'),
    '--o--',
    '',
  ].join('\n'),
);
const root = parseMessage(input);

describe('partAtPath', () => {
  it('[] is the whole top-level body without its header', () => {
    const r = partAtPath(root, []);
    assert.ok(r.ok);
    assert.equal(r.content.toString(), input.toString().slice(input.indexOf('\n\n') + 2));
  });

  it('walks multipart sub-parts and gives text with CRLF line ends', () => {
    const r = partAtPath(root, [0, 0]);
    assert.ok(r.ok);
    assert.equal(r.content.toString(), 'line one\r\nline two');
  });

  it('undoes the transfer encoding', () => {
    const html = partAtPath(root, [0, 1]);
    assert.ok(html.ok);
    assert.equal(html.content.toString(), '<p>hi</p>\r\n');
    const binary = partAtPath(root, [1]);
    assert.ok(binary.ok);
    assert.deepEqual([...binary.content], [0, 10, 255]);
  });

  const bad: Array<[number[], string]> = [
    [[2], 'part 2 at index 0 not found'],
    [[0, 5], 'part 5 at index 1 not found'],
    [[-1], 'part -1 at index 0 not found'],
    [[1, 0], 'part 0 at index 1 not found'],
    [[0.5], 'part 0.5 at index 0 not found'],
  ];
  for (const [path, error] of bad) {
    it(`refuses ${JSON.stringify(path)}`, () => assert.deepEqual(partAtPath(root, path), { ok: false, error }));
  }
});
