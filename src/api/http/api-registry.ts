// The methods the HTTP layer can call: every operation of openapi/webapi.yaml and adminapi.yaml, each
// with its compiled request validator and, once a capability offers it, its @ApiMethod provider.
// Found once at start; a provider naming a method the spec does not have, two providers for one
// method, or a provider without `handle` stop start-up, so a typo cannot leave a method unreachable.
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { ValidateFunction } from 'ajv';
import { Runtime } from '../../runtime/runtime';
import { API_METHOD, type ApiMethodHandler, type ApiMethodMetadata, type ApiName } from '../api-method';
import { compileValidators, loadSpecs, type ApiOperation, type ApiSpecs, type SpecValidators } from '../spec';

export interface RegisteredMethod {
  operation: ApiOperation;
  /** Absent while no capability offers the method. */
  handler?: ApiMethodHandler;
  /** Multipart file fields the method accepts (Send: alternativefile, inlinefile, attachedfile). */
  fileFields: string[];
  validateRequest: ValidateFunction;
}

@Injectable()
export class ApiRegistry implements OnModuleInit {
  readonly specs: ApiSpecs = loadSpecs();
  private validators!: SpecValidators;
  private readonly methods = new Map<string, RegisteredMethod>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly runtime: Runtime,
  ) {}

  onModuleInit(): void {
    this.validators = validatorsFor(this.specs);
    for (const operation of this.specs.operations) {
      this.methods.set(key(operation.api, operation.method), {
        operation,
        fileFields: fileFieldsOf(this.specs, operation),
        validateRequest: this.validators[operation.api][operation.method],
      });
    }
    const problems: string[] = [];
    const offeredBy = new Map<string, string>();
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype;
      if (typeof type !== 'function') continue;
      const meta = this.reflector.get<ApiMethodMetadata | undefined>(API_METHOD, type);
      if (!meta) continue;
      const where = `@ApiMethod('${meta.api}', '${meta.name}') on ${type.name}`;
      const entry = this.methods.get(key(meta.api, meta.name));
      const instance = wrapper.instance as Partial<ApiMethodHandler> | undefined;
      if (!entry) problems.push(`${where}: ${meta.api}.yaml has no method ${meta.name}${suggest(meta.name, this.names(meta.api))}`);
      else if (!wrapper.isDependencyTreeStatic()) problems.push(`${where}: API methods must be singleton providers, not request-scoped`);
      else if (typeof instance?.handle !== 'function') problems.push(`${where}: the provider has no handle(request, caller, files) method`);
      else if (entry.handler) problems.push(`${where}: ${meta.api} ${meta.name} is already offered by ${offeredBy.get(key(meta.api, meta.name))}`);
      else {
        entry.handler = instance as ApiMethodHandler;
        offeredBy.set(key(meta.api, meta.name), type.name);
      }
    }
    if (problems.length > 0) throw new Error(`API methods do not match openapi/:\n  ${problems.join('\n  ')}`);
    const missing = [...this.methods.values()].filter((m) => !m.handler).map((m) => `${m.operation.api} ${m.operation.method}`);
    if (missing.length > 0) this.runtime.logger.warn({ missing }, 'API methods in the spec that no capability offers yet; calls to them fail');
  }

  method(api: ApiName, name: string): RegisteredMethod | undefined {
    return this.methods.get(key(api, name));
  }

  /** Method names of one API, in the spec's order. */
  names(api: ApiName): string[] {
    return this.specs.operations.filter((op) => op.api === api).map((op) => op.method);
  }

  /** The 200-response validator of a method (compiled on first use). */
  responseValidator(api: ApiName, name: string): ValidateFunction {
    return this.validators.responses[api][name];
  }
}

const key = (api: ApiName, name: string) => `${api} ${name}`;

// Compiling takes about a second; validators depend on the spec alone and keep no state between calls,
// so applications in one process (tests start many nodes) share them.
const compiled = new WeakMap<ApiSpecs, SpecValidators>();
function validatorsFor(specs: ApiSpecs): SpecValidators {
  let validators = compiled.get(specs);
  if (!validators) {
    validators = compileValidators(specs);
    compiled.set(specs, validators);
  }
  return validators;
}

function suggest(name: string, names: string[]): string {
  const near = names.find((n) => n.toLowerCase() === name.toLowerCase());
  return near ? ` (did you mean ${near}?)` : '';
}

/** The file parts a method's multipart/form-data schema lists besides `request`. */
function fileFieldsOf(specs: ApiSpecs, operation: ApiOperation): string[] {
  const doc = specs.documents[operation.api];
  const body = (doc.paths[operation.path]?.post as { requestBody?: { content?: Record<string, { schema?: unknown }> } } | undefined)?.requestBody;
  let schema = body?.content?.['multipart/form-data']?.schema as { $ref?: string; properties?: Record<string, unknown> } | undefined;
  if (schema?.$ref?.startsWith('#/components/schemas/')) {
    schema = doc.components.schemas[schema.$ref.slice('#/components/schemas/'.length)] as typeof schema;
  }
  return Object.keys(schema?.properties ?? {}).filter((name) => name !== 'request');
}
