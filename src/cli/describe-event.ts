// One readable line per event for `postwire audit`; unknown types show their data compactly.
type Data = Record<string, any>;

const describers: Record<string, (d: Data) => string> = {
  MessageQueued: (d) => {
    const r = d.Recipients?.[0] ?? {};
    return `queued by ${d.SenderAccount} via ${d.Source}: ${r.SenderLocalpart}@${r.SenderDomainStr} -> ${r.RecipientAddress}, ${d.MessageID}, subject ${JSON.stringify(d.Subject)}${r.Hold ? ', held by a rule' : ''}${d.FutureReleaseRequest ? `, release ${d.FutureReleaseRequest}` : ''}`;
  },
  DeliveryAttemptStarted: (d) => `attempt ${d.Attempt} started by ${d.Node}; if it fails temporarily, next at ${d.NextAttempt}`,
  DeliveryAttempted: (d) => `attempt ${d.Attempt}: ${result(d.Result)}${d.RemoteHost ? ` (${d.RemoteHost})` : ''}`,
  DeliveryDelayed: (d) => `delayed, next attempt ${d.NextAttempt}${d.DelayDSN ? '; delay notice sent to the sender' : ''}`,
  MessageDelivered: (d) => `delivered: ${result(d.Result)}`,
  MessageFailed: (d) => `failed (${d.Reason}): ${result(d.Result)}${d.Suppressing ? '; recipient suppressed' : ''}`,
  MessageSuppressed: (d) => `not delivered, recipient on the suppression list`,
  MessageCanceled: () => `canceled by admin`,
  MessageRetired: (d) => `retired (${d.Outcome})${d.KeepUntil ? `, kept until ${d.KeepUntil}` : ', not kept'}`,
  MessageHeld: (d) => (d.RuleID ? `held by rule ${d.RuleID}` : 'held'),
  MessageReleased: () => 'released',
  NextAttemptChanged: (d) => `next attempt set to ${d.NextAttempt}`,
  TransportChanged: (d) => `transport set to ${JSON.stringify(d.Transport)}`,
  RequireTLSChanged: (d) => `RequireTLS set to ${d.RequireTLS}`,
  DsnReceived: (d) => `${d.DSN ? 'DSN' : 'reply'} received: ${d.Event}${d.Result?.Code ? ` ${d.Result.Code}` : ''}${d.Suppressing ? '; recipient suppressed' : ''}`,
  RetiredMessageExpired: () => 'retired record removed (retention period over)',
  WebhookQueued: (d) => `webhook ${d.HookID} (${d.IsIncoming ? 'incoming' : d.OutgoingEvent}) queued for ${d.URL}`,
  WebhookAttemptStarted: (d) => `webhook ${d.HookID} attempt ${d.Attempt} started by ${d.Node}; if it fails, next at ${d.NextAttempt}`,
  WebhookNextAttemptChanged: (d) => `webhook ${d.HookID} next attempt set to ${d.NextAttempt}`,
  WebhookRetired: (d) => `webhook ${d.HookID} retired (${d.Success ? 'delivered' : 'not delivered'})${d.KeepUntil ? `, kept until ${d.KeepUntil}` : ', not kept'}`,
  RetiredWebhookExpired: (d) => `retired webhook ${d.HookID} removed (retention period over)`,
  WebhookAttempted: (d) => `webhook ${d.HookID} attempt ${d.Attempt}: ${d.Result?.Success ? 'ok' : 'failed'} ${d.Result?.Code || ''} ${d.Result?.Error ?? ''}`.replace(/ +/g, ' ').trimEnd(),
  WebhookDelivered: (d) => `webhook ${d.HookID} delivered`,
  WebhookFailed: (d) => `webhook ${d.HookID} failed for good after ${d.Attempts} attempts`,
  WebhookSuperseded: (d) => `webhook ${d.HookID} superseded by ${d.SupersededByID}`,
  WebhookCanceled: (d) => `webhook ${d.HookID} canceled by admin`,
};

function result(r: Data | undefined): string {
  if (!r) return '';
  const code = r.Code ? `${r.Code}${r.Secode ? ` ${Math.floor(r.Code / 100)}.${r.Secode}` : ''}` : '';
  return [r.Success ? 'ok' : '', code, r.Error].filter(Boolean).join(' ');
}

export function describeEvent(type: string, data: unknown): string {
  const describer = describers[type];
  if (describer) {
    try {
      return describer(data as Data);
    } catch {
      // fall through to the raw form
    }
  }
  const text = JSON.stringify(data);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
