// RFC 6376 §3.4 relaxed canonicalization of header fields (§3.4.2, as latin1 text: one char per byte)
// and of the body (§3.4.4, as bytes), so UTF-8 in either passes unchanged.

/**
 * §3.4.2 relaxed header canonicalization of an unfolded field: lower-case name, runs of WSP as one SP,
 * no WSP at the end of the value or around the colon; CRLF-terminated. Only SP and HTAB count as WSP
 * (not the other characters String.trim would take, such as 0xA0 of a UTF-8 sequence).
 */
export function relaxedHeader(unfolded: string): string {
  const colon = unfolded.indexOf(':');
  const name = unfolded.slice(0, colon).replace(/[ \t]+$/, '').toLowerCase();
  const value = unfolded.slice(colon + 1).replace(/[ \t]+/g, ' ').replace(/^ | $/g, '');
  return `${name}:${value}\r\n`;
}

/**
 * §3.4.4 relaxed body canonicalization: runs of WSP as one SP, no WSP at line ends, no empty lines at
 * the end, and a non-empty body ends in CRLF. A bare LF ends a line too, as it does once the message is
 * sent (SMTP lines end in CRLF); a CR elsewhere is an ordinary byte. One pass over the bytes: the
 * message is hashed once per Send, and splitting it into line strings cost more than the hash.
 */
export function relaxedBody(body: Buffer): Buffer {
  const n = body.length;
  let out: Buffer = Buffer.allocUnsafe(n + 2);
  let o = 0;
  /** The end of the last non-empty line written, CRLF included: empty lines after it are dropped. */
  let kept = 0;
  for (let i = 0; i < n; ) {
    const lf = body.indexOf(0x0a, i);
    const end = lf < 0 ? n : lf;
    // The line break is CRLF or a bare LF; text after the last LF is a line without a break.
    const lineEnd = lf >= 0 && end > i && body[end - 1] === 0x0d ? end - 1 : end;
    // A bare LF becomes CRLF: one byte more than was read.
    if (o + (lineEnd - i) + 2 > out.length) out = grown(out, o, o + (lineEnd - i) + 2 + (n - end));
    const start = o;
    let space = false;
    for (let j = i; j < lineEnd; j++) {
      const c = body[j];
      if (c === 0x20 || c === 0x09) {
        space = true;
        continue;
      }
      if (space) {
        out[o++] = 0x20;
        space = false;
      }
      out[o++] = c;
    }
    const empty = o === start;
    out[o++] = 0x0d;
    out[o++] = 0x0a;
    if (!empty) kept = o;
    i = lf < 0 ? n : lf + 1;
  }
  return out.subarray(0, kept);
}

function grown(out: Buffer, used: number, needed: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.max(needed, out.length * 2));
  out.copy(bigger, 0, 0, used);
  return bigger;
}
