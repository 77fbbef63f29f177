// Parses a Content-Type header value (RFC 9110 §8.3.1):
//   media-type = type "/" subtype *( OWS ";" OWS parameter )
//   parameter  = token "=" ( token / quoted-string )
// Like Go's mime.ParseMediaType, which mox uses, a value that does not follow this grammar is refused
// rather than guessed at.

export interface MediaType {
  /** Lower-cased `type/subtype`. */
  type: string;
  /** Parameters by lower-cased name. */
  params: Map<string, string>;
}

// RFC 9110 §5.6.2: token = 1*tchar.
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const TYPE = new RegExp(`^\\s*(${TOKEN})/(${TOKEN})\\s*`);
const PARAM = new RegExp(`^;\\s*(${TOKEN})=(?:(${TOKEN})|"((?:[^"\\\\]|\\\\.)*)")\\s*`);

export function parseMediaType(value: string | undefined): MediaType | null {
  if (value === undefined) return null;
  const head = TYPE.exec(value);
  if (!head) return null;
  const params = parseParameters(value.slice(head[0].length));
  return params && { type: `${head[1]}/${head[2]}`.toLowerCase(), params };
}

/**
 * Parses `*( OWS ";" OWS parameter )`, as in Content-Type and Content-Disposition (RFC 6266 §4.1);
 * null when it does not follow the grammar or names a parameter twice.
 */
export function parseParameters(text: string): Map<string, string> | null {
  const params = new Map<string, string>();
  let rest = text.trim();
  while (rest !== '') {
    // Tolerate an empty parameter (`text/plain;`), as browsers and Go do.
    const empty = /^;\s*(?=;|$)/.exec(rest);
    if (empty) {
      rest = rest.slice(empty[0].length);
      continue;
    }
    const param = PARAM.exec(rest);
    if (!param) return null;
    const name = param[1].toLowerCase();
    if (params.has(name)) return null;
    params.set(name, param[2] ?? param[3].replace(/\\(.)/g, '$1'));
    rest = rest.slice(param[0].length);
  }
  return params;
}
