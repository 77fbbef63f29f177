// Go's encoding/json writes map keys sorted by their bytes, struct fields in declaration order. Payload
// maps (Extra, ContentTypeParams) are made with sortedMap and written by payloadJson, which keeps that
// order even for keys such as "10" and "2" that a JavaScript object would put in numeric order.
const maps = new WeakSet<object>();

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** A copy of the map, marked so payloadJson writes its keys sorted by their UTF-8 bytes. */
export function sortedMap(map: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(map)) out[key] = map[key];
  maps.add(out);
  return out;
}

/** Compact JSON as mox writes a payload: struct fields in order, map keys sorted. */
export function payloadJson(value: unknown, indent = ''): string {
  return write(value, indent, '');
}

function write(value: unknown, indent: string, prefix: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = prefix + indent;
  const open = indent ? `\n${inner}` : '';
  const close = indent ? `\n${prefix}` : '';
  const sep = indent ? `,\n${inner}` : ',';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${open}${value.map((v) => write(v, indent, inner)).join(sep)}${close}]`;
  }
  const keys = Object.keys(value);
  if (maps.has(value)) keys.sort(byBytes);
  if (keys.length === 0) return '{}';
  const colon = indent ? ': ' : ':';
  const record = value as Record<string, unknown>;
  return `{${open}${keys.map((k) => `${JSON.stringify(k)}${colon}${write(record[k], indent, inner)}`).join(sep)}${close}}`;
}
