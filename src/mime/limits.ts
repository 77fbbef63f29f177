// Bounds on the work one message may cause. Parsing never fails on input that exceeds them: the excess is
// left unparsed (a deeper part becomes a leaf, extra header fields are dropped, an over-long field value is
// cut) and the part records a problem saying so. With these bounds parsing stays linear in the input size
// times the nesting depth.

export interface MimeLimits {
  /** Nesting of multiparts and enclosed messages below the top-level message. */
  maxDepth: number;
  /** Parts in the whole tree, the top-level message included. */
  maxParts: number;
  /** Header fields kept per part. */
  maxHeaderFields: number;
  /** Bytes kept of one header field (name, colon and folded value). */
  maxHeaderFieldBytes: number;
  /** Bytes of the header section scanned per part; what follows is treated as body. */
  maxHeaderSectionBytes: number;
}

export const DEFAULT_MIME_LIMITS: Readonly<MimeLimits> = Object.freeze({
  maxDepth: 64,
  maxParts: 10_000,
  maxHeaderFields: 2_000,
  maxHeaderFieldBytes: 256 * 1024,
  maxHeaderSectionBytes: 4 * 1024 * 1024,
});
