// How problems in the bootstrap file and in configuration files name the field they are about.

/** `domains["example.org"].dkimKeys[0]`: field paths as a JavaScript expression, names with dots quoted. */
export function fieldPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out || '(top level)';
}
