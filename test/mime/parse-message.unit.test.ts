// The MIME tree: header fields and their offsets, multipart splitting per RFC 2046 §5.1.1 and what real mail
// gets wrong, enclosed messages, and the limits that bound the work.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectProblems, decodedBody, headerAll, headerFirst, parseMessage, rawBody } from '../../src/mime';

const msg = (lines: string[], eol = '\r\n'): Buffer => Buffer.from(lines.join(eol), 'utf8');

describe('header section', () => {
  for (const eol of ['\r\n', '\n']) {
    it(`reads fields, folding and offsets with ${JSON.stringify(eol)} line ends`, () => {
      const input = msg(['Subject: one', ' two', '\tthree', 'X-Empty:', 'x-empty: again', '', 'body', ''], eol);
      const root = parseMessage(input);
      const subject = headerFirst(root.headers, 'SUBJECT')!;
      assert.equal(subject.name, 'Subject');
      assert.equal(subject.value, 'one two\tthree');
      assert.equal(subject.raw, ` one${eol} two${eol}\tthree`);
      assert.equal(input.toString('utf8', subject.start, subject.end), `Subject: one${eol} two${eol}\tthree${eol}`);
      assert.deepEqual(headerAll(root.headers, 'x-empty').map((f) => f.value), ['', 'again']);
      assert.equal(root.headerStart, 0);
      assert.equal(input.toString('utf8', root.bodyStart, root.bodyEnd), `body${eol}`);
      assert.equal(root.headerEnd, root.bodyStart);
      assert.deepEqual(root.problems, []);
    });
  }

  it('skips a leading mbox From line', () => {
    const root = parseMessage(msg(['From MAILER-DAEMON  Mon Sep 20 19:29:27 2021', 'From: a@b.example', '', 'x']));
    assert.equal(headerFirst(root.headers, 'from')?.value, 'a@b.example');
    assert.match(root.problems.join(), /mbox/);
  });

  it('ends the header at the first line that is not a field when the empty line is missing', () => {
    const root = parseMessage(msg(['From: a@b.example', 'This is already body', 'more']));
    assert.equal(root.headers.length, 1);
    assert.equal(rawBody(root).toString(), 'This is already body\r\nmore');
    assert.match(root.problems.join(), /without an empty line/);
  });

  it('joins continuation lines someone forgot to indent', () => {
    const root = parseMessage(msg(['Content-Type: multipart/alternative;', 'boundary="b1"', '', '--b1', '', 'x', '--b1--']));
    assert.equal(root.contentTypeParams.boundary, 'b1');
    assert.equal(root.parts.length, 1);
  });

  it('keeps 8-bit header bytes: UTF-8 when valid, Latin-1 otherwise', () => {
    const utf8 = parseMessage(Buffer.from('Subject: caf\u00e9\r\n\r\n', 'utf8'));
    assert.equal(headerFirst(utf8.headers, 'subject')?.value, 'caf\u00e9');
    const latin1 = parseMessage(Buffer.concat([Buffer.from('Subject: caf'), Buffer.from([0xe9]), Buffer.from('\r\n\r\n')]));
    assert.equal(headerFirst(latin1.headers, 'subject')?.value, 'caf\u00e9');
  });
});

