// Request and response types of each API method, taken from the types generated from openapi/, so a
// handler is typed by its method name: `(req: WebapiRequest<'Send'>) => Promise<WebapiResponse<'Send'>>`.
import type { paths as AdminapiPaths } from './generated/adminapi';
import type { paths as WebapiPaths } from './generated/webapi';

type MethodOf<Paths, Prefix extends string> = {
  [Path in keyof Paths]: Path extends `${Prefix}${infer Method}` ? Method : never;
}[keyof Paths];

type PostOf<Paths, Path> = Path extends keyof Paths ? (Paths[Path] extends { post: infer Op } ? Op : never) : never;

type JsonBodyOf<Op> = Op extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : never;

/** The 200 body: a JSON object, or `string` for methods that return bytes. */
type OkBodyOf<Op> = Op extends { responses: { 200: { content: infer Content } } } ? Content[keyof Content] : never;

export type WebapiMethod = MethodOf<WebapiPaths, '/webapi/v0/'>;
export type AdminapiMethod = MethodOf<AdminapiPaths, '/adminapi/v0/'>;

export type WebapiRequest<M extends WebapiMethod> = JsonBodyOf<PostOf<WebapiPaths, `/webapi/v0/${M}`>>;
export type WebapiResponse<M extends WebapiMethod> = OkBodyOf<PostOf<WebapiPaths, `/webapi/v0/${M}`>>;
export type AdminapiRequest<M extends AdminapiMethod> = JsonBodyOf<PostOf<AdminapiPaths, `/adminapi/v0/${M}`>>;
export type AdminapiResponse<M extends AdminapiMethod> = OkBodyOf<PostOf<AdminapiPaths, `/adminapi/v0/${M}`>>;
