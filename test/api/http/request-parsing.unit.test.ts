// The pieces that read a request: Content-Type values, multipart forms, JSON with the place of an error,
// Basic credentials and the client address.
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { ApiError } from '../../../src/api/api-error';
import { basicCredentials } from '../../../src/api/http/authenticate';
import { clientIP } from '../../../src/api/http/client-ip';
import { parseRequestJson, syntaxError } from '../../../src/api/http/json-text';
import { parseMediaType } from '../../../src/api/http/media-type';
import { parseMultipartForm } from '../../../src/api/http/multipart-form';

const mediaTypes: [string, { given: string; want: { type: string; params: Record<string, string> } | null }][] = [
  ['plain', { given: 'application/json', want: { type: 'application/json', params: {} } }],
  ['case and a charset', { given: 'Application/JSON; Charset=UTF-8', want: { type: 'application/json', params: { charset: 'UTF-8' } } }],
  ['a quoted boundary', { given: 'multipart/form-data; boundary="a b\\"c"', want: { type: 'multipart/form-data', params: { boundary: 'a b"c' } } }],
  ['a trailing semicolon', { given: 'text/plain;', want: { type: 'text/plain', params: {} } }],
  ['no subtype', { given: 'json', want: null }],
  ['a parameter without a value', { given: 'text/plain; charset', want: null }],
  ['a parameter twice', { given: 'text/plain; a=1; a=2', want: null }],
  ['garbage', { given: '???', want: null }],
];
for (const [name, { given, want }] of mediaTypes) {
  test(`Content-Type: ${name}`, () => {
    const got = parseMediaType(given);
    assert.deepEqual(got && { type: got.type, params: Object.fromEntries(got.params) }, want);
  });
}

const CRLF = '\r\n';
function form(boundary: string, parts: string[]): Buffer {
  return Buffer.from(`preamble${CRLF}${parts.map((p) => `--${boundary}${CRLF}${p}${CRLF}`).join('')}--${boundary}--${CRLF}epilogue`);
}

test('multipart: fields and files with their headers, filename* and folded headers', () => {
  const body = form('XyZ', [
    `Content-Disposition: form-data; name="request"${CRLF}${CRLF}{"Text":"héllo"}`,
    `Content-Disposition: form-data; name="attachedfile"; filename="a.pdf"${CRLF}Content-Type: application/pdf${CRLF}Content-ID: <part1@example>${CRLF}${CRLF}%PDF-1.4${CRLF}--XyZnot-a-delimiter`,
    `Content-Disposition: form-data; name="inlinefile";${CRLF} filename*=UTF-8''na%C3%AFve.png; filename="naive.png"${CRLF}${CRLF}`,
  ]);
  const parts = parseMultipartForm(body, 'XyZ');
  assert.deepEqual(
    parts.map((p) => ({ name: p.name, filename: p.filename, type: p.headers.get('content-type'), id: p.headers.get('content-id'), data: p.data.toString() })),
    [
      { name: 'request', filename: undefined, type: undefined, id: undefined, data: '{"Text":"héllo"}' },
      { name: 'attachedfile', filename: 'a.pdf', type: 'application/pdf', id: '<part1@example>', data: `%PDF-1.4${CRLF}--XyZnot-a-delimiter` },
      { name: 'inlinefile', filename: 'naïve.png', type: undefined, id: undefined, data: '' },
    ],
  );
});

test('multipart: line feeds without carriage returns are accepted', () => {
  const parts = parseMultipartForm(Buffer.from('--b\nContent-Disposition: form-data; name="request"\n\n{}\n--b--\n'), 'b');
  assert.equal(parts[0].data.toString(), '{}');
});

