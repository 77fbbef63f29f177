// Postwire's MIME reader: tolerant, synchronous, no I/O, bounded cost. Used for incoming webhooks, the message
// methods of the webapi (MessageGet, MessagePartGet) and DSN parsing.
export { parseAddress, parseAddressList, type NameAddress } from './addresses';
export { bodyText, decodedBody, rawBody, toCrlf } from './body';
export { decodeBytes, isKnownCharset } from './charset';
export { formatRfc3339InZone, parseDate, parseDateWithZone, type ZonedDate } from './date';
export { decodedHeader, decodeEncodedWords } from './encoded-words';
export { headerAll, headerFirst, parseHeaderSection, type HeaderField, type HeaderSection } from './header-section';
export { DEFAULT_MIME_LIMITS, type MimeLimits } from './limits';
export { messageIdsIn, parseMessageId, referencesForMessageGet } from './message-ids';
export { parseParameterizedValue } from './parameters';
export { parseMessage } from './parse-message';
export { collectProblems, isMultipart, type MimePart } from './part';
export { partAtPath, type PartAtPathResult } from './part-path';
export { readableParts, readPartText, READABLE_PART_MAX_BYTES, type ReadableParts } from './readable-parts';
export { decodedSize, structureOf, type Structure } from './structure';
export { decodeBase64, decodeQuotedPrintable } from './transfer-encoding';
