// Amazon SES notifications sent by email (SNS email subscriptions): a JSON document with notificationType
// (or eventType) Bounce, Complaint or Delivery, possibly wrapped in an SNS envelope whose Message field holds
// the JSON as a string. https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html
import { cleanAddress } from './address';
import { bestStatusIn, replyCodeIn } from './status-codes';
import type { DsnAction } from './types';

export interface SesRecipient {
  address: string;
  action: DsnAction;
  status: string;
  diagnostic: string;
  replyCode: number | null;
  /** SES's own verdict: bounceType Permanent (true), Transient (false), absent (null). */
  permanentType: boolean | null;
  bounceSubType: string;
}

export interface SesNotification {
  kind: 'bounce' | 'complaint' | 'delivery' | 'other';
  recipients: SesRecipient[];
}

/** The first balanced JSON object in a text, parsed; null when there is none. */
function firstJsonObject(text: string): unknown {
  const start = text.indexOf('{');
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length && i - start < 4_000_000; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      try {
        return JSON.parse(text.slice(start, i + 1));
      } catch {
        return null;
      }
    }
  }
  return null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function readSesNotification(text: string): SesNotification | null {
  if (!text.includes('{')) return null;
  let doc = firstJsonObject(text);
  if (isObject(doc) && typeof doc.Message === 'string' && (doc.Type === 'Notification' || 'TopicArn' in doc)) {
    doc = firstJsonObject(doc.Message);
  }
  if (!isObject(doc)) return null;
  const type = str(doc.notificationType) || str(doc.eventType);
  if (type === 'Bounce' && isObject(doc.bounce)) {
    const bounce = doc.bounce;
    const bounceType = str(bounce.bounceType);
    const list = Array.isArray(bounce.bouncedRecipients) ? bounce.bouncedRecipients : [];
    const recipients: SesRecipient[] = [];
    for (const r of list) {
      if (!isObject(r)) continue;
      const address = cleanAddress(str(r.emailAddress));
      if (!address) continue;
      const diagnostic = str(r.diagnosticCode).replace(/^smtp;\s*/i, '');
      const action = str(r.action).toLowerCase();
      recipients.push({
        address,
        action: action === 'delayed' ? 'delayed' : 'failed',
        status: str(r.status) || bestStatusIn(diagnostic),
        diagnostic,
        replyCode: replyCodeIn(diagnostic),
        permanentType: bounceType === 'Permanent' ? true : bounceType === 'Transient' ? false : null,
        bounceSubType: str(bounce.bounceSubType),
      });
    }
    return { kind: 'bounce', recipients };
  }
  if (type === 'Delivery' && isObject(doc.delivery)) {
    const delivery = doc.delivery;
    const response = str(delivery.smtpResponse);
    const list = Array.isArray(delivery.recipients) ? delivery.recipients : [];
    const recipients: SesRecipient[] = [];
    for (const r of list) {
      const address = cleanAddress(str(r));
      if (!address) continue;
      recipients.push({
        address,
        action: 'delivered',
        status: bestStatusIn(response) || '2.0.0',
        diagnostic: response,
        replyCode: replyCodeIn(response),
        permanentType: null,
        bounceSubType: '',
      });
    }
    return { kind: 'delivery', recipients };
  }
  if (type === 'Complaint') return { kind: 'complaint', recipients: [] };
  return type === '' ? null : { kind: 'other', recipients: [] };
}