const badForms: [string, { body: string; says: RegExp }][] = [
  ['not multipart at all', { body: 'request=%7B%7D', says: /boundary "--b" from Content-Type does not occur; is the body really multipart\/form-data/ }],
  ['no closing boundary', { body: `--b${CRLF}Content-Disposition: form-data; name="request"${CRLF}${CRLF}{}`, says: /ends before the closing boundary "--b--"/ }],
  ['no name', { body: `--b${CRLF}Content-Disposition: form-data${CRLF}${CRLF}x${CRLF}--b--`, says: /part 1 needs a header "Content-Disposition: form-data; name=..."/ }],
  ['no Content-Disposition', { body: `--b${CRLF}Content-Type: text/plain${CRLF}${CRLF}x${CRLF}--b--`, says: /part 1 needs a header "Content-Disposition/ }],
  ['a broken header line', { body: `--b${CRLF}Content-Disposition form-data${CRLF}${CRLF}x${CRLF}--b--`, says: /part 1 has a header line that is not "Name: value"/ }],
  ['headers without an end', { body: `--b${CRLF}Content-Disposition: form-data; name="x"${CRLF}--b--`, says: /part 1 has no empty line between its headers and its content/ }],
  ['text after a boundary', { body: `--b junk${CRLF}${CRLF}${CRLF}--b--`, says: /boundary line is followed by text/ }],
];
for (const [name, { body, says }] of badForms) {
  test(`multipart: refuses ${name}`, () => {
    assert.throws(
      () => parseMultipartForm(Buffer.from(body), 'b'),
      (err: unknown) => err instanceof ApiError && err.code === 'protocol' && says.test(err.message),
    );
  });
}

test('multipart: the number of parts is limited', () => {
  const body = form('b', Array.from({ length: 5 }, () => `Content-Disposition: form-data; name="x"${CRLF}${CRLF}1`));
  assert.equal(parseMultipartForm(body, 'b', 5).length, 5);
  assert.throws(() => parseMultipartForm(body, 'b', 4), /more than 4 parts/);
});

const badJson: [string, { given: string; says: string }][] = [
  ['a bare word', { given: 'notjson', says: "request is not valid JSON: expected null, found 'o' at line 1, column 2: no" }],
  ['a trailing comma', { given: '{"a":1,}', says: "request is not valid JSON: expected a field name in double quotes, found '}' at line 1, column 8: {\"a\":1,}" }],
  ['a missing comma on line 3', { given: '{\n  "a": 1\n  "b": 2\n}', says: 'request is not valid JSON: expected "," or "}" after a value, found \'"\' at line 3, column 3: {   "a": 1   "' }],
  ['a broken literal', { given: '{"a":tru}', says: "request is not valid JSON: expected true, found '}' at line 1, column 9: {\"a\":tru}" }],
  ['a line break in a string', { given: '{"a":"x\ny"}', says: 'request is not valid JSON: expected a character of a string (line breaks and tabs must be escaped as \\n and \\t), found a line break at line 1, column 8: {"a":"x' }],
  ['a leading zero', { given: '[01]', says: 'request is not valid JSON: expected "," or "]" after a value, found \'1\' at line 1, column 3: [01' }],
  ['text after the value', { given: '{} {}', says: "request is not valid JSON: expected the end of the text after the value, found '{' at line 1, column 4: {} {" }],
  ['a long line', { given: `{"Text":"${'x'.repeat(40)}" "Subject":"hi"}`, says: `request is not valid JSON: expected "," or "}" after a value, found '"' at line 1, column 52: ...${'x'.repeat(22)}" "` }],
  ['an unterminated object', { given: '{"a":1', says: 'request is not valid JSON: expected "," or "}" after a value, but the text ends' }],
  ['an unterminated string', { given: '"abc', says: 'request is not valid JSON: expected the closing " of a string, but the text ends' }],
  ['nothing', { given: '  ', says: 'request is not valid JSON: it is empty; send an object, e.g. {}' }],
  ['deep nesting', { given: `${'['.repeat(65)}${']'.repeat(65)}`, says: 'request nests objects and arrays more than 64 levels deep' }],
  ['a __proto__ key', { given: '{"Extra":{"__proto__":{"admin":"1"}}}', says: 'request contains the key "__proto__", which is not allowed' }],
];
for (const [name, { given, says }] of badJson) {
  test(`JSON: says what and where: ${name}`, () => {
    assert.throws(
      () => parseRequestJson(given),
      (err: unknown) => err instanceof ApiError && err.code === 'protocol' && err.message === says,
      `${given}`,
    );
  });
}

test('JSON: a valid request parses; the scan finds nothing wrong', () => {
  const text = '{"To":[{"Address":"a@example.com"}],"N":-1.5e3,"T":true,"X":null,"S":"\\u00e9\\n\\/", "E": [ ], "O" : { } }';
  assert.deepEqual(parseRequestJson(text), JSON.parse(text));
  assert.equal(syntaxError(text), null);
});

test('JSON: the scan and JSON.parse agree on what is JSON', () => {
  const samples = ['1', '-0', '1e5', '1E+5', '1.', '.5', '+1', '0x10', '"\\u12"', '"\\u1234"', '[1,2]', '[1 2]', '{"a":{}}', '{"a"}', 'tRue', 'nul', '"a\tb"', '[]]', '  {}  ', '{}\n'];
  for (const text of samples) {
    let parses = true;
    try {
      JSON.parse(text);
    } catch {
      parses = false;
    }
    assert.equal(syntaxError(text) === null, parses, text);
  }
});

const credentials: [string, { given: string | undefined; want: { username: string; password: string } | null }][] = [
  ['a login', { given: `Basic ${Buffer.from('mjl@mox.example:pass:word').toString('base64')}`, want: { username: 'mjl@mox.example', password: 'pass:word' } }],
  ['the scheme in another case, UTF-8', { given: `bAsIc ${Buffer.from('ünï@example.com:pässwörd').toString('base64')}`, want: { username: 'ünï@example.com', password: 'pässwörd' } }],
  ['no header', { given: undefined, want: null }],
  ['another scheme', { given: 'Bearer abc', want: null }],
  ['not base64', { given: 'Basic %%%', want: null }],
  ['no colon', { given: `Basic ${Buffer.from('justauser').toString('base64')}`, want: null }],
];
for (const [name, { given, want }] of credentials) {
  test(`Basic credentials: ${name}`, () => {
    assert.deepEqual(basicCredentials(given), want);
  });
}

const clients: [string, { remote: string | undefined; forwarded: boolean; header?: string | string[]; want: string | null }][] = [
  ['the connection', { remote: '192.0.2.1', forwarded: false, header: '203.0.113.9', want: '192.0.2.1' }],
  ['an IPv4 client of a dual-stack socket', { remote: '::ffff:192.0.2.1', forwarded: false, want: '192.0.2.1' }],
  ['the entry our proxy appended', { remote: '127.0.0.1', forwarded: true, header: '198.51.100.7, 203.0.113.9', want: '203.0.113.9' }],
  ['repeated headers', { remote: '127.0.0.1', forwarded: true, header: ['198.51.100.7', '2001:db8::9'], want: '2001:db8::9' }],
  ['no header behind a proxy', { remote: '127.0.0.1', forwarded: true, want: null }],
  ['a header that is no address', { remote: '127.0.0.1', forwarded: true, header: 'unknown', want: null }],
];
for (const [name, { remote, forwarded, header, want }] of clients) {
  test(`client IP: ${name}`, () => {
    const raw = { socket: { remoteAddress: remote }, headers: header === undefined ? {} : { 'x-forwarded-for': header } } as unknown as IncomingMessage;
    assert.equal(clientIP(raw, forwarded), want);
  });
}
