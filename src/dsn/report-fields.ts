// The machine-readable part of a delivery status notification (RFC 3464 §2.2-2.3, RFC 6533 §3): a block of
// per-message fields, then one block per recipient. Read tolerantly: blank lines may be missing between
// recipients (a repeated per-recipient field then starts the next one), fields may come in any order, and
// the same lines are also found in plain-text bodies that carry them without a message/delivery-status part.

export interface ReportField {
  name: string; // lower case
  value: string; // unfolded, trimmed
}

export interface RecipientFields {
  fields: ReportField[];
  get(name: string): string | undefined;
}

export interface DeliveryReport {
  perMessage: ReportField[];
  recipients: RecipientFields[];
}

const PER_RECIPIENT = new Set([
  'original-recipient', 'final-recipient', 'action', 'status', 'remote-mta', 'diagnostic-code', 'last-attempt-date',
  'final-log-id', 'will-retry-until', 'x-actual-recipient', 'x-original-recipient',
]);
const PER_MESSAGE = new Set([
  'original-envelope-id', 'reporting-mta', 'dsn-gateway', 'received-from-mta', 'arrival-date', 'x-postfix-queue-id',
  'x-postfix-sender', 'x-original-message-id',
]);
// A block in free text starts only at a field that cannot be mistaken for a message header.
const STARTS_BLOCK = new Set([...PER_RECIPIENT, 'reporting-mta', 'original-envelope-id', 'received-from-mta', 'dsn-gateway']);

const FIELD_LINE = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;

function makeRecipient(fields: ReportField[]): RecipientFields {
  return { fields, get: (name) => fields.find((f) => f.name === name)?.value };
}

/**
 * Reads report fields from text. With `freeText` (a human-readable body) a block must begin with a DSN
 * field name; inside a message/delivery-status part every field counts.
 */
export function readDeliveryReport(text: string, options: { freeText?: boolean } = {}): DeliveryReport {
  const perMessage: ReportField[] = [];
  const recipients: RecipientFields[] = [];
  let current: ReportField[] | null = null;
  let inBlock = !options.freeText;
  let last: ReportField | null = null;

  const closeRecipient = (): void => {
    if (current && current.some((f) => f.name === 'final-recipient' || f.name === 'original-recipient' || f.name === 'x-actual-recipient')) {
      recipients.push(makeRecipient(current));
    } else if (current) {
      perMessage.push(...current);
    }
    current = null;
  };

  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      closeRecipient();
      last = null;
      if (options.freeText) inBlock = false;
      continue;
    }
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      last.value = `${last.value} ${line.trim()}`.trim();
      continue;
    }
    const m = FIELD_LINE.exec(line);
    if (!m) {
      last = null;
      if (options.freeText) {
        closeRecipient();
        inBlock = false;
      }
      continue;
    }
    const name = m[1].toLowerCase();
    if (!inBlock) {
      if (!STARTS_BLOCK.has(name)) {
        last = null;
        continue;
      }
      inBlock = true;
    }
    const field: ReportField = { name, value: m[2].trim() };
    last = field;
    if (PER_RECIPIENT.has(name)) {
      // A per-recipient field seen twice in one block begins the next recipient.
      if (current && current.some((f) => f.name === name)) closeRecipient();
      current ??= [];
      current.push(field);
    } else if (PER_MESSAGE.has(name) && current === null) {
      perMessage.push(field);
    } else if (current) {
      current.push(field);
    } else {
      perMessage.push(field);
    }
  }
  closeRecipient();
  return { perMessage, recipients };
}

/** "rfc822; a@b" -> { type: "rfc822", value: "a@b" }; a value without type keeps type "". */
export function typedValue(value: string): { type: string; value: string } {
  const m = /^([A-Za-z0-9-]+)\s*;\s*([\s\S]*)$/.exec(value);
  return m ? { type: m[1].toLowerCase(), value: m[2].trim() } : { type: '', value: value.trim() };
}
