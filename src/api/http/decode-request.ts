// Turns a call's body into the request object and uploaded files. Accepted (reference 1.2, DESIGN §5):
// - application/json: the body is the request object;
// - application/x-www-form-urlencoded: mox's form encoding, field `request` holds the JSON text;
// - multipart/form-data: the same field, plus file parts for methods that take files (Send's
//   alternativefile, inlinefile, attachedfile).
// Every refusal is a `protocol` error that says what to send instead. Schema checks come later.
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../api-error';
import type { UploadedFile } from '../api-method';
import { parseRequestJson } from './json-text';
import { parseMediaType } from './media-type';
import { parseMultipartForm } from './multipart-form';
import { readBody } from './read-body';

export interface DecodedRequest {
  request: Record<string, unknown>;
  files: UploadedFile[];
}

export interface DecodeOptions {
  maxRequestSize: number;
  /** Multipart file fields the method accepts; empty for all but Send. */
  fileFields: readonly string[];
}

const HOW = 'send the request object as JSON (Content-Type: application/json), or as field "request" of a form (application/x-www-form-urlencoded or multipart/form-data)';

const protocol = (message: string) => new ApiError('protocol', message);

export async function decodeRequest(raw: IncomingMessage, contentType: string | undefined, options: DecodeOptions): Promise<DecodedRequest> {
  if (contentType === undefined || contentType.trim() === '') throw protocol(`missing Content-Type: ${HOW}`);
  const media = parseMediaType(contentType);
  if (!media) throw protocol(`unknown content-type ${contentType}: ${HOW}`);
  // RFC 9110 §8.4: a coding the server does not apply would be read as garbage; say so instead.
  const coding = String(raw.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (coding !== 'identity' && coding !== '') throw protocol(`Content-Encoding ${coding} is not supported: send the body uncompressed`);
  let requestText: string | undefined;
  let files: UploadedFile[] = [];
  switch (media.type) {
    case 'application/json': {
      const charset = media.params.get('charset')?.toLowerCase();
      if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
        throw protocol(`charset ${charset} is not supported: JSON is sent as UTF-8 (RFC 8259 §8.1)`);
      }
      const text = utf8(await readBody(raw, options.maxRequestSize), 'request body');
      if (text.trim() === '') throw protocol('empty request body: send the request object, e.g. {} for a method without parameters');
      return { request: asObject(parseRequestJson(text, 'request body'), 'request body'), files };
    }
    case 'application/x-www-form-urlencoded':
      requestText = formField(new URLSearchParams(utf8(await readBody(raw, options.maxRequestSize), 'request body')), options.fileFields);
      break;
    case 'multipart/form-data': {
      const boundary = media.params.get('boundary');
      if (!boundary) throw protocol('multipart/form-data Content-Type without a boundary parameter (RFC 7578 §4.1)');
      ({ requestText, files } = multipartFields(await readBody(raw, options.maxRequestSize), boundary, options.fileFields));
      break;
    }
    default:
      throw protocol(`unsupported content-type ${media.type}: ${HOW}`);
  }
  if (requestText === undefined || requestText === '') {
    throw protocol(`missing/empty request: the form needs a field "request" holding the request object as JSON, e.g. request={}`);
  }
  return { request: asObject(parseRequestJson(requestText, 'request'), 'request'), files };
}

/** The `request` field of a urlencoded form (WHATWG URL §5.1: percent-escapes decode as UTF-8). */
function formField(form: URLSearchParams, fileFields: readonly string[]): string | undefined {
  for (const name of new Set(form.keys())) {
    if (name !== 'request') throw unknownField(name, fileFields.length > 0 ? ' (files need multipart/form-data)' : '');
  }
  const values = form.getAll('request');
  if (values.length > 1) throw protocol('the form has more than one field "request"');
  return values[0];
}

function multipartFields(body: Buffer, boundary: string, fileFields: readonly string[]): { requestText: string | undefined; files: UploadedFile[] } {
  let requestText: string | undefined;
  const files: UploadedFile[] = [];
  for (const part of parseMultipartForm(body, boundary)) {
    if (part.name === 'request') {
      if (requestText !== undefined) throw protocol('the form has more than one part "request"');
      requestText = utf8(part.data, 'part "request"');
    } else if (fileFields.includes(part.name)) {
      files.push({
        field: part.name,
        filename: part.filename ?? '',
        contentType: part.headers.get('content-type') ?? '',
        contentID: part.headers.get('content-id') ?? '',
        data: part.data,
      });
    } else {
      throw unknownField(part.name, fileFields.length > 0 ? ` (file parts are named ${fileFields.join(', ')})` : ' (this method takes no files)');
    }
  }
  return { requestText, files };
}

function unknownField(name: string, hint: string): ApiError {
  return protocol(`unknown form field ${JSON.stringify(name)}: the form holds the request object as JSON in field "request"${hint}`);
}

function utf8(bytes: Buffer, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw protocol(`${what} is not valid UTF-8`);
  }
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  throw protocol(`${what} must be a JSON object such as {}, not ${kind}`);
}