describe('multipart', () => {
  const body = [
    'Content-Type: multipart/mixed; boundary="abc"',
    '',
    'preamble',
    '--abc',
    'Content-Type: text/plain',
    '',
    'first',
    '--abc ',
    '',
    'second, no header',
    '--abcdef',
    'not a delimiter: the boundary must be followed by white space, "--" or the line end',
    '--abc--',
    'epilogue',
  ];

  it('splits at delimiters; the line break before a delimiter belongs to it', () => {
    const input = msg(body);
    const root = parseMessage(input);
    assert.equal(root.parts.length, 2);
    assert.equal(rawBody(root.parts[0]).toString(), 'first');
    assert.equal(root.parts[0].contentType, 'text/plain');
    assert.equal(rawBody(root.parts[1]).toString(), 'second, no header\r\n--abcdef\r\nnot a delimiter: the boundary must be followed by white space, "--" or the line end');
    assert.equal(root.parts[1].contentType, '');
    assert.equal(root.parts[1].effectiveType, 'text/plain');
    assert.equal(input.toString('utf8', root.parts[0].headerStart, root.parts[0].headerStart + 13), 'Content-Type:');
    assert.deepEqual(collectProblems(root), []);
  });

  it('runs the last part to the end when the close delimiter is missing', () => {
    const root = parseMessage(msg(body.slice(0, 10)));
    assert.equal(root.parts.length, 2);
    assert.equal(rawBody(root.parts[1]).toString(), 'second, no header');
    assert.match(root.problems.join(), /no close delimiter/);
  });

  it('finds the delimiter the body uses when the boundary parameter matches nothing', () => {
    const root = parseMessage(msg(['Content-Type: multipart/report; boundary="X1.111/host"', '', '--X1.222/host', '', 'a', '--X1.222/host', '', 'b', '--X1.222/host--']));
    assert.deepEqual(root.parts.map((p) => rawBody(p).toString()), ['a', 'b']);
    assert.match(root.problems.join(), /not found; body uses "X1.222\/host"/);
  });

  it('reads a multipart without any delimiter as one body', () => {
    const root = parseMessage(msg(['Content-Type: multipart/report; boundary="gone"', '', 'just text']));
    assert.equal(root.parts.length, 0);
    assert.equal(rawBody(root).toString(), 'just text');
    assert.match(root.problems.join(), /no boundary delimiter/);
  });

  it('gives multipart/digest parts a message/rfc822 default (RFC 2046 §5.1.5)', () => {
    const root = parseMessage(msg(['Content-Type: multipart/digest; boundary=d', '', '--d', '', 'Subject: inner', '', 'hi', '--d--']));
    assert.equal(root.parts[0].contentType, '');
    assert.equal(root.parts[0].effectiveType, 'message/rfc822');
    assert.equal(headerFirst(root.parts[0].message!.headers, 'subject')?.value, 'inner');
  });
});

describe('enclosed messages', () => {
  it('parses message/rfc822 in place, with offsets in the same buffer', () => {
    const input = msg(['Content-Type: message/rfc822', '', 'Subject: inner', 'Content-Type: text/plain', '', 'inner body']);
    const root = parseMessage(input);
    const inner = root.message!;
    assert.equal(inner.source, input);
    assert.equal(headerFirst(inner.headers, 'subject')?.value, 'inner');
    assert.equal(rawBody(inner).toString(), 'inner body');
    assert.equal(root.parts.length, 0);
  });

  it('parses a base64 message/global from its decoded bytes', () => {
    const inner = Buffer.from('Subject: =?utf-8?q?gr=C3=BC=C3=9Fe?=\r\n\r\nhallo\r\n');
    const root = parseMessage(msg(['Content-Type: message/global', 'Content-Transfer-Encoding: base64', '', inner.toString('base64')]));
    assert.notEqual(root.message!.source, root.source);
    assert.equal(decodedBody(root.message!).toString(), 'hallo\r\n');
  });
});

describe('limits', () => {
  it('stops descending at maxDepth and notes it', () => {
    let text = '';
    for (let i = 0; i < 200; i++) text += `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`;
    text += 'Content-Type: text/plain\r\n\r\nleaf\r\n';
    const root = parseMessage(Buffer.from(text), { maxDepth: 10 });
    let depth = 0;
    for (let p = root; p.parts.length > 0; p = p.parts[0]) depth++;
    assert.equal(depth, 10);
    assert.ok(collectProblems(root).some((p) => p.includes('nesting deeper than 10')));
  });

  it('stops at maxParts', () => {
    const parts = Array.from({ length: 50 }, () => '--z\r\n\r\nx\r\n').join('');
    const root = parseMessage(Buffer.from(`Content-Type: multipart/mixed; boundary=z\r\n\r\n${parts}--z--\r\n`), { maxParts: 11 });
    assert.equal(root.parts.length, 10);
    assert.match(root.problems.join(), /more than 11 parts/);
  });

  it('cuts an over-long header field and drops fields beyond maxHeaderFields', () => {
    const many = Array.from({ length: 30 }, (_, i) => `X-N${i}: ${i}`).join('\r\n');
    const root = parseMessage(Buffer.from(`Subject: ${'s'.repeat(5000)}\r\n${many}\r\n\r\nbody`), { maxHeaderFieldBytes: 1000, maxHeaderFields: 20 });
    assert.equal(headerFirst(root.headers, 'subject')!.value.length, 1000 - 'Subject:'.length - 1);
    assert.equal(root.headers.length, 20);
    assert.equal(rawBody(root).toString(), 'body');
  });
});
