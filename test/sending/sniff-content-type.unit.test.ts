// Content-type detection for files without a type, as Go's http.DetectContentType answers for the common
// types (mox uses it); application/octet-stream becomes "" (no Content-Type header).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sniffContentType } from '../../src/sending/sniff-content-type';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const cases: [string, Buffer, string][] = [
  ['PDF', bytes('%PDF-1.7\n...'), 'application/pdf'],
  ['PNG', bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13]), 'image/png'],
  ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
  ['GIF87a', bytes('GIF87a\x01\x00'), 'image/gif'],
  ['GIF89a', bytes('GIF89a\x01\x00'), 'image/gif'],
  ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
  ['RIFF that is not WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ', [0, 1, 2]), ''],
  ['ZIP', bytes('PK\x03\x04\x14\x00'), 'application/zip'],
  ['gzip', bytes([0x1f, 0x8b, 0x08, 0, 0, 0]), 'application/x-gzip'],
  ['HTML document', bytes('<!DOCTYPE html>\n<html>'), 'text/html; charset=utf-8'],
  ['HTML after white space, lower case', bytes('\r\n  <html><body>'), 'text/html; charset=utf-8'],
  ['HTML comment', bytes('<!-- x -->'), 'text/html; charset=utf-8'],
  ['a tag must end in a space or >', bytes('<htmlx>'), 'text/plain; charset=utf-8'],
  ['XML', bytes('<?xml version="1.0"?><a/>'), 'text/xml; charset=utf-8'],
  ['plain text', bytes('hello, world\n'), 'text/plain; charset=utf-8'],
  ['UTF-8 text', Buffer.from('Grüße\n', 'utf8'), 'text/plain; charset=utf-8'],
  ['UTF-8 byte order mark', bytes([0xef, 0xbb, 0xbf], 'x'), 'text/plain; charset=utf-8'],
  ['UTF-16LE byte order mark', bytes([0xff, 0xfe], 'x\x00'), 'text/plain; charset=utf-16le'],
  ['empty', Buffer.alloc(0), 'text/plain; charset=utf-8'],
  ['binary', bytes([0x00, 0x01, 0x02, 0x03, 0x10]), ''],
  ['binary after 512 bytes of text is not seen', Buffer.concat([Buffer.alloc(512, 0x61), Buffer.from([0, 1, 2])]), 'text/plain; charset=utf-8'],
];

for (const [name, data, want] of cases) {
  test(name, () => assert.equal(sniffContentType(data), want));
}
