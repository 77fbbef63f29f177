// SMTP replies as the queue records them: code, short enhanced code, mox's text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReply, replyError, UNEXPECTED_STATUS } from '../../src/delivery/attempt-error';

describe('reply parsing', () => {
  const cases: [string, { reply: string; code: number; secode: string; lines: number }][] = [
    ['with enhanced code', { reply: '550 5.1.1 no such user', code: 550, secode: '1.1', lines: 1 }],
    ['without enhanced code', { reply: '451 try later', code: 451, secode: '', lines: 1 }],
    ['class mismatch ignored', { reply: '550 4.1.1 odd', code: 550, secode: '', lines: 1 }],
    ['multi-line', { reply: '554-5.7.1 blocked\n554 5.7.1 see https://example.org', code: 554, secode: '7.1', lines: 2 }],
    ['three-digit detail', { reply: '554 5.7.30 requiretls', code: 554, secode: '7.30', lines: 1 }],
  ];
  for (const [name, { reply, code, secode, lines }] of cases) {
    it(name, () => {
      const parsed = parseReply(reply)!;
      assert.equal(parsed.code, code);
      assert.equal(parsed.secode, secode);
      assert.equal(parsed.lines.length, lines);
    });
  }

  it('is null for text that is no reply', () => assert.equal(parseReply('Connection closed'), null));

  it('texts say permanent for 5xx and transient for 4xx, ending in the reply line', () => {
    const p = replyError('delivering message to mx.example: ', UNEXPECTED_STATUS, parseReply('550 5.1.1 no such user')!);
    assert.equal(p.text, 'delivering message to mx.example: remote smtp server sent unexpected response status code, permanent: 550 5.1.1 no such user');
    assert.equal(p.permanent, true);
    const t = replyError('', UNEXPECTED_STATUS, parseReply('451 4.7.1 greylisted')!);
    assert.equal(t.text, 'remote smtp server sent unexpected response status code, transient: 451 4.7.1 greylisted');
    assert.equal(t.permanent, false);
  });
});
