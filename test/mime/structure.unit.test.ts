// structureOf gives mox's webhook.Structure (reference 1.6), quirks included.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMessage, structureOf } from '../../src/mime';

describe('structureOf', () => {
  it('matches mox for a typical message', () => {
    const input = Buffer.from(
      [
        'Content-Type: multipart/mixed; Boundary="B"; X-Extra=Keep-Case',
        '',
        '--B',
        'Content-Type: TEXT/Plain; CHARSET=UTF-8',
        '',
        'line one',
        'line two',
        '--B',
        '',
        'no content-type',
        '--B',
        'Content-Type: application/octet-stream; name="=?utf-8?b?w6TDtsO8LmJpbg==?="',
        'Content-Disposition: Attachment; size=3',
        'Content-Transfer-Encoding: base64',
        'Content-ID: <x1@example>',
        '',
        'AAEC',
        '--B',
        'Content-Type: message/rfc822',
        '',
        'Subject: enclosed',
        '',
        'hi',
        '--B--',
        '',
      ].join('\n'),
    );
    assert.deepEqual(structureOf(parseMessage(input)), {
      ContentType: 'multipart/mixed',
      ContentTypeParams: { boundary: 'B', 'x-extra': 'Keep-Case' },
      ContentID: '',
      ContentDisposition: '',
      Filename: '',
      DecodedSize: 0,
      Parts: [
        // Text counts CRLF line ends: "line one\r\nline two" is 18 bytes.
        { ContentType: 'text/plain', ContentTypeParams: { charset: 'UTF-8' }, ContentID: '', ContentDisposition: '', Filename: '', DecodedSize: 18, Parts: [] },
        // No Content-Type: the RFC 2045 default text/plain (mox would say "/").
        { ContentType: 'text/plain', ContentTypeParams: {}, ContentID: '', ContentDisposition: '', Filename: '', DecodedSize: 'no content-type'.length, Parts: [] },
        {
          ContentType: 'application/octet-stream',
          ContentTypeParams: { name: '=?utf-8?b?w6TDtsO8LmJpbg==?=' },
          ContentID: '<x1@example>',
          ContentDisposition: 'attachment',
          Filename: '\u00e4\u00f6\u00fc.bin',
          DecodedSize: 3,
          Parts: [],
        },
        // An enclosed message has no Parts of its own in mox's structure.
        { ContentType: 'message/rfc822', ContentTypeParams: {}, ContentID: '', ContentDisposition: '', Filename: '', DecodedSize: 'Subject: enclosed\n\nhi'.length, Parts: [] },
      ],
    });
  });

  it('counts a bare LF as CRLF in text parts only', () => {
    const text = structureOf(parseMessage(Buffer.from('Content-Type: text/html\n\na\nb\r\nc\n')));
    assert.equal(text.DecodedSize, 'a\r\nb\r\nc\r\n'.length);
    const binary = structureOf(parseMessage(Buffer.from('Content-Type: image/png\n\na\nb\r\nc\n')));
    assert.equal(binary.DecodedSize, 'a\nb\r\nc\n'.length);
  });

  it('uses application/octet-stream for a Content-Type it cannot read, like mox', () => {
    const s = structureOf(parseMessage(Buffer.from('Content-Type: ; charset=utf-8\r\n\r\nx')));
    assert.equal(s.ContentType, 'application/octet-stream');
  });

  it('decodes RFC 2231 disposition filenames with continuations', () => {
    const s = structureOf(parseMessage(Buffer.from("Content-Type: application/pdf\r\nContent-Disposition: attachment; filename*0*=utf-8'de'Bericht%20%C3%BC; filename*1=\".pdf\"\r\n\r\n")));
    assert.equal(s.Filename, 'Bericht \u00fc.pdf');
    assert.equal(s.ContentDisposition, 'attachment');
  });
});

describe('dates in the writer zone', () => {
  it('keeps the offset the Date header gave, as Go prints a parsed time', async () => {
    const { parseDateWithZone, formatRfc3339InZone } = await import('../../src/mime');
    const cases: [string, string][] = [
      ['Thu, 02 Jan 2025 10:00:00 +0100', '2025-01-02T10:00:00+01:00'],
      ['2 Jan 2025 10:00 -0530', '2025-01-02T10:00:00-05:30'],
      ['Thu, 02 Jan 2025 10:00:00 GMT', '2025-01-02T10:00:00Z'],
      ['Thu, 02 Jan 2025 10:00:00 EST', '2025-01-02T10:00:00-05:00'],
    ];
    for (const [header, want] of cases) assert.equal(formatRfc3339InZone(parseDateWithZone(header)!), want, header);
    assert.equal(parseDateWithZone('Thu, 02 Jan 2025 10:00:00 +0100')!.date.toISOString(), '2025-01-02T09:00:00.000Z');
  });
});
