// Request bodies and answers over real HTTP: JSON and both of mox's form encodings, files in multipart
// parts, what is refused and how it is worded (reference 1.2, 1.4, 10.5), the size limit, byte answers,
// error mapping and the check of answers against the spec.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestNode } from '../../support/test-node';
import { basic, startApiTestNode } from './support/api-test-node';
import { ACCOUNT } from './support/test-authenticator';
import { CallLog, RAW_MESSAGE } from './support/test-methods';

const auth = basic(ACCOUNT.login, ACCOUNT.password);

let node: TestNode;
before(async () => {
  node = await startApiTestNode({ bootstrap: { limits: { maxMessageSize: 4096, maxRequestSize: 8192 } } });
});
after(() => node.stop());

function call(method: string, body: RequestInit['body'] | undefined, contentType?: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${node.url}/webapi/v0/${method}`, {
    method: 'POST',
    headers: { authorization: auth, ...(contentType === undefined ? {} : { 'content-type': contentType }), ...headers },
    body,
    // A stream body is sent chunked; fetch wants to be told it is one-way.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function protocolError(res: Response): Promise<string> {
  assert.equal(res.status, 400);
  assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
  const body = (await res.json()) as { Code: string; Message: string };
  assert.equal(body.Code, 'protocol', body.Message);
  return body.Message;
}

const CRLF = '\r\n';
function multipart(boundary: string, parts: { headers: string[]; data: string | Buffer }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}${CRLF}${part.headers.join(CRLF)}${CRLF}${CRLF}`), Buffer.from(part.data), Buffer.from(CRLF));
  }
  chunks.push(Buffer.from(`--${boundary}--${CRLF}`));
  return Buffer.concat(chunks);
}
const field = (name: string, value: string) => ({ headers: [`Content-Disposition: form-data; name="${name}"`], data: value });

describe('accepted encodings', () => {
  const encodings: [string, () => Promise<Response>][] = [
    ['JSON', () => call('SuppressionPresent', '{"EmailAddress":"suppressed@example.com"}', 'application/json')],
    ['JSON with a charset', () => call('SuppressionPresent', '{"EmailAddress":"suppressed@example.com"}', 'application/json; charset=UTF-8')],
    ['urlencoded (mox)', () => call('SuppressionPresent', `request=${encodeURIComponent('{"EmailAddress":"suppressed@example.com"}')}`, 'application/x-www-form-urlencoded')],
    ['urlencoded from URLSearchParams', () => call('SuppressionPresent', new URLSearchParams({ request: '{"EmailAddress":"suppressed@example.com"}' }))],
    ['multipart from FormData', () => {
      const form = new FormData();
      form.append('request', '{"EmailAddress":"suppressed@example.com"}');
      return call('SuppressionPresent', form);
    }],
  ];
  for (const [name, send] of encodings) {
    test(`${name}: the request reaches the handler and the answer is JSON`, async () => {
      const res = await send();
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(await res.text(), '{"Present":true}\n');
      assert.deepEqual(node.get(CallLog).last().request, { EmailAddress: 'suppressed@example.com' });
    });
  }

  test('non-ASCII text survives every encoding', async () => {
    const request = JSON.stringify({ EmailAddress: 'rené@☺.example' });
    for (const send of [
      () => call('SuppressionPresent', request, 'application/json'),
      () => call('SuppressionPresent', new URLSearchParams({ request })),
      () => call('SuppressionPresent', multipart('b0undary', [field('request', request)]), 'multipart/form-data; boundary=b0undary'),
    ]) {
      assert.equal((await send()).status, 200);
      assert.deepEqual(node.get(CallLog).last().request, { EmailAddress: 'rené@☺.example' });
    }
  });

  test('DESIGN §5: JSON {} is accepted (mox answers protocol) and reaches the method', async () => {
    const res = await call('SuppressionPresent', '{}', 'application/json');
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { Code: 'badAddress', Message: 'parsing address "": missing @' });
  });
});

