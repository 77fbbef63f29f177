// Header values Send writes come from the caller; a character below 0x20 (CR, LF, TAB, NUL, ...) could
// end a header line early and inject another header (RFC 5322 §2.2), so mox refuses them everywhere it
// writes caller text into headers, with a `user` error.
import { userError } from '../api/api-error';

export function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) < 0x20) return true;
  return false;
}

/** Throws `user` when `value` has a control character; `what` names the field for the message. */
export function checkNoControlCharacters(value: string, what: string): void {
  if (hasControlCharacters(value)) throw userError(`${what}: control characters are not allowed`);
}
