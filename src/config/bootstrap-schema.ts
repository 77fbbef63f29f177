// JSON Schema of the bootstrap file (postwire.yaml): what a node needs before it can read anything else.
// Domains, accounts and hold rules are not here: they are event-sourced dynamic configuration.
export const bootstrapSchema = {
  $id: 'https://postwire.dev/schemas/bootstrap.json',
  type: 'object',
  additionalProperties: false,
  required: ['hostname', 'listeners'],
  properties: {
    hostname: {
      type: 'string',
      minLength: 1,
      pattern: '^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$',
      description: 'Name of this host: EHLO name, Message-ID domain, sender of DSN mails (postmaster@hostname).',
    },
    dataDir: { type: 'string', minLength: 1, description: 'Data directory, relative to this file. Default: ./data.' },
    eventStore: {
      type: 'object',
      additionalProperties: false,
      properties: {
        url: { type: 'string', pattern: '^(esdb|esdb\\+discover|kurrentdb|kurrentdb\\+discover)://', description: 'EventStoreDB connection string. EVENTSTORE_URL overrides it. Absent: the embedded SQLite store in the data directory.' },
      },
    },
    adminPasswordHash: { type: 'string', pattern: '^scrypt\\$', description: 'Hash of the admin password (postwire quickstart writes it).' },
    tls: {
      type: 'object',
      additionalProperties: false,
      required: ['certFile', 'keyFile'],
      properties: {
        certFile: { type: 'string', minLength: 1 },
        keyFile: { type: 'string', minLength: 1 },
      },
    },
    listeners: {
      type: 'object',
      minProperties: 1,
      additionalProperties: { $ref: '#/$defs/listener' },
    },
    transports: {
      type: 'object',
      description: 'Named ways to deliver instead of direct MX delivery; QueueTransportSet picks one per message.',
      additionalProperties: { $ref: '#/$defs/transport' },
    },
    delivery: {
      type: 'object',
      additionalProperties: false,
      properties: {
        defaultTransport: { type: 'string', description: 'Name of a transport for all mail; absent: direct delivery to MX hosts.' },
        concurrency: { type: 'integer', minimum: 1, maximum: 1000, description: 'Deliveries at once (default 10).' },
        perDomainConcurrency: { type: 'integer', minimum: 1, maximum: 100, description: 'Deliveries at once to one recipient domain (default 1, as mox).' },
        connectTimeoutSeconds: { type: 'integer', minimum: 1, maximum: 600 },
      },
    },
    webhooks: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowPrivateTargets: { type: 'boolean', description: 'Allow webhook URLs in loopback, private and link-local ranges (default false).' },
        concurrency: { type: 'integer', minimum: 1, maximum: 1000, description: 'Webhook calls at once (default 10).' },
      },
    },
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxMessageSize: { type: 'integer', minimum: 1024, description: 'Largest message accepted or composed, in bytes (default 104857600, 100 MiB).' },
        maxRequestSize: { type: 'integer', minimum: 1024, description: 'Largest HTTP request body, in bytes (default: 4/3 of maxMessageSize plus 1 MiB, room for a maximal message in base64; 140858710, about 134 MiB, with the default maxMessageSize).' },
      },
    },
  },
  $defs: {
    listener: {
      type: 'object',
      additionalProperties: false,
      required: ['ips'],
      properties: {
        ips: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
        smtp: {
          type: 'object',
          additionalProperties: false,
          properties: {
            enabled: { type: 'boolean' },
            port: { $ref: '#/$defs/port' },
          },
        },
        submission: {
          type: 'object',
          additionalProperties: false,
          properties: {
            enabled: { type: 'boolean' },
            port: { $ref: '#/$defs/port' },
            requireTLS: { type: 'boolean', description: 'Refuse AUTH before STARTTLS (default true).' },
          },
        },
        http: {
          type: 'object',
          additionalProperties: false,
          properties: {
            enabled: { type: 'boolean' },
            port: { $ref: '#/$defs/port' },
            tls: { type: 'boolean', description: 'Serve HTTPS with the tls certificate.' },
            forwarded: { type: 'boolean', description: 'Take the client IP from X-Forwarded-For (behind a proxy).' },
            webapi: { type: 'boolean', description: 'Serve /webapi/ (default off).' },
            adminapi: { type: 'boolean', description: 'Serve /adminapi/ (default off).' },
            adminPages: { type: 'boolean', description: 'Serve /admin/ (default off).' },
            accountPages: { type: 'boolean', description: 'Serve /account/ (default off).' },
            metrics: { type: 'boolean', description: 'Serve /metrics (default off).' },
          },
        },
      },
    },
    transport: {
      type: 'object',
      additionalProperties: false,
      required: ['host'],
      properties: {
        host: { type: 'string', minLength: 1 },
        port: { $ref: '#/$defs/port' },
        security: { enum: ['starttls', 'tls', 'none'], description: 'Default starttls.' },
        username: { type: 'string' },
        password: { type: 'string' },
      },
    },
    port: { type: 'integer', minimum: 1, maximum: 65535 },
  },
} as const;
