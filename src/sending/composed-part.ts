// One node of a message Send composes. nodemailer's MimeNode does the MIME framing (boundaries, header
// encoding and folding, base64 and quoted-printable); this subclass adds the two things mox does
// differently and Send must match:
// - the transfer encoding is the one the composer chose (mox writes UTF-8 text as 8bit when its lines
//   are short; MimeNode would pick quoted-printable or base64 for any non-ASCII text);
// - References is written as given, ids separated by white space (MimeNode would add `<>` to an id
//   without them; mox does not check or change them).
//
// MimeNode.build() streams the tree through a chain of streams with a setImmediate between every step,
// which cost more than composing the rest of a Send. When no part needs encoding (7bit and 8bit text,
// the usual Send), the same bytes are joined at once; parts with quoted-printable or base64 keep
// nodemailer's encoders.
import MimeNode from 'nodemailer/lib/mime-node';

export type MimeNodeOptions = ConstructorParameters<typeof MimeNode>[1];
type HeaderValue = Parameters<MimeNode['encodeHeaderValue']>[1];

/** MimeNode's state that decides how build() writes a node, not in its type declarations. */
interface StreamState {
  _raw: unknown;
  _transforms: unknown[];
  _processFuncs: unknown[];
  newline?: unknown;
}

export class ComposedPart extends MimeNode {
  constructor(
    contentType: string | false,
    options: MimeNodeOptions,
    /** 7bit, 8bit, quoted-printable or base64; null for a multipart node. */
    private readonly transferEncoding: string | null,
  ) {
    super(contentType, options);
  }

  override getTransferEncoding(): string | false {
    return this.transferEncoding ?? false;
  }

  override encodeHeaderValue(key: string, value: HeaderValue): string {
    if (key.toLowerCase() === 'references' && Array.isArray(value)) return value.join(' ');
    return super.encodeHeaderValue(key, value);
  }

  /** A child of this node, of this class. */
  child(contentType: string | false, transferEncoding: string | null): ComposedPart {
    const node = new ComposedPart(contentType, { rootNode: this.rootNode, parentNode: this }, transferEncoding);
    this.appendChild(node);
    return node;
  }

  /** The message from this node, byte for byte as build() makes it. */
  async bytes(): Promise<Buffer> {
    if (!this.joinable(true)) return this.build();
    const chunks: Buffer[] = [];
    this.join(chunks);
    const message = Buffer.concat(chunks);
    // build() ends with nodemailer's LastNewline: the output always ends in a line break.
    const last = message.length > 0 ? message[message.length - 1] : -1;
    if (last === 0x0a) return message;
    return Buffer.concat([message, Buffer.from(last === 0x0d ? '\n' : '\r\n')]);
  }

  /** Whether every node passes its content through as it is (no encoder, stream, file or transform). */
  private joinable(root: boolean): boolean {
    const state = this as unknown as StreamState;
    if (state._raw || (root && (state._transforms.length > 0 || state._processFuncs.length > 0 || state.newline))) return false;
    if (this.content !== undefined && !Buffer.isBuffer(this.content)) return false;
    if (this.content && (this.transferEncoding === 'quoted-printable' || this.transferEncoding === 'base64')) return false;
    return this.childNodes.every((c) => c instanceof ComposedPart && c.joinable(false));
  }

  // The order of MimeNode.stream(): the header block, the content, then each child after its boundary
  // line, and the closing boundary. Headers are built first: they decide `multipart` and the boundary.
  private join(chunks: Buffer[]): void {
    chunks.push(Buffer.from(`${this.buildHeaders()}\r\n\r\n`));
    if (this.content) chunks.push(this.content as Buffer);
    if (!this.multipart) return;
    this.childNodes.forEach((child, i) => {
      chunks.push(Buffer.from(`${i > 0 ? '\r\n' : ''}--${this.boundary}\r\n`));
      (child as ComposedPart).join(chunks);
    });
    chunks.push(Buffer.from(`\r\n--${this.boundary}--\r\n`));
  }
}
