// One node of a message Send composes. nodemailer's MimeNode does the MIME framing (boundaries, header
// encoding and folding, base64 and quoted-printable); this subclass adds the two things mox does
// differently and Send must match:
// - the transfer encoding is the one the composer chose (mox writes UTF-8 text as 8bit when its lines
//   are short; MimeNode would pick quoted-printable or base64 for any non-ASCII text);
// - References is written as given, ids separated by white space (MimeNode would add `<>` to an id
//   without them; mox does not check or change them).
import MimeNode from 'nodemailer/lib/mime-node';

export type MimeNodeOptions = ConstructorParameters<typeof MimeNode>[1];
type HeaderValue = Parameters<MimeNode['encodeHeaderValue']>[1];

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
}
