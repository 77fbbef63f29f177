import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConnectionString, withoutCredentials } from '../../../src/event-store/esdb/connection-string';

const good: [string, { given: string; location: string; full: string }][] = [
  ['a single insecure node', { given: 'esdb://localhost:2113?tls=false', location: 'esdb://localhost:2113?tls=false', full: 'esdb://localhost:2113?tls=false' }],
  ['credentials, kept out of the location', { given: 'esdb://admin:changeit@db.example:2113', location: 'esdb://db.example:2113', full: 'esdb://admin:changeit@db.example:2113' }],
  [
    'a cluster with discovery',
    {
      given: 'esdb+discover://ops:s3cret@cluster.example:2113?nodePreference=leader',
      location: 'esdb+discover://cluster.example:2113?nodePreference=leader',
      full: 'esdb+discover://ops:s3cret@cluster.example:2113?nodePreference=leader',
    },
  ],
  [
    'several hosts and options spelled with dashes',
    {
      given: ' esdb://a:2113,b:2113?tls=false&keep-alive-timeout=20000 ',
      location: 'esdb://a:2113,b:2113?tls=false&keep-alive-timeout=20000',
      full: 'esdb://a:2113,b:2113?tls=false&keep-alive-timeout=20000',
    },
  ],
  ['the KurrentDB scheme (same protocol)', { given: 'kurrentdb://u:p@db.example:2113?tls=false', location: 'kurrentdb://db.example:2113?tls=false', full: 'esdb://u:p@db.example:2113?tls=false' }],
  ['KurrentDB with discovery', { given: 'kurrentdb+discover://db.example:2113', location: 'kurrentdb+discover://db.example:2113', full: 'esdb+discover://db.example:2113' }],
];
for (const [name, { given, location, full }] of good) {
  test(`accepts ${name}`, () => {
    assert.deepEqual(parseConnectionString(given), { location, full });
  });
}

const bad: [string, { given: unknown; says: RegExp }][] = [
  ['nothing', { given: undefined, says: /connection string is required/ }],
  ['an empty string', { given: '  ', says: /connection string is required/ }],
  ['another scheme', { given: 'https://admin:hunter2@db.example:2113', says: /must start with esdb:\/\/, esdb\+discover:\/\/, kurrentdb:\/\/ or kurrentdb\+discover:\/\// }],
  ['an unknown option', { given: 'esdb://admin:hunter2@db.example:2113?tls=false&colour=blue', says: /unknown option "colour"/ }],
  ['tlsVerifyCert, which the client ignores', { given: 'esdb://admin:hunter2@db.example:2113?tlsVerifyCert=false', says: /tlsVerifyCert is not supported/ }],
  ['throwOnAppendFailure, which would hide conflicts', { given: 'esdb://admin:hunter2@db.example?throwOnAppendFailure=false', says: /throwOnAppendFailure cannot be changed/ }],
  ['a port that is not a number', { given: 'esdb://admin:hunter2@db.example:21x3', says: /invalid EventStoreDB connection string esdb:\/\/db\.example:21x3/ }],
  ['a port out of range', { given: 'esdb://admin:hunter2@db.example:70000', says: /"db\.example:70000" is not host:port/ }],
  ['a missing host', { given: 'esdb://admin:hunter2@:2113', says: /a host name is missing/ }],
  ['a boolean option with another value', { given: 'esdb://admin:hunter2@db.example:2113?tls=maybe', says: /true or false/ }],
];
for (const [name, { given, says }] of bad) {
  test(`refuses ${name}, naming the problem and never the password`, () => {
    assert.throws(
      () => parseConnectionString(given),
      (error: Error) => {
        assert.ok(error instanceof TypeError);
        assert.match(error.message, says);
        assert.doesNotMatch(error.message, /hunter2/);
        return true;
      },
    );
  });
}

test('withoutCredentials leaves strings without credentials alone', () => {
  assert.equal(withoutCredentials('esdb://db.example:2113?tls=false'), 'esdb://db.example:2113?tls=false');
  assert.equal(withoutCredentials('esdb://u:p@db.example:2113'), 'esdb://db.example:2113');
});
