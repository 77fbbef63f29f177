// The first readable text/plain and text/html, as mox's webops.ReadableParts picks them (reference 1.12).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMessage, readableParts } from '../../src/mime';

const parse = (lines: string[]) => parseMessage(Buffer.from(lines.join('\r\n')));

describe('readableParts', () => {
  const cases: Array<[string, string[], { Text: string; HTML: string; found: boolean }]> = [
    ['top-level text, CRLF to LF', ['Content-Type: text/plain', '', 'a', 'b'], { Text: 'a\nb', HTML: '', found: true }],
    ['top-level without Content-Type counts as text', ['Subject: x', '', 'plain'], { Text: 'plain', HTML: '', found: true }],
    ['top-level html', ['Content-Type: text/html', '', '<b>x</b>'], { Text: '', HTML: '<b>x</b>', found: true }],
    ['top-level other type', ['Content-Type: image/png', '', 'x'], { Text: '', HTML: '', found: false }],
    [
      'multipart/mixed stops at the first readable part',
      ['Content-Type: multipart/mixed; boundary=b', '', '--b', 'Content-Type: text/html', '', '<i>h</i>', '--b', 'Content-Type: text/plain', '', 't', '--b--'],
      { Text: '', HTML: '<i>h</i>', found: true },
    ],
    [
      'multipart/alternative collects both; the last text wins',
      ['Content-Type: multipart/alternative; boundary=b', '', '--b', 'Content-Type: text/plain', '', 't1', '--b', 'Content-Type: text/html', '', '<p>h</p>', '--b', 'Content-Type: text/plain', '', 't2', '--b--'],
      { Text: 't2', HTML: '<p>h</p>', found: true },
    ],
    [
      'descends into sub-parts when no direct child is readable',
      ['Content-Type: multipart/mixed; boundary=o', '', '--o', 'Content-Type: multipart/alternative; boundary=i', '', '--i', 'Content-Type: text/plain', '', 'deep', '--i', 'Content-Type: text/html', '', '<p>deep</p>', '--i--', '--o', 'Content-Type: application/pdf', '', 'x', '--o--'],
      { Text: 'deep', HTML: '<p>deep</p>', found: true },
    ],
    [
      'does not enter an enclosed message',
      ['Content-Type: multipart/mixed; boundary=o', '', '--o', 'Content-Type: message/rfc822', '', 'Subject: s', '', 'inner', '--o--'],
      { Text: '', HTML: '', found: false },
    ],
  ];
  for (const [name, lines, want] of cases) {
    it(name, () => assert.deepEqual(readableParts(parse(lines)), want));
  }

  it('converts the charset and the transfer encoding', () => {
    const root = parse(['Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: quoted-printable', '', 'Gr=FC=DFe=', ' aus K=F6ln']);
    assert.equal(readableParts(root).Text, 'Gr\u00fc\u00dfe aus K\u00f6ln');
  });

  it('reads ISO-2022-JP', () => {
    const body = Buffer.concat([Buffer.from('Content-Type: text/plain; charset=ISO-2022-JP\r\n\r\n'), Buffer.from([0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x1b, 0x28, 0x42])]);
    assert.equal(readableParts(parseMessage(body)).Text, '\u65e5\u672c');
  });

  it('reads the bytes as UTF-8 when the charset is unknown', () => {
    assert.equal(readableParts(parse(['Content-Type: text/plain; charset=x-no-such-charset', '', 'caf\u00e9'])).Text, 'caf\u00e9');
  });

  it('cuts at 1 MiB of UTF-8, counted with CRLF line ends', () => {
    const line = 'x'.repeat(1022);
    const root = parseMessage(Buffer.from(`Content-Type: text/plain\n\n${`${line}\n`.repeat(1100)}`));
    const text = readableParts(root).Text;
    // 1024 lines of 1022 bytes + CRLF make exactly 1 MiB; every line kept ends in LF.
    assert.equal(text.length, 1024 * 1024 - 1024);
    assert.ok(text.endsWith(`${line}\n`));
  });
});
