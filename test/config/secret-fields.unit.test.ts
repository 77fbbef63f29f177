import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactConfigSecrets } from '../../src/config/secret-fields';

describe('redactConfigSecrets', () => {
  for (const [name, event, want] of [
    ['a password hash', { type: 'AccountPasswordChanged', data: { Account: 'a', PasswordHash: 'scrypt$x' } }, { Account: 'a', PasswordHash: '(secret)' }],
    ['a DKIM private key', { type: 'DomainDKIMKeyAdded', data: { Domain: 'd', Selector: 's', PrivateKeyPem: 'PEM', PublicKey: 'p' } }, { Domain: 'd', Selector: 's', PrivateKeyPem: '(secret)', PublicKey: 'p' }],
    ['a webhook secret', { type: 'WebhookSecretChanged', data: { Account: 'a', Secret: 'whsec_x' } }, { Account: 'a', Secret: '(secret)' }],
    ['a cleared webhook secret stays empty', { type: 'WebhookSecretChanged', data: { Account: 'a', Secret: '' } }, { Account: 'a', Secret: '' }],
    ['an Authorization header', { type: 'OutgoingWebhookChanged', data: { Account: 'a', OutgoingWebhook: { URL: 'u', Authorization: 'Bearer x', Events: [] } } }, { Account: 'a', OutgoingWebhook: { URL: 'u', Authorization: '(secret)', Events: [] } }],
    ['a cleared webhook', { type: 'IncomingWebhookChanged', data: { Account: 'a', IncomingWebhook: null } }, { Account: 'a', IncomingWebhook: null }],
    ['another event', { type: 'AccountAdded', data: { Account: 'a' } }, { Account: 'a' }],
  ] as const) {
    it(`handles ${name}`, () => {
      const original = structuredClone(event);
      assert.deepEqual(redactConfigSecrets(event).data, want);
      assert.deepEqual(event, original, 'the original event is not changed');
    });
  }
});
