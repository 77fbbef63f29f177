// The file `postwire config export` writes and `postwire config import` reads: every domain, account and
// hold rule of the dynamic configuration, secrets included. Field names are camelCase like the bootstrap
// file's. On import, a field left out keeps its current value (or the default for a new entry), so a file
// may describe only what it changes.
export interface DkimKeyDocument {
  selector: string;
  /** Derived from the key; when given, it must match. */
  algorithm?: 'ed25519' | 'rsa';
  /** PKCS#8 PEM. */
  privateKey: string;
}

export interface DomainDocument {
  localpartCatchallSeparators?: string[];
  disabled?: boolean;
  dkimKeys?: DkimKeyDocument[];
}

export interface WebhookDocument {
  url: string;
  authorization?: string;
}

export interface OutgoingWebhookDocument extends WebhookDocument {
  events?: string[];
}

export interface AccountDocument {
  fullName?: string;
  /** The first is the account's first address; `@domain` is a catch-all. */
  addresses: string[];
  /** `scrypt$...`; "" for no password. */
  passwordHash?: string;
  loginDisabled?: string;
  noCustomPassword?: boolean;
  maxOutgoingMessagesPerDay?: number;
  maxFirstTimeRecipientsPerDay?: number;
  keepRetiredMessagePeriod?: string;
  keepRetiredWebhookPeriod?: string;
  outgoingWebhook?: OutgoingWebhookDocument | null;
  incomingWebhook?: WebhookDocument | null;
  webhookSecret?: string;
  fromIDLoginAddresses?: string[];
}

/**
 * Holds queued messages that match every field it sets; a field left out or "" matches any. Hold rules have
 * no name, so a rule is known by its fields: the IDs the store gave them are not part of the file.
 */
export interface HoldRuleDocument {
  account?: string;
  senderDomain?: string;
  recipientDomain?: string;
}

export interface ConfigDocument {
  domains: Record<string, DomainDocument | null>;
  accounts: Record<string, AccountDocument>;
  /** When present, every hold rule there is to be; absent, the rules in force stay (unless pruning). */
  holdRules?: HoldRuleDocument[];
}

export const CONFIG_DOCUMENT_HEADER = [
  'Postwire dynamic configuration: domains, accounts and hold rules (postwire config export).',
  'THIS FILE HOLDS SECRETS: password hashes, DKIM private keys, webhook secrets and webhook',
  'Authorization values. Keep it private, like a backup.',
  'Apply it with: postwire config import FILE (fields left out keep their current values).',
].join('\n');

const webhook = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: { url: { type: 'string' }, authorization: { type: 'string' } },
} as const;

export const configDocumentSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    domains: {
      type: ['object', 'null'],
      additionalProperties: {
        type: ['object', 'null'],
        additionalProperties: false,
        properties: {
          localpartCatchallSeparators: { type: 'array', items: { type: 'string' } },
          disabled: { type: 'boolean' },
          dkimKeys: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['selector', 'privateKey'],
              properties: { selector: { type: 'string' }, algorithm: { enum: ['ed25519', 'rsa'] }, privateKey: { type: 'string' } },
            },
          },
        },
      },
    },
    accounts: {
      type: ['object', 'null'],
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['addresses'],
        properties: {
          fullName: { type: 'string' },
          addresses: { type: 'array', minItems: 1, items: { type: 'string' } },
          passwordHash: { type: 'string' },
          loginDisabled: { type: 'string' },
          noCustomPassword: { type: 'boolean' },
          maxOutgoingMessagesPerDay: { type: 'integer', minimum: 0 },
          maxFirstTimeRecipientsPerDay: { type: 'integer', minimum: 0 },
          keepRetiredMessagePeriod: { type: 'string' },
          keepRetiredWebhookPeriod: { type: 'string' },
          outgoingWebhook: {
            oneOf: [{ type: 'null' }, { ...webhook, properties: { ...webhook.properties, events: { type: 'array', items: { type: 'string' } } } }],
          },
          incomingWebhook: { oneOf: [{ type: 'null' }, webhook] },
          webhookSecret: { type: 'string' },
          fromIDLoginAddresses: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    holdRules: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { account: { type: 'string' }, senderDomain: { type: 'string' }, recipientDomain: { type: 'string' } },
      },
    },
  },
} as const;
