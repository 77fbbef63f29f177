// One API call, POST /<api>/v0/<Method>: authenticate, decode the body, validate it against the spec,
// run the @ApiMethod provider and turn its result into the answer. Failures are thrown and mapped by
// error-response.ts.
//
// With NODE_ENV=test every JSON answer is also checked against the method's response schema, and a
// mismatch is a loud 500: a handler drifting from the spec fails the tests instead of the clients.
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { AccountAuthenticator } from '../../auth/account-authenticator';
import { LoginRateLimiter } from '../../auth/login-rate-limiter';
import { Runtime } from '../../runtime/runtime';
import { listenerOf } from '../../server/listener-context';
import { ApiError } from '../api-error';
import { isBytesResult, type ApiName, type Caller, type RequestInfo } from '../api-method';
import { formatValidationErrors } from '../spec';
import { ApiRegistry, type RegisteredMethod } from './api-registry';
import { authenticate, type Identity } from './authenticate';
import { originalContentType } from './body-deferral';
import { decodeRequest } from './decode-request';
import { HttpProblem } from './error-response';

export interface CallReply {
  headers: Record<string, string>;
  body: string | Buffer | Readable;
}

@Injectable()
export class MethodCaller {
  private readonly checkResponses = process.env.NODE_ENV === 'test';

  constructor(
    private readonly registry: ApiRegistry,
    private readonly limiter: LoginRateLimiter,
    private readonly runtime: Runtime,
    // Optional, so a node starts (and serves the pages) before any module provides accounts.
    @Optional() @Inject(AccountAuthenticator) private readonly authenticator: AccountAuthenticator | null,
  ) {
    if (!authenticator) runtime.logger.warn('no AccountAuthenticator is provided: every API login fails');
  }

  async call(api: ApiName, name: string, request: FastifyRequest, correlationId: string): Promise<CallReply> {
    const raw = request.raw;
    const { identity, remoteIP } = await authenticate(api, raw, listenerOf(request).services.forwarded, {
      authenticator: this.authenticator ?? null,
      limiter: this.limiter,
      clock: this.runtime.clock,
    });
    const method = this.registry.method(api, name);
    if (!method?.handler) throw new ApiError('server', `${api} method ${name} is not available on this server yet`);
    const { request: body, files } = await decodeRequest(raw, originalContentType(raw), {
      maxRequestSize: this.runtime.bootstrap.limits.maxRequestSize,
      fileFields: method.fileFields,
    });
    if (!method.validateRequest(body)) throw new ApiError('protocol', formatValidationErrors(method.validateRequest.errors, body));
    const info: RequestInfo = {
      remoteIP,
      userAgent: String(raw.headers['user-agent'] ?? ''),
      headers: withoutCredentials(raw.headers),
      correlationId,
    };
    const result = await method.handler.handle(body, callerOf(identity, info), files);
    return this.reply(method, result);
  }

  private reply(method: RegisteredMethod, result: unknown): CallReply {
    const { api, method: name, responseContentType } = method.operation;
    const wantsBytes = responseContentType !== 'application/json';
    if (isBytesResult(result)) {
      if (this.checkResponses && !wantsBytes) throw drift(api, name, 'the handler returned bytes where the spec has a JSON response');
      const body = Buffer.isBuffer(result.bytes) ? result.bytes : Readable.from(result.bytes);
      // The bytes are the user's mail: never run as a page of this origin, whatever they contain.
      return { headers: { 'content-type': result.contentType, 'x-content-type-options': 'nosniff', 'content-security-policy': 'sandbox' }, body };
    }
    if (this.checkResponses) {
      if (wantsBytes) throw drift(api, name, `the handler returned JSON where the spec has ${responseContentType}`);
      const validate = this.registry.responseValidator(api, name);
      if (!validate(result)) throw drift(api, name, formatValidationErrors(validate.errors, result, 'response'));
    }
    // mox encodes with Go's json.Encoder: no HTML escaping, a newline at the end.
    return { headers: { 'content-type': 'application/json; charset=utf-8' }, body: `${JSON.stringify(result)}\n` };
  }
}

function callerOf(identity: Identity, request: RequestInfo): Caller {
  return identity.kind === 'admin' ? { kind: 'admin', request } : { kind: 'account', account: identity.account, loginAddress: identity.loginAddress, request };
}

/** The request headers a handler sees: all but the credentials, which it has no use for. */
function withoutCredentials(headers: RequestInfo['headers']): RequestInfo['headers'] {
  const { authorization: _credentials, ...rest } = headers;
  return rest;
}

function drift(api: string, method: string, problem: string): HttpProblem {
  return new HttpProblem(500, `500 - the response of ${api} ${method} does not match openapi/${api}.yaml: ${problem}`);
}
