// A message's recorded history (DeliveryHistory) as a timeline: for each event its time, what kind of
// event it is, one sentence on what happened, and the event's data for those who want every detail.
// Event types the page does not know yet still show, with their data.
import { h } from './dom.js';
import { localTime, smtpCode, time } from './format.js';
import type { DeliveryEvent } from './types.js';

type Data = Record<string, any>;
type Tone = 'ok' | 'bad' | 'warn' | 'info';

interface Describer {
  label: string;
  tone: Tone;
  text(d: Data): string;
}

function result(r: Data | undefined): string {
  if (!r) return '';
  return [smtpCode(r.Code ?? 0, r.Secode ?? ''), r.Error].filter(Boolean).join(' ');
}

const when = (iso: unknown) => (typeof iso === 'string' ? localTime(iso) : String(iso));

const DESCRIBERS: Record<string, Describer> = {
  MessageQueued: {
    label: 'Queued',
    tone: 'info',
    text: (d) => {
      const r = d.Recipients?.[0] ?? {};
      return `Queued by account ${d.SenderAccount} (${d.Source}) from ${r.SenderLocalpart}@${r.SenderDomainStr} to ${r.RecipientAddress}, subject “${d.Subject}”.${r.Hold ? ' Put on hold by a hold rule.' : ''}${d.FutureReleaseRequest ? ` First attempt held back until ${d.FutureReleaseRequest}.` : ''}`;
    },
  },
  DeliveryAttemptStarted: { label: 'Attempt started', tone: 'info', text: (d) => `Attempt ${d.Attempt} started${d.Node ? ` on ${d.Node}` : ''}.` },
  DeliveryAttempted: {
    label: 'Attempt finished',
    tone: 'info',
    text: (d) => `Attempt ${d.Attempt}${d.RemoteHost ? ` at ${d.RemoteHost}` : ''}: ${d.Result?.Success ? 'accepted' : d.Permanent ? 'refused for good' : 'failed for now'}${result(d.Result) ? ` (${result(d.Result)})` : ''}.`,
  },
  DeliveryDelayed: { label: 'Delayed', tone: 'warn', text: (d) => `Delivery delayed; next attempt ${when(d.NextAttempt)}.${d.DelayDSN ? ' A delay notice was sent to the sender.' : ''}` },
  MessageDelivered: { label: 'Delivered', tone: 'ok', text: (d) => `Delivered: the next hop accepted the message${result(d.Result) ? ` (${result(d.Result)})` : ''}.` },
  MessageFailed: { label: 'Failed', tone: 'bad', text: (d) => `Failed${d.Reason ? ` (${d.Reason})` : ''}${result(d.Result) ? `: ${result(d.Result)}` : ''}.${d.Suppressing ? ' The recipient was added to the suppression list.' : ''}` },
  MessageSuppressed: { label: 'Suppressed', tone: 'bad', text: () => 'Not delivered: the recipient is on the suppression list.' },
  MessageCanceled: { label: 'Dropped', tone: 'bad', text: () => 'Dropped from the queue by the administrator.' },
  MessageRetired: { label: 'Retired', tone: 'info', text: (d) => `Left the queue (${d.Outcome}).${d.KeepUntil ? ` The record is kept until ${when(d.KeepUntil)}.` : ' The record is not kept.'}` },
  MessageHeld: { label: 'Held', tone: 'warn', text: (d) => (d.RuleID ? `Put on hold by hold rule ${d.RuleID}.` : 'Put on hold.') },
  MessageReleased: { label: 'Released', tone: 'info', text: () => 'Released from hold.' },
  NextAttemptChanged: { label: 'Rescheduled', tone: 'info', text: (d) => `Next attempt set to ${when(d.NextAttempt)}.` },
  TransportChanged: { label: 'Transport changed', tone: 'info', text: (d) => (d.Transport ? `Transport set to “${d.Transport}”.` : 'Transport set to default routing.') },
  RequireTLSChanged: { label: 'RequireTLS changed', tone: 'info', text: (d) => `RequireTLS set to ${d.RequireTLS === null ? 'the recipient domain’s policy' : d.RequireTLS}.` },
  DsnReceived: {
    label: 'Bounce received',
    tone: 'warn',
    text: (d) => `${d.DSN ? 'A delivery status notification' : 'A reply'} arrived: ${d.Event}${result(d.Result) ? ` (${result(d.Result)})` : ''}.${d.Suppressing ? ' The recipient was added to the suppression list.' : ''}`,
  },
  RetiredMessageExpired: { label: 'Record removed', tone: 'info', text: () => 'The retired record was removed at the end of its retention period; this history stays.' },
  WebhookQueued: { label: 'Webhook queued', tone: 'info', text: (d) => `Webhook ${d.HookID} (${d.IsIncoming ? 'incoming' : d.OutgoingEvent}) queued for ${d.URL}.` },
  WebhookAttempted: {
    label: 'Webhook called',
    tone: 'info',
    text: (d) => `Webhook call ${d.Attempt ?? ''}: ${d.Result?.Success ? 'accepted' : 'failed'}${d.Result?.Code ? ` with HTTP ${d.Result.Code}` : ''}${d.Result?.Error ? `: ${d.Result.Error}` : ''}.`,
  },
  WebhookDelivered: { label: 'Webhook delivered', tone: 'ok', text: () => 'The webhook was delivered.' },
  WebhookFailed: { label: 'Webhook failed', tone: 'bad', text: () => 'The webhook failed for good after its last attempt.' },
  WebhookSuperseded: { label: 'Webhook superseded', tone: 'info', text: (d) => `The webhook was replaced by a newer one (${d.SupersededByID}).` },
  WebhookCanceled: { label: 'Webhook canceled', tone: 'bad', text: () => 'The webhook was canceled by the administrator.' },
};

export function describe(event: DeliveryEvent): { label: string; tone: Tone; text: string } {
  const d = DESCRIBERS[event.Type];
  if (d) {
    try {
      return { label: d.label, tone: d.tone, text: d.text(event.Data) };
    } catch {
      // An older or newer shape of the data: show it raw below.
    }
  }
  return { label: event.Type, tone: 'info', text: '' };
}

export function timeline(events: DeliveryEvent[]): HTMLElement {
  if (events.length === 0) return h('p', { class: 'empty' }, 'No events recorded.');
  return h(
    'ol',
    { class: 'timeline' },
    ...events.map((event) => {
      const { label, tone, text } = describe(event);
      return h(
        'li',
        { class: `event ${tone}`, 'data-type': event.Type },
        h('div', { class: 'event-head' }, time(event.Time), ' ', h('strong', { class: 'event-type' }, label)),
        text ? h('p', { class: 'event-text' }, text) : null,
        h('details', null, h('summary', null, `Data of ${event.Type}`), h('pre', null, JSON.stringify(event.Data, null, 2))),
      );
    }),
  );
}
