// The composed message, read back with Postwire's own MIME parser: mox's layout for every combination of
// bodies and files, the header order, and the text and file parts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodedBody, decodedHeader, headerAll, parseMessage, structureOf, type MimePart, type Structure } from '../../src/mime';
import { composeMessage, type ComposeInput, type MailAddress } from '../../src/sending/compose-message';
import type { ComposeFile } from '../../src/sending/message-files';
import { parseSmtpAddress } from '../../src/sending/smtp-address';

function addr(text: string, name = ''): MailAddress {
  const parsed = parseSmtpAddress(text);
  assert.ok(parsed.ok, text);
  return { name, address: parsed.address };
}

function file(name: string, disposition: ComposeFile['disposition'] = 'attachment', contentType = 'application/octet-stream', contentID = ''): ComposeFile {
  return { disposition, filename: name, contentType, contentID, data: Buffer.from(`data of ${name}`) };
}

function input(overrides: Partial<ComposeInput> = {}): ComposeInput {
  return {
    smtputf8: false,
    from: addr('mjl@mox.example', 'M J L'),
    replyTo: [],
    to: [addr('to@example.org')],
    cc: [],
    subject: 'test',
    date: 'Mon, 02 Jan 2006 15:04:05 -0700',
    messageID: '<id@mox.example>',
    references: [],
    headers: [],
    userAgent: 'postwire/1.2.3',
    text: '',
    html: '',
    alternativeFiles: [],
    inlineFiles: [],
    attachedFiles: [],
    ...overrides,
  };
}

/** The tree as `type(child, child)`, leaves by type and file name. */
function shape(s: Structure): string {
  if (s.Parts.length > 0) return `${s.ContentType.replace('multipart/', '')}(${s.Parts.map(shape).join(', ')})`;
  return s.Filename ? s.Filename : s.ContentType;
}

const composeShape = async (i: Partial<ComposeInput>) => shape(structureOf(parseMessage(await composeMessage(input(i)))));

describe('layout (reference 1.7 step 9)', () => {
  const alt = file('alt.ics', 'inline', 'text/calendar');
  const inl = file('logo.png', 'inline', 'image/png', '<logo>');
  const att = file('invoice.pdf', 'attachment', 'application/pdf');
  const cases: [string, Partial<ComposeInput>, string][] = [
    ['text only', { text: 'hi' }, 'text/plain'],
    ['html only', { html: '<p>hi</p>' }, 'text/html'],
    ['text and html', { text: 'hi', html: '<p>hi</p>' }, 'alternative(text/plain, text/html)'],
    ['text and an alternative file', { text: 'hi', alternativeFiles: [alt] }, 'alternative(text/plain, alt.ics)'],
    ['text with an inline file', { text: 'hi', inlineFiles: [inl] }, 'related(text/plain, logo.png)'],
    ['text and html with an inline file', { text: 'hi', html: '<p>hi</p>', inlineFiles: [inl] }, 'related(alternative(text/plain, text/html), logo.png)'],
    ['text with an attached file', { text: 'hi', attachedFiles: [att] }, 'mixed(text/plain, invoice.pdf)'],
    ['text and html with an attached file', { text: 'hi', html: '<p>hi</p>', attachedFiles: [att] }, 'mixed(alternative(text/plain, text/html), invoice.pdf)'],
    ['text with inline and attached files', { text: 'hi', inlineFiles: [inl], attachedFiles: [att] }, 'mixed(related(text/plain, logo.png), invoice.pdf)'],
    [
      'everything',
      { text: 'hi', html: '<p>hi</p>', alternativeFiles: [alt], inlineFiles: [inl, file('b.png', 'inline', 'image/png')], attachedFiles: [att, file('c.zip')] },
      'mixed(related(alternative(text/plain, text/html, alt.ics), logo.png, b.png), invoice.pdf, c.zip)',
    ],
    ['html with an alternative, inline and attached file', { html: '<p>hi</p>', alternativeFiles: [alt], inlineFiles: [inl], attachedFiles: [att] }, 'mixed(related(alternative(text/html, alt.ics), logo.png), invoice.pdf)'],
  ];
  for (const [name, given, want] of cases) {
    test(name, async () => assert.equal(await composeShape(given), want));
  }
});

