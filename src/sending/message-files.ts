// Files Send puts into a message: given as base64 in the JSON request (File) or uploaded as parts of a
// multipart/form-data request (UploadedFile). Both become a ComposeFile, written as a base64 part with a
// Content-Disposition naming the file (mox always writes the filename parameter, even when empty).
import { userError } from '../api/api-error';
import type { UploadedFile } from '../api/api-method';
import type { components } from '../api/generated/webapi';
import { checkNoControlCharacters } from './control-characters';
import { sniffContentType } from './sniff-content-type';

export type JsonFile = components['schemas']['File'];

export interface ComposeFile {
  disposition: 'inline' | 'attachment';
  filename: string;
  /** "" writes no Content-Type header (the reader assumes text/plain, RFC 2045 §5.2). */
  contentType: string;
  contentID: string;
  data: Buffer;
}

export type FileKind = 'alternative' | 'inline' | 'attached';

/** Alternative and inline files are shown as part of the message; attached files are attachments. */
const dispositionOf = (kind: FileKind): ComposeFile['disposition'] => (kind === 'attached' ? 'attachment' : 'inline');

/** The form field that carries uploaded files of each kind (mox's names). */
export const FORM_FIELDS: Record<FileKind, string> = {
  alternative: 'alternativefile',
  inline: 'inlinefile',
  attached: 'attachedfile',
};

const BASE64 = /^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Standard base64 (RFC 4648 §4) with padding, as Go's base64.StdEncoding reads it: line breaks are
 * skipped, anything else that is not the alphabet is an error. Null when it does not decode.
 */
export function decodeBase64Strictly(text: string): Buffer | null {
  const compact = text.replace(/[\r\n]/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}

/** A File from the JSON request; `where` names it in errors, e.g. `AttachedFiles[1]`. */
export function jsonComposeFile(file: JsonFile, kind: FileKind, where: string): ComposeFile {
  const data = decodeBase64Strictly(file.Data);
  if (data === null) throw userError(`${where}: parsing attachment as base64: Data is not valid standard base64 (RFC 4648, with padding)`);
  const name = file.Name ?? '';
  const contentID = file.ContentID ?? '';
  checkNoControlCharacters(name, `${where}.Name`);
  checkNoControlCharacters(file.ContentType ?? '', `${where}.ContentType`);
  checkNoControlCharacters(contentID, `${where}.ContentID`);
  return { disposition: dispositionOf(kind), filename: name, contentType: file.ContentType || sniffContentType(data), contentID, data };
}

/** A file uploaded as a form part: its own Content-Type and Content-ID headers are used. */
export function uploadedComposeFile(file: UploadedFile, kind: FileKind, where: string): ComposeFile {
  checkNoControlCharacters(file.filename, `${where} file name`);
  checkNoControlCharacters(file.contentType, `${where} Content-Type`);
  checkNoControlCharacters(file.contentID, `${where} Content-ID`);
  return {
    disposition: dispositionOf(kind),
    filename: file.filename,
    contentType: file.contentType || sniffContentType(file.data),
    contentID: file.contentID,
    data: file.data,
  };
}

/** Files of one kind: those in the JSON first, then the uploaded ones, each in request order. */
export function composeFiles(kind: FileKind, json: readonly JsonFile[] | undefined, uploaded: readonly UploadedFile[]): ComposeFile[] {
  const jsonName = { alternative: 'AlternativeFiles', inline: 'InlineFiles', attached: 'AttachedFiles' }[kind];
  const fromJson = (json ?? []).map((f, i) => jsonComposeFile(f, kind, `${jsonName}[${i}]`));
  const forms = uploaded.filter((f) => f.field === FORM_FIELDS[kind]);
  return [...fromJson, ...forms.map((f, i) => uploadedComposeFile(f, kind, `form file ${FORM_FIELDS[kind]}[${i}] "${f.filename}"`))];
}
