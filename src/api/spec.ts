// The HTTP API contract at run time: the OpenAPI documents in openapi/ are loaded once, their operations
// listed (method, schemas, examples, description) and their request schemas compiled into validators.
// The documents are the single source: generated types (src/api/generated/), these validators, the
// method pages and the served /webapi/openapi.yaml all come from them.
//
// OpenAPI 3.1 schemas are JSON Schema 2020-12, so one Ajv2020 instance compiles them all. Each document's
// `components.schemas` is registered as one schema resource whose `$defs` are those schemas; `$ref`s of
// the form `#/components/schemas/X` are rewritten to point into it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export { formatValidationErrors } from './validation-errors';

export const API_NAMES = ['webapi', 'adminapi'] as const;
export type ApiName = (typeof API_NAMES)[number];

export type JsonSchema = Record<string, unknown> | boolean;

/** The parts of an OpenAPI 3.1 document this module reads; the rest is kept as parsed. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, OperationObject>>;
  webhooks?: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, JsonSchema>; [section: string]: unknown };
  [key: string]: unknown;
}

interface MediaTypeObject {
  schema?: JsonSchema;
  examples?: Record<string, { summary?: string; value?: unknown; $ref?: string }>;
}
interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, MediaTypeObject> };
  responses?: Record<string, { content?: Record<string, MediaTypeObject>; $ref?: string }>;
}

export interface NamedExample {
  name: string;
  summary?: string;
  value: unknown;
}

/** One API method: `POST <path>` with a JSON request object. */
export interface ApiOperation {
  api: ApiName;
  /** The method name, e.g. `Send`; equal to the operationId and the path's last segment. */
  method: string;
  /** The full path, e.g. `/webapi/v0/Send`. */
  path: string;
  summary: string;
  description: string;
  tags: string[];
  /** The `application/json` request schema as written in the document (usually a `$ref`). */
  requestSchema: JsonSchema;
  requestExamples: NamedExample[];
  /** `application/json`, or `text/plain` / `application/octet-stream` for methods returning bytes. */
  responseContentType: string;
  responseSchema: JsonSchema;
  responseExamples: NamedExample[];
}

/** A webhook Postwire sends (`webhooks:` in webapi.yaml), e.g. `outgoing`. */
export interface WebhookSpec {
  name: string;
  operationId: string;
  summary: string;
  description: string;
  schema: JsonSchema;
  examples: NamedExample[];
}

export interface ApiSpecs {
  directory: string;
  documents: Record<ApiName, OpenApiDocument>;
  operations: ApiOperation[];
  webhooks: WebhookSpec[];
}

export interface SpecValidators {
  /** Request body validators by method, per API: `validators.webapi.Send(body)`. */
  webapi: Record<string, ValidateFunction>;
  adminapi: Record<string, ValidateFunction>;
  /** 200-response validators by method, per API (for tests and development checks). */
  responses: Record<ApiName, Record<string, ValidateFunction>>;
  /** Webhook payload validators by webhook name (`outgoing`, `incoming`). */
  webhooks: Record<string, ValidateFunction>;
  /** A validator for a named component schema, e.g. `schema('webapi', 'Outgoing')`. */
  schema(api: ApiName, name: string): ValidateFunction;
}

const cache = new Map<string, ApiSpecs>();

/** The directory holding webapi.yaml and adminapi.yaml: `openapi/` at the package root. */
export function findSpecDirectory(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'openapi');
    if (existsSync(join(candidate, 'webapi.yaml')) && existsSync(join(candidate, 'adminapi.yaml'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`no openapi/webapi.yaml found above ${from}`);
  }
}

/** Parses both documents and lists their operations; cached per directory. */
export function loadSpecs(directory: string = findSpecDirectory()): ApiSpecs {
  const cached = cache.get(directory);
  if (cached) return cached;
  const documents = {} as Record<ApiName, OpenApiDocument>;
  for (const api of API_NAMES) {
    const file = join(directory, `${api}.yaml`);
    const doc = parse(readFileSync(file, 'utf8')) as OpenApiDocument;
    if (!doc || typeof doc !== 'object' || !doc.paths || !doc.components?.schemas) {
      throw new Error(`${file}: not an OpenAPI document with paths and components.schemas`);
    }
    documents[api] = doc;
  }
  const specs: ApiSpecs = {
    directory,
    documents,
    operations: API_NAMES.flatMap((api) => listOperations(api, documents[api])),
    webhooks: listWebhooks(documents.webapi),
  };
  cache.set(directory, specs);
  return specs;
}

