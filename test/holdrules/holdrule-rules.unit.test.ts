// Hold rule matching (DESIGN §5: AND over the non-empty fields) and the add/remove decisions.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from '../../src/api/api-error';
import { decideHoldRule } from '../../src/holdrules/holdrule-commands';
import { firstMatchingRule, holdRuleMatches } from '../../src/holdrules/holdrule-matching';
import type { HoldRule } from '../../src/holdrules/holdrule-events';

const rule = (Account: string, SenderDomain: string, RecipientDomain: string) => ({ Account, SenderDomain, RecipientDomain });
const message = { SenderAccount: 'mjl', SenderDomain: 'mox.example', RecipientDomain: 'example.org' };

describe('matching', () => {
  const cases: [string, ReturnType<typeof rule>, boolean][] = [
    ['all fields empty: every message', rule('', '', ''), true],
    ['the account', rule('mjl', '', ''), true],
    ['another account', rule('other', '', ''), false],
    ['the sender domain', rule('', 'mox.example', ''), true],
    ['the recipient domain', rule('', '', 'example.org'), true],
    ['account and recipient domain both match', rule('mjl', '', 'example.org'), true],
    ['account matches, recipient domain does not (mox would hold a new message: OR)', rule('mjl', '', 'other.example'), false],
    ['recipient domain matches, account does not', rule('other', '', 'example.org'), false],
    ['all three match', rule('mjl', 'mox.example', 'example.org'), true],
    ['sender domain differs', rule('mjl', 'other.example', 'example.org'), false],
  ];
  for (const [name, r, want] of cases) test(name, () => assert.equal(holdRuleMatches(r, message), want));

  test('domains compare without case', () => {
    assert.equal(holdRuleMatches(rule('', '', 'example.org'), { ...message, RecipientDomain: 'EXAMPLE.org' }), true);
  });

  test('the first matching rule is the lowest ID', () => {
    const rules = [{ ID: 7, ...rule('', '', ''), SenderDomainStr: '', RecipientDomainStr: '' }, { ID: 3, ...rule('mjl', '', ''), SenderDomainStr: '', RecipientDomainStr: '' }] as HoldRule[];
    assert.equal(firstMatchingRule(rules, message)?.ID, 3);
    assert.equal(firstMatchingRule([], message), null);
  });
});

describe('decisions', () => {
  test('adding keeps both forms of each domain', () => {
    const [event] = decideHoldRule({ type: 'AddHoldRule', ID: 1, Account: 'mjl', SenderDomain: 'Bücher.Example', RecipientDomain: '' }, new Set());
    assert.deepEqual(event, {
      type: 'HoldRuleAdded',
      data: { ID: 1, Account: 'mjl', SenderDomain: 'xn--bcher-kva.example', RecipientDomain: '', SenderDomainStr: 'bücher.example', RecipientDomainStr: '' },
    });
  });
  test('a domain that does not parse is a user error', () => {
    assert.throws(() => decideHoldRule({ type: 'AddHoldRule', ID: 1, Account: '', SenderDomain: '', RecipientDomain: 'not a domain' }, new Set()), (err: unknown) => {
      assert.ok(err instanceof ApiError);
      assert.equal(err.code, 'user');
      assert.match(err.message, /RecipientDomain/);
      return true;
    });
  });
  test('removing an unknown rule is notFound; a known one is removed', () => {
    assert.throws(() => decideHoldRule({ type: 'RemoveHoldRule', ID: 9 }, new Set([1])), (err: unknown) => err instanceof ApiError && err.code === 'notFound');
    assert.deepEqual(decideHoldRule({ type: 'RemoveHoldRule', ID: 1 }, new Set([1])), [{ type: 'HoldRuleRemoved', data: { ID: 1 } }]);
  });
});
