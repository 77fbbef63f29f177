// mox's webhook.Structure for a part (queue/hook.go PartStructure), the MIME tree shown in MessageGet and in
// incoming webhooks (reference 1.6).
import { bareLineFeeds, decodedBody } from './body';
import type { MimePart } from './part';

export interface Structure {
  ContentType: string;
  ContentTypeParams: Record<string, string>;
  ContentID: string;
  ContentDisposition: string;
  Filename: string;
  DecodedSize: number;
  Parts: Structure[];
}

/**
 * DecodedSize as mox counts it: bytes after transfer decoding, where a text/* part counts every bare LF as
 * CRLF (mox reads text through a reader that writes CRLF line ends). A multipart that was split counts 0:
 * mox never reads its body as such. An enclosed message/rfc822 counts its decoded bytes and has no Parts.
 */
export function decodedSize(part: MimePart): number {
  if (part.effectiveType.startsWith('multipart/') && part.parts.length > 0) return 0;
  const bytes = decodedBody(part);
  return part.effectiveType.startsWith('text/') ? bytes.length + bareLineFeeds(bytes) : bytes.length;
}

export function structureOf(part: MimePart): Structure {
  return {
    // A part without Content-Type has the RFC 2045 §5.2 default (message/rfc822 inside multipart/digest,
    // RFC 2046 §5.1.5). mox reports "/" here, a quirk the contract deliberately fixes.
    ContentType: part.contentType === '' ? part.effectiveType : part.contentType,
    ContentTypeParams: { ...part.contentTypeParams },
    ContentID: part.contentId,
    ContentDisposition: part.contentDisposition,
    Filename: part.filename,
    DecodedSize: decodedSize(part),
    Parts: part.parts.map(structureOf),
  };
}