describe('files in multipart parts', () => {
  test('mox 10.8: alternativefile, two inlinefiles and an attachedfile reach Send with their headers', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);
    const request = { To: [{ Address: 'alice@example.com' }], Text: 'see attached' };
    const body = multipart('----postwire', [
      field('request', JSON.stringify(request)),
      { headers: ['Content-Disposition: form-data; name="alternativefile"; filename="body.ics"', 'Content-Type: text/calendar'], data: 'BEGIN:VCALENDAR' },
      { headers: ['Content-Disposition: form-data; name="inlinefile"; filename="logo.png"', 'Content-Type: image/png', 'Content-ID: <logo@shop>'], data: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
      { headers: ['Content-Disposition: form-data; name="inlinefile"; filename="x.gif"', 'Content-Type: image/gif'], data: 'GIF89a' },
      { headers: ['Content-Disposition: form-data; name="attachedfile"; filename="invoice.pdf"', 'Content-ID: <invoice@shop>'], data: pdf },
    ]);
    const res = await call('Send', body, 'multipart/form-data; boundary=----postwire');
    assert.equal(res.status, 200, await res.clone().text());
    const { request: got, files } = node.get(CallLog).last();
    assert.deepEqual(got, request);
    assert.deepEqual(
      files.map((f) => ({ ...f, data: f.data.toString('hex') })),
      [
        { field: 'alternativefile', filename: 'body.ics', contentType: 'text/calendar', contentID: '', data: Buffer.from('BEGIN:VCALENDAR').toString('hex') },
        { field: 'inlinefile', filename: 'logo.png', contentType: 'image/png', contentID: '<logo@shop>', data: '89504e47' },
        { field: 'inlinefile', filename: 'x.gif', contentType: 'image/gif', contentID: '', data: Buffer.from('GIF89a').toString('hex') },
        // No Content-Type: left empty for Send to detect (mox 10.7).
        { field: 'attachedfile', filename: 'invoice.pdf', contentType: '', contentID: '<invoice@shop>', data: pdf.toString('hex') },
      ],
    );
  });

  test('FormData files arrive with their type and name', async () => {
    const form = new FormData();
    form.append('request', JSON.stringify({ To: [{ Address: 'alice@example.com' }], Text: 'x' }));
    form.append('attachedfile', new Blob(['a,b\n1,2\n'], { type: 'text/csv' }), 'report.csv');
    assert.equal((await call('Send', form)).status, 200);
    const [file] = node.get(CallLog).last().files;
    assert.equal(file.filename, 'report.csv');
    assert.equal(file.contentType, 'text/csv');
    assert.equal(file.data.toString(), 'a,b\n1,2\n');
  });

  test('a method without files refuses file parts', async () => {
    const body = multipart('b', [field('request', '{}'), { headers: ['Content-Disposition: form-data; name="attachedfile"; filename="a.txt"'], data: 'x' }]);
    const message = await protocolError(await call('SuppressionPresent', body, 'multipart/form-data; boundary=b'));
    assert.equal(message, 'unknown form field "attachedfile": the form holds the request object as JSON in field "request" (this method takes no files)');
  });

  test('a misspelled file part is refused, naming the right ones', async () => {
    const body = multipart('b', [field('request', '{}'), { headers: ['Content-Disposition: form-data; name="attachmentfile"; filename="a.txt"'], data: 'x' }]);
    const message = await protocolError(await call('Send', body, 'multipart/form-data; boundary=b'));
    assert.match(message, /unknown form field "attachmentfile".*file parts are named alternativefile, inlinefile, attachedfile/);
  });
});