const names = (part: MimePart) => part.headers.map((h) => h.name.toLowerCase());

describe('headers', () => {
  test('in mox order: addresses, subject, date, ids, MIME-Version, the caller\'s headers, User-Agent, content', async () => {
    const msg = parseMessage(
      await composeMessage(
        input({
          text: 'hi',
          replyTo: [addr('reply@mox.example')],
          cc: [addr('cc@example.org')],
          references: ['<a@x>', '<b@x>'],
          headers: [['X-First', '1'], ['List-Unsubscribe', '<https://x.example/u>']],
        }),
      ),
    );
    assert.deepEqual(names(msg), [
      'from', 'reply-to', 'to', 'cc', 'subject', 'date', 'message-id', 'references', 'in-reply-to', 'mime-version',
      'x-first', 'list-unsubscribe', 'user-agent', 'content-transfer-encoding', 'content-type',
    ]);
    assert.equal(decodedHeader(msg, 'In-Reply-To'), '<b@x>');
    assert.deepEqual(decodedHeader(msg, 'References').split(/\s+/), ['<a@x>', '<b@x>']);
    assert.equal(decodedHeader(msg, 'User-Agent'), 'postwire/1.2.3');
    assert.equal(decodedHeader(msg, 'Message-ID'), '<id@mox.example>');
    assert.equal(decodedHeader(msg, 'Date'), 'Mon, 02 Jan 2006 15:04:05 -0700');
    assert.equal(decodedHeader(msg, 'MIME-Version'), '1.0');
    assert.equal(decodedHeader(msg, 'From'), 'M J L <mjl@mox.example>');
  });

  test('no Reply-To, To or Cc header when empty; no User-Agent when told; never Bcc', async () => {
    const msg = parseMessage(await composeMessage(input({ text: 'hi', to: [], userAgent: null })));
    assert.deepEqual(names(msg), ['from', 'subject', 'date', 'message-id', 'mime-version', 'content-transfer-encoding', 'content-type']);
  });

  test('references are written as given, without adding <>', async () => {
    const msg = parseMessage(await composeMessage(input({ text: 'hi', references: ['plain@id'] })));
    assert.equal(decodedHeader(msg, 'References'), 'plain@id');
    assert.equal(decodedHeader(msg, 'In-Reply-To'), 'plain@id');
  });

  test('the caller\'s headers keep their order and values, duplicates included', async () => {
    const msg = parseMessage(await composeMessage(input({ text: 'hi', headers: [['X-A', 'one'], ['X-B', 'two'], ['X-A', 'three']] })));
    assert.deepEqual(headerAll(msg.headers, 'X-A').map((h) => h.value), ['one', 'three']);
    assert.deepEqual(headerAll(msg.headers, 'X-B').map((h) => h.value), ['two']);
  });

  test('a non-ASCII subject and display name are RFC 2047 encoded without SMTPUTF8 and raw UTF-8 with it', async () => {
    const plain = await composeMessage(input({ text: 'hi', subject: 'Grüße aus Köln', from: addr('mjl@mox.example', 'Jörg') }));
    assert.ok(![...plain].some((b) => b >= 0x80), 'only ASCII bytes');
    const parsed = parseMessage(plain);
    assert.equal(decodedHeader(parsed, 'Subject'), 'Grüße aus Köln');
    assert.match(decodedHeader(parsed, 'From'), /Jörg/);
    const utf8 = await composeMessage(input({ smtputf8: true, text: 'hi', subject: 'Grüße', from: addr('jörg@mox.example') }));
    assert.match(utf8.toString('utf8'), /^Subject: Grüße\r$/m);
    assert.match(utf8.toString('utf8'), /^From: jörg@mox\.example\r$/m);
  });

  test('a Unicode domain is written in ASCII without SMTPUTF8', async () => {
    const msg = await composeMessage(input({ text: 'hi', to: [addr('a@bücher.example')] }));
    assert.match(msg.toString(), /^To: a@xn--bcher-kva\.example\r$/m);
  });
});

