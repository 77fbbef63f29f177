// Message-ID, In-Reply-To and References (RFC 5322 §3.6.4).

/** Every "<...>" message id in a field value, in order, with the angle brackets. */
export function messageIdsIn(value: string | undefined | null): string[] {
  if (!value) return [];
  const out: string[] = [];
  for (const m of value.matchAll(/<([^<>\s]+)>/g)) out.push(`<${m[1]}>`);
  return out;
}

/** The message id of a Message-ID or In-Reply-To value: the first "<...>", else the trimmed value. */
export function parseMessageId(value: string | undefined | null): string {
  if (!value) return '';
  return messageIdsIn(value)[0] ?? value.trim();
}

/**
 * MessageGet's References (reference 1.12): every References value split on white space, then In-Reply-To
 * put first when it is set and not already listed. [quirk] The webhook uses messageIdsIn instead.
 */
export function referencesForMessageGet(references: readonly string[], inReplyTo: string): string[] {
  const list = references.flatMap((r) => r.split(/[ \t\r\n]+/)).filter((r) => r !== '');
  if (inReplyTo !== '' && !list.includes(inReplyTo)) list.unshift(inReplyTo);
  return list;
}
