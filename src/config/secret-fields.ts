// Which configuration events carry secrets, and a copy of an event without them: for anything that shows
// the event log to people who should not hold the keys (auditors, `postwire events export`, history pages).
// The event log itself must keep them: it is the only source of truth.

const REDACTED = '(secret)';

/** The secret fields of each configuration event type, as paths into `data`. */
export const SECRET_FIELDS: Record<string, readonly (readonly string[])[]> = {
  AccountPasswordChanged: [['PasswordHash']],
  DomainDKIMKeyAdded: [['PrivateKeyPem']],
  WebhookSecretChanged: [['Secret']],
  OutgoingWebhookChanged: [['OutgoingWebhook', 'Authorization']],
  IncomingWebhookChanged: [['IncomingWebhook', 'Authorization']],
  // The webhook queue copies the account's Authorization value into each queued webhook.
  WebhookQueued: [['Authorization']],
};

/** The event's data with every non-empty secret replaced by "(secret)"; other events unchanged. */
export function redactConfigSecrets<E extends { type: string; data: unknown }>(event: E): E {
  const paths = SECRET_FIELDS[event.type];
  if (!paths) return event;
  const data = structuredClone(event.data) as Record<string, unknown>;
  for (const path of paths) {
    let node: Record<string, unknown> | null = data;
    for (const key of path.slice(0, -1)) node = (node?.[key] as Record<string, unknown> | null) ?? null;
    const last = path[path.length - 1];
    if (node && typeof node[last] === 'string' && node[last] !== '') node[last] = REDACTED;
  }
  return { ...event, data };
}