describe('mox 10.5 and other refusals: protocol errors that say what to fix', () => {
  const cases: [string, { body?: RequestInit['body']; type?: string; says: RegExp }][] = [
    // fetch sends no Content-Type for bytes (a string would go as text/plain).
    ['no Content-Type', { body: Buffer.from('{}'), says: /^missing Content-Type: send the request object as JSON \(Content-Type: application\/json\), or as field "request" of a form/ }],
    ['a Content-Type that does not parse', { body: '{}', type: 'json', says: /^unknown content-type json: send the request object as JSON/ }],
    ['an unsupported Content-Type', { body: '{}', type: 'text/plain', says: /^unsupported content-type text\/plain: send the request object as JSON/ }],
    ['multipart without a boundary', { body: 'x', type: 'multipart/form-data', says: /without a boundary parameter/ }],
    ['mox: a multipart Content-Type with a non-multipart body', { body: 'request=%7B%7D', type: 'multipart/form-data; boundary=xyz', says: /^multipart body: the boundary "--xyz" from Content-Type does not occur; is the body really multipart\/form-data\?$/ }],
    ['mox: urlencoded without a request field', { body: '', type: 'application/x-www-form-urlencoded', says: /^missing\/empty request: the form needs a field "request" holding the request object as JSON, e.g. request=\{\}$/ }],
    ['an empty request field', { body: 'request=', type: 'application/x-www-form-urlencoded', says: /^missing\/empty request/ }],
    ['multipart without a request part', { body: multipart('b', []), type: 'multipart/form-data; boundary=b', says: /^missing\/empty request/ }],
    ['a misspelled form field', { body: 'requst=%7B%7D', type: 'application/x-www-form-urlencoded', says: /^unknown form field "requst": the form holds the request object as JSON in field "request"$/ }],
    ['two request fields', { body: 'request=%7B%7D&request=%7B%7D', type: 'application/x-www-form-urlencoded', says: /more than one field "request"/ }],
    ['mox: request=notjson', { body: 'request=notjson', type: 'application/x-www-form-urlencoded', says: /^request is not valid JSON: expected null, found 'o' at line 1, column 2: no$/ }],
    ['mox: request=[]', { body: 'request=%5B%5D', type: 'application/x-www-form-urlencoded', says: /^request must be a JSON object such as \{\}, not an array$/ }],
    ['a JSON body that is not an object', { body: '"hello"', type: 'application/json', says: /^request body must be a JSON object such as \{\}, not a string$/ }],
    ['a JSON body that is null', { body: 'null', type: 'application/json', says: /not null$/ }],
    ['an empty JSON body', { body: '', type: 'application/json', says: /^empty request body: send the request object, e\.g\. \{\} for a method without parameters$/ }],
    ['a JSON body with a syntax error', { body: '{\n  "EmailAddress": "a@example.com",\n}', type: 'application/json', says: /^request body is not valid JSON: expected a field name in double quotes, found '}' at line 3, column 1: .*"a@example.com", }$/ }],
    ['JSON in another charset', { body: '{}', type: 'application/json; charset=iso-8859-1', says: /^charset iso-8859-1 is not supported: JSON is sent as UTF-8/ }],
    ['JSON that is not UTF-8', { body: Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]), type: 'application/json', says: /^request body is not valid UTF-8$/ }],
    ['a misspelled field', { body: '{"EmailAdress":"a@example.com"}', type: 'application/json', says: /^unknown field "EmailAdress" \(did you mean "EmailAddress"\?\)$/ }],
    ['a field of the wrong type', { body: '{"EmailAddress":5}', type: 'application/json', says: /^request field "EmailAddress": must be string$/ }],
    ['an unknown field in the form encoding', { body: `request=${encodeURIComponent('{"Address":"a@example.com"}')}`, type: 'application/x-www-form-urlencoded', says: /^unknown field "Address" \(known fields: EmailAddress\)$/ }],
  ];
  test('a compressed body', async () => {
    const { gzipSync } = await import('node:zlib');
    const res = await call('SuppressionPresent', gzipSync('{}'), 'application/json', { 'content-encoding': 'gzip' });
    assert.equal(await protocolError(res), 'Content-Encoding gzip is not supported: send the body uncompressed');
  });

  for (const [name, { body, type, says }] of cases) {
    test(name, async () => {
      const before = node.get(CallLog).calls.length;
      assert.match(await protocolError(await call('SuppressionPresent', body, type)), says);
      assert.equal(node.get(CallLog).calls.length, before, 'the handler was not called');
    });
  }
});

