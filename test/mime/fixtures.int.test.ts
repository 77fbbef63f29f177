// Parsing the MIME fixtures in test/mime/fixtures (files written for these tests): well-formed messages give
// the expected tree, malformed ones parse without throwing, quickly, and say what was wrong.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { collectProblems, decodedHeader, headerFirst, parseAddressList, parseMessage, partAtPath, readableParts, structureOf } from '../../src/mime';

const dir = join(__dirname, '../../../test/mime/fixtures');
const read = (name: string): Buffer => readFileSync(join(dir, name));

describe('MIME fixtures', () => {
  it('mixed-attachments.eml', () => {
    const root = parseMessage(read('mixed-attachments.eml'));
    assert.equal(decodedHeader(root, 'subject'), 'Pr\u00fcfung of \u2714 results');
    assert.deepEqual(parseAddressList(headerFirst(root.headers, 'from')!.value), [{ Name: 'J\u00fcrgen M\u00fcller', Address: 'juergen@sender.example' }]);
    assert.deepEqual(parseAddressList(headerFirst(root.headers, 'to')!.value).map((a) => a.Address), ['jane@receiver.example', 'kim@receiver.example', 'lee@receiver.example']);
    const s = structureOf(root);
    assert.deepEqual(s.Parts.map((p) => p.ContentType), ['multipart/alternative', 'application/pdf', 'text/plain']);
    assert.deepEqual(s.Parts[0].Parts.map((p) => [p.ContentType, p.DecodedSize]), [['text/plain', 28], ['text/html', 23]]);
    assert.deepEqual([s.Parts[1].Filename, s.Parts[1].ContentDisposition, s.Parts[1].ContentID, s.Parts[1].DecodedSize], ['Bericht \u00fc.pdf', 'attachment', '<part2@sender.example>', 9]);
    // mox looks at direct children first: the part without Content-Type is read before the alternative is entered.
    assert.deepEqual(readableParts(root), { Text: 'A part without Content-Type.', HTML: '', found: true });
    const text = partAtPath(root, [0, 0]);
    assert.ok(text.ok);
    assert.equal(text.content.toString('latin1'), 'Gr\u00fc\u00dfe,\r\ndas Ergebnis ist da.');
    assert.deepEqual(collectProblems(root), []);
  });

  it('iso-2022-jp.eml', () => {
    const root = parseMessage(read('iso-2022-jp.eml'));
    assert.equal(decodedHeader(root, 'subject'), '\u30c6\u30b9\u30c8');
    assert.equal(readableParts(root).Text, '\u3053\u3093\u306b\u3061\u306f\nline two\n');
    assert.equal(structureOf(root).DecodedSize, 28);
  });

  it('forwarded-message.eml', () => {
    const root = parseMessage(read('forwarded-message.eml'));
    const enclosed = root.parts[1];
    assert.equal(enclosed.contentType, 'message/rfc822');
    assert.equal(decodedHeader(enclosed.message!, 'subject'), 'original');
    assert.deepEqual(enclosed.message!.parts.map((p) => p.contentType), ['text/plain', 'text/html']);
    assert.deepEqual(structureOf(root).Parts[1].Parts, []);
    assert.deepEqual(readableParts(root), { Text: 'See below.', HTML: '', found: true });
  });

  for (const name of readdirSync(join(dir, 'malformed'))) {
    it(`malformed/${name} parses within bounds`, () => {
      const input = read(join('malformed', name));
      const started = performance.now();
      const root = parseMessage(input);
      structureOf(root);
      readableParts(root);
      partAtPath(root, [0]);
      assert.ok(performance.now() - started < 2000);
      assert.equal(root.bodyEnd, input.length);
      if (input.length > 0 && name !== 'truncated.eml') assert.ok(collectProblems(root).length > 0, 'problems are noted');
    });
  }
});