describe('text parts', () => {
  const cases: [string, string, { charset: string; cte: string; body: string }][] = [
    ['ASCII gets a final newline and CRLF', 'line 1\nline 2', { charset: 'us-ascii', cte: '7bit', body: 'line 1\r\nline 2\r\n' }],
    ['UTF-8 is 8bit', 'Grüße\n', { charset: 'utf-8', cte: '8bit', body: 'Grüße\r\n' }],
    ['a long line is quoted-printable', `${'x'.repeat(100)}\n`, { charset: 'us-ascii', cte: 'quoted-printable', body: `${'x'.repeat(100)}\r\n` }],
    ['a bare CR is quoted-printable', 'a\rb\n', { charset: 'us-ascii', cte: 'quoted-printable', body: 'a\rb\r\n' }],
  ];
  for (const [name, text, want] of cases) {
    test(name, async () => {
      const msg = parseMessage(await composeMessage(input({ text })));
      assert.equal(msg.contentType, 'text/plain');
      assert.equal(msg.charset, want.charset);
      assert.equal(decodedHeader(msg, 'Content-Transfer-Encoding'), want.cte);
      assert.equal(decodedBody(msg).toString('utf8'), want.body);
    });
  }

  test('an SMTPUTF8 message writes even ASCII text as 8bit', async () => {
    const msg = parseMessage(await composeMessage(input({ smtputf8: true, from: addr('jörg@mox.example'), text: 'hi' })));
    assert.equal(decodedHeader(msg, 'Content-Transfer-Encoding'), '8bit');
  });

  test('the HTML part ends in CRLF like the text part', async () => {
    const msg = parseMessage(await composeMessage(input({ text: 'a', html: '<p>b</p>' })));
    assert.equal(decodedBody(msg.parts[1]).toString(), '<p>b</p>\r\n');
    assert.equal(msg.parts[1].charset, 'us-ascii');
  });
});

describe('file parts', () => {
  test('disposition, file name (always), Content-ID, type, and the bytes', async () => {
    const files = [
      { disposition: 'inline' as const, filename: 'logo.png', contentType: 'image/png', contentID: '<logo@x>', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
      { disposition: 'attachment' as const, filename: '', contentType: 'application/pdf', contentID: '', data: Buffer.from('%PDF-1.4') },
      { disposition: 'attachment' as const, filename: 'Bücher "1".txt', contentType: '', contentID: '', data: Buffer.alloc(300, 0x41) },
    ];
    const msg = parseMessage(await composeMessage(input({ text: 'hi', inlineFiles: [files[0]], attachedFiles: [files[1], files[2]] })));
    const [related, pdf, txt] = msg.parts;
    const logo = related.parts[1];
    assert.equal(logo.contentDisposition, 'inline');
    assert.equal(logo.filename, 'logo.png');
    assert.equal(logo.contentId, '<logo@x>');
    assert.equal(logo.transferEncoding, 'base64');
    assert.deepEqual(decodedBody(logo), files[0].data);
    assert.equal(pdf.contentDisposition, 'attachment');
    assert.equal(pdf.filename, '');
    assert.match(headerAll(pdf.headers, 'Content-Disposition')[0].value, /filename=""/);
    assert.equal(txt.filename, 'Bücher "1".txt');
    assert.equal(headerAll(txt.headers, 'Content-Type').length, 0, 'no Content-Type for an unknown type');
    assert.deepEqual(decodedBody(txt), files[2].data);
    // base64 lines stay within 76 characters (RFC 2045 §6.8).
    const raw = txt.source.subarray(txt.bodyStart, txt.bodyEnd).toString();
    assert.ok(raw.split('\r\n').every((line) => line.length <= 76));
  });
});