describe('the size limit', () => {
  const tooLarge = async (res: Response) => {
    assert.equal(res.status, 413);
    const body = (await res.json()) as { Code: string; Message: string };
    assert.equal(body.Code, 'tooLarge');
    assert.match(body.Message, /^request body is larger than 8192 bytes, the limit of this server/);
  };
  const padded = (size: number) => {
    const text = JSON.stringify({ EmailAddress: 'suppressed@example.com' });
    return text.slice(0, -1) + ' '.repeat(size - text.length) + '}';
  };

  test('a body of exactly the limit is accepted', async () => {
    assert.equal((await call('SuppressionPresent', padded(8192), 'application/json')).status, 200);
  });

  test('a declared length over the limit: 413', async () => {
    await tooLarge(await call('SuppressionPresent', padded(8193), 'application/json'));
  });

  test('a chunked body that grows over the limit: 413', async () => {
    const chunks = [padded(9000).slice(0, 4000), padded(9000).slice(4000)];
    const stream = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    await tooLarge(await call('SuppressionPresent', stream, 'application/json'));
  });

  test('a multipart body over the limit: 413', async () => {
    const form = new FormData();
    form.append('request', JSON.stringify({ To: [{ Address: 'alice@example.com' }], Text: 'x' }));
    form.append('attachedfile', new Blob([Buffer.alloc(10000)]), 'big.bin');
    await tooLarge(await call('Send', form));
  });

  test('the limit applies after authentication: an anonymous big body gets 401', async () => {
    const res = await fetch(`${node.url}/webapi/v0/SuppressionPresent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: padded(20000) });
    assert.equal(res.status, 401);
  });

  test('the connection stays usable after a 413', async () => {
    await tooLarge(await call('SuppressionPresent', padded(8193), 'application/json'));
    assert.equal((await call('SuppressionPresent', padded(100), 'application/json')).status, 200);
  });
});

describe('answers', () => {
  test('mox 1.5: an ApiError keeps its code', async () => {
    const res = await call('SuppressionAdd', '{"EmailAddress":"a@example.com"}', 'application/json');
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { Code: 'error', Message: 'address already suppressed' });
  });

  test('an unexpected error is "server: unhandled error", without its message or stack', async () => {
    const res = await call('SuppressionList', '{}', 'application/json');
    assert.equal(res.status, 400);
    const text = await res.text();
    assert.equal(text, '{"Code":"server","Message":"unhandled error"}\n');
    assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  test('bytes are streamed with their content type, and never run as a page', async () => {
    const res = await call('MessageRawGet', '{"MsgID":1}', 'application/json');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/plain');
    assert.equal(res.headers.get('content-security-policy'), 'sandbox');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await res.text(), RAW_MESSAGE);
  });

  test('a bytes method fails with a JSON error like any other', async () => {
    const res = await call('MessageRawGet', '{"MsgID":2}', 'application/json');
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { Code: 'messageNotFound', Message: 'no message with id 2' });
  });

  test('NODE_ENV=test: an answer that does not match the spec is a loud 500', async () => {
    assert.equal(process.env.NODE_ENV, 'test');
    const res = await call('MessageGet', '{"MsgID":1}', 'application/json');
    assert.equal(res.status, 500);
    assert.match(await res.text(), /^500 - the response of webapi MessageGet does not match openapi\/webapi\.yaml: response field "Message": must be object/);
  });

  test('NODE_ENV=test: JSON where the spec says bytes is a loud 500', async () => {
    const res = await call('MessagePartGet', '{"MsgID":1,"PartPath":[]}', 'application/json');
    assert.equal(res.status, 500);
    assert.match(await res.text(), /the handler returned JSON where the spec has application\/octet-stream/);
  });

  test('a method of the spec that no capability offers yet is a server error', async () => {
    const res = await call('MessageDelete', '{"MsgID":1}', 'application/json');
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { Code: 'server', Message: 'webapi method MessageDelete is not available on this server yet' });
  });
});
