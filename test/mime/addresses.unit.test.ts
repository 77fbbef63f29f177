// Address lists in header fields (RFC 5322 §3.4).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAddressList } from '../../src/mime';

describe('parseAddressList', () => {
  const cases: Array<[string, Array<{ Name: string; Address: string }>]> = [
    ['Jane Doe <jane@example.org>', [{ Name: 'Jane Doe', Address: 'jane@example.org' }]],
    ['"Doe, Jane" <jane@example.org>, bob@example.org', [{ Name: 'Doe, Jane', Address: 'jane@example.org' }, { Name: '', Address: 'bob@example.org' }]],
    ['bob@example.org (Bob Smith)', [{ Name: 'Bob Smith', Address: 'bob@example.org' }]],
    ['team: a@example.org, "B" <b@example.org>;, c@example.org', [{ Name: '', Address: 'a@example.org' }, { Name: 'B', Address: 'b@example.org' }, { Name: '', Address: 'c@example.org' }]],
    ['undisclosed-recipients:;', []],
    ['=?utf-8?q?J=C3=BCrgen?= <j@example.org>', [{ Name: 'J\u00fcrgen', Address: 'j@example.org' }]],
    ['"=?utf-8?b?5L2g5aW9?=" <nihao@example.org>', [{ Name: '\u4f60\u597d', Address: 'nihao@example.org' }]],
    ['<@relay.example:route@example.org>', [{ Name: '', Address: 'route@example.org' }]],
    ['"odd local"@example.org', [{ Name: '', Address: '"odd local"@example.org' }]],
    ['Name (comment) <n@example.org> (trailing)', [{ Name: 'Name', Address: 'n@example.org' }]],
    ['not an address, , <ok@example.org>', [{ Name: '', Address: 'ok@example.org' }]],
    ['Broken <unclosed@example.org', [{ Name: 'Broken', Address: 'unclosed@example.org' }]],
    ['', []],
  ];
  for (const [input, want] of cases) it(JSON.stringify(input), () => assert.deepEqual(parseAddressList(input), want));

  it('never throws on garbage', () => {
    for (const junk of ['<<<<>>>>', '(((((', '"""', '@@@,;;::', '\u0000\u0001', 'a'.repeat(100000)]) {
      assert.doesNotThrow(() => parseAddressList(junk));
    }
  });
});