function listOperations(api: ApiName, doc: OpenApiDocument): ApiOperation[] {
  const prefix = `/${api}/v0/`;
  return Object.entries(doc.paths).map(([path, item]) => {
    const where = `${api}.yaml ${path}`;
    const op = item.post;
    if (!op) throw new Error(`${where}: methods are POST only`);
    const method = path.slice(prefix.length);
    if (!path.startsWith(prefix) || method.includes('/')) throw new Error(`${where}: path is not ${prefix}<Method>`);
    if (op.operationId !== method) throw new Error(`${where}: operationId ${op.operationId} is not ${method}`);
    const json = op.requestBody?.content?.['application/json'];
    if (!json?.schema) throw new Error(`${where}: no application/json request schema`);
    const ok = resolveResponse(doc, op.responses?.['200']);
    const [responseContentType, response] = Object.entries(ok?.content ?? {})[0] ?? [];
    if (!responseContentType || !response?.schema) throw new Error(`${where}: no 200 response schema`);
    return {
      api,
      method,
      path,
      summary: op.summary ?? '',
      description: op.description ?? '',
      tags: op.tags ?? [],
      requestSchema: json.schema,
      requestExamples: namedExamples(json),
      responseContentType,
      responseSchema: response.schema,
      responseExamples: namedExamples(response),
    };
  });
}

function listWebhooks(doc: OpenApiDocument): WebhookSpec[] {
  return Object.entries(doc.webhooks ?? {}).map(([name, item]) => {
    const op = item.post;
    const json = op?.requestBody?.content?.['application/json'];
    if (!op || !json?.schema) throw new Error(`webapi.yaml webhooks.${name}: no POST with an application/json body`);
    return {
      name,
      operationId: op.operationId ?? name,
      summary: op.summary ?? '',
      description: op.description ?? '',
      schema: json.schema,
      examples: namedExamples(json),
    };
  });
}

function resolveResponse(doc: OpenApiDocument, response: { $ref?: string; content?: Record<string, MediaTypeObject> } | undefined) {
  const ref = response?.$ref;
  if (!ref) return response;
  const name = ref.replace('#/components/responses/', '');
  return (doc.components.responses as Record<string, typeof response> | undefined)?.[name];
}

function namedExamples(media: MediaTypeObject): NamedExample[] {
  return Object.entries(media.examples ?? {}).map(([name, example]) => ({ name, summary: example.summary, value: example.value }));
}

/** Rewrites `#/components/schemas/X` references to `<base>#/$defs/X`, returning a copy. */
function rewriteRefs(schema: unknown, base: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => rewriteRefs(s, base));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')
        ? `${base}#/$defs/${value.slice('#/components/schemas/'.length)}`
        : rewriteRefs(value, base);
  }
  return out;
}

/** An object whose properties are computed on first access and then kept. */
function lazyRecord<T>(entries: [string, () => T][]): Record<string, T> {
  const record: Record<string, T> = {};
  for (const [key, make] of entries) {
    Object.defineProperty(record, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = make();
        Object.defineProperty(record, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return record;
}

/** The schema resource id under which an API's component schemas are registered. */
const resourceId = (api: ApiName) => `https://postwire.invalid/openapi/${api}.yaml`;

/**
 * Compiles a validator for every request body (and, on first use, every 200 response and webhook
 * payload) with one Ajv 2020 instance in strict mode. Validators collect all errors (`allErrors`) with their schemas (`verbose`),
 * which `formatValidationErrors` needs to name fields and suggest corrections.
 */
export function compileValidators(specs: ApiSpecs = loadSpecs()): SpecValidators {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    verbose: true,
    // `type: [string, "null"]` is how OpenAPI 3.1 writes Go's pointer fields.
    allowUnionTypes: true,
  });
  addFormats(ajv);
  for (const api of API_NAMES) {
    const id = resourceId(api);
    ajv.addSchema({ $id: id, $defs: rewriteRefs(specs.documents[api].components.schemas, id) as Record<string, unknown> });
  }
  const compile = (api: ApiName, schema: JsonSchema) => ajv.compile(rewriteRefs(schema, resourceId(api)) as object);

  const requests: Record<ApiName, Record<string, ValidateFunction>> = { webapi: {}, adminapi: {} };
  for (const op of specs.operations) requests[op.api][op.method] = compile(op.api, op.requestSchema);
  // Response and webhook validators serve tests and development checks, so they compile on first use
  // and do not slow down start-up.
  const responses = {} as Record<ApiName, Record<string, ValidateFunction>>;
  for (const api of API_NAMES) {
    const ops = specs.operations.filter((op) => op.api === api);
    responses[api] = lazyRecord(ops.map((op) => [op.method, () => compile(api, op.responseSchema)]));
  }
  const webhooks = lazyRecord(specs.webhooks.map((hook) => [hook.name, () => compile('webapi', hook.schema)]));

  return {
    webapi: requests.webapi,
    adminapi: requests.adminapi,
    responses,
    webhooks,
    schema(api, name) {
      if (!(name in specs.documents[api].components.schemas)) throw new Error(`${api}.yaml has no schema ${name}`);
      return ajv.getSchema(`${resourceId(api)}#/$defs/${name}`) ?? compile(api, { $ref: `#/components/schemas/${name}` });
    },
  };
}
