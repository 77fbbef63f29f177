// ComposedPart.bytes() joins the parts at once when nothing needs encoding: its output must be the bytes
// nodemailer's streaming MimeNode.build() writes for the same tree, for every shape Send composes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import MimeNode from 'nodemailer/lib/mime-node';
import { ComposedPart } from '../../src/sending/composed-part';

interface Leaf {
  type: string;
  encoding: '7bit' | '8bit' | 'quoted-printable' | 'base64';
  body: Buffer;
}
interface Branch {
  type: string;
  parts: Spec[];
}
type Spec = Leaf | Branch;

const text = (body: string, encoding: Leaf['encoding'] = '7bit', type = 'text/plain; charset=us-ascii'): Leaf => ({ type, encoding, body: Buffer.from(body, 'utf8') });
const html = (body: string) => text(body, '7bit', 'text/html; charset=us-ascii');

function headers(root: ComposedPart): void {
  root.setHeader('From', [{ name: 'Jörg Example', address: 'jorg@example.org' }]);
  root.setHeader('To', [{ name: '', address: 'to@example.net' }, { name: 'A, B', address: 'ab@example.net' }]);
  root.setHeader('Subject', 'A subject long enough to be folded over more than one line by the header writer, with ümlauts');
  root.setHeader('Date', 'Mon, 02 Jan 2006 15:04:05 -0700');
  root.setHeader('Message-ID', '<id@example.org>');
  root.setHeader('References', ['<a@example.org>', 'b@example.org']);
  root.setHeader('MIME-Version', '1.0');
  root.addHeader('X-Custom', { prepared: true, value: 'as  given' });
}

/** The same tree each time: one boundary base, so the two ways of building can be compared. */
function tree(spec: Spec, parent?: ComposedPart): ComposedPart {
  const encoding = 'parts' in spec ? null : spec.encoding;
  const node = parent ? parent.child(spec.type, encoding) : new ComposedPart(spec.type, { baseBoundary: 'fixed-base' }, encoding);
  if (!parent) headers(node);
  if ('parts' in spec) for (const part of spec.parts) tree(part, node);
  else node.setContent(spec.body);
  return node;
}

const cases: [string, Spec][] = [
  ['text', text('Hello.\r\nSecond line.\r\n')],
  ['8bit UTF-8 text', text('Grüße aus Köln\r\n', '8bit', 'text/plain; charset=utf-8')],
  ['text without a final line break', text('no break at the end')],
  ['text ending in a bare CR', text('ends in CR\r')],
  ['an empty body', text('')],
  ['text and html', { type: 'multipart/alternative', parts: [text('hi\r\n'), html('<p>hi</p>\r\n')] }],
  [
    'nested containers',
    { type: 'multipart/mixed', parts: [{ type: 'multipart/related', parts: [{ type: 'multipart/alternative', parts: [text('a\r\n'), html('<b>a</b>\r\n')] }] }, text('note\r\n')] },
  ],
  ['a container without parts', { type: 'multipart/mixed', parts: [] }],
  ['quoted-printable text (built by nodemailer)', text(`${'x'.repeat(100)}\r\n`, 'quoted-printable')],
  ['a base64 file (built by nodemailer)', { type: 'multipart/mixed', parts: [text('see file\r\n'), { type: 'application/pdf', encoding: 'base64', body: Buffer.alloc(300, 7) }] }],
];

for (const [name, spec] of cases) {
  test(`${name}: the same bytes as MimeNode.build()`, async () => {
    const joined = await tree(spec).bytes();
    const built = await (MimeNode.prototype.build as () => Promise<Buffer>).call(tree(spec));
    assert.equal(joined.toString('latin1'), built.toString('latin1'));
  });
}
