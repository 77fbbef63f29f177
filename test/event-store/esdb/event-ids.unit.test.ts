import assert from 'node:assert/strict';
import { test } from 'node:test';
import { esdbEventId, isCanonicalUuid, nameBasedUuid } from '../../../src/event-store/esdb/event-ids';

test('name-based UUIDs follow RFC 9562 (appendix A.4 example: www.example.com in the DNS namespace)', () => {
  assert.equal(nameBasedUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
});

test('the same caller id always maps to the same UUID, and different ids to different ones', () => {
  assert.equal(nameBasedUuid('cmd-1:0'), nameBasedUuid('cmd-1:0'));
  assert.notEqual(nameBasedUuid('cmd-1:0'), nameBasedUuid('cmd-1:1'));
  const uuid = nameBasedUuid('cmd-1:0');
  assert.ok(isCanonicalUuid(uuid));
  assert.equal(uuid[14], '5', 'version 5');
  assert.ok('89ab'.includes(uuid[19]!), 'RFC variant');
});

const cases: [string, { given: string; passesThrough: boolean }][] = [
  ['a lower-case UUID is sent as it is', { given: '0b4a3c1e-6f5d-4e2a-9c8b-7a6f5e4d3c2b', passesThrough: true }],
  ['an upper-case UUID is mapped (EventStoreDB would return it in lower case)', { given: '0B4A3C1E-6F5D-4E2A-9C8B-7A6F5E4D3C2B', passesThrough: false }],
  ['a command id with an index is mapped', { given: 'send-7f3a:2', passesThrough: false }],
  ['a UUID with braces is mapped', { given: '{0b4a3c1e-6f5d-4e2a-9c8b-7a6f5e4d3c2b}', passesThrough: false }],
];
for (const [name, { given, passesThrough }] of cases) {
  test(name, () => {
    const id = esdbEventId(given);
    assert.ok(isCanonicalUuid(id.uuid));
    if (passesThrough) assert.deepEqual(id, { uuid: given });
    else assert.deepEqual(id, { uuid: nameBasedUuid(given), original: given });
  });
}
