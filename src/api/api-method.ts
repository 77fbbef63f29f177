// How a capability offers an API method: a Nest provider decorated with @ApiMethod(api, name). The HTTP
// layer finds them at start, validates the request against the OpenAPI spec, authenticates the caller
// and calls `handle`. Request and response types come from the types generated from openapi/.
import { SetMetadata } from '@nestjs/common';

export type ApiName = 'webapi' | 'adminapi';

export const API_METHOD = 'postwire:api-method';

export interface ApiMethodMetadata {
  api: ApiName;
  name: string;
}

export const ApiMethod = (api: ApiName, name: string) => SetMetadata(API_METHOD, { api, name } satisfies ApiMethodMetadata);

/** Who is calling. Webapi methods always get an account caller, adminapi methods the admin. */
export type Caller =
  | {
      kind: 'account';
      /** Account name. */
      account: string;
      /** The address used to log in (decides fromid use and the default From). */
      loginAddress: string;
      request: RequestInfo;
    }
  | { kind: 'admin'; request: RequestInfo };

export interface RequestInfo {
  remoteIP: string;
  userAgent: string;
  /** Lower-case header names. */
  headers: Record<string, string | string[] | undefined>;
  correlationId: string;
}

/** A file uploaded in a multipart form (Send's alternativefile, inlinefile, attachedfile). */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  contentID: string;
  data: Buffer;
}

/** A method returns JSON, or raw bytes (MessageRawGet, MessagePartGet). */
export interface BytesResult {
  bytes: Buffer | AsyncIterable<Buffer>;
  contentType: string;
}

export interface ApiMethodHandler<Request = any, Response = any> {
  handle(request: Request, caller: Caller, files: UploadedFile[]): Promise<Response | BytesResult>;
}

export function isBytesResult(value: unknown): value is BytesResult {
  return typeof value === 'object' && value !== null && 'bytes' in value && 'contentType' in value;
}
