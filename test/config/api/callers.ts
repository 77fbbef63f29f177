// Callers for driving API method providers directly, and a check of their answers against the spec.
import assert from 'node:assert/strict';
import type { Caller, RequestInfo } from '../../../src/api/api-method';
import { compileValidators, formatValidationErrors, type ApiName } from '../../../src/api/spec';

const request: RequestInfo = { remoteIP: '127.0.0.1', userAgent: 'postwire-test', headers: {}, correlationId: 'test-correlation' };

export const admin: Caller = { kind: 'admin', request };

export function accountCaller(account: string, loginAddress: string): Caller {
  return { kind: 'account', account, loginAddress, request };
}

let validators: ReturnType<typeof compileValidators> | null = null;

/** Fails unless `response` is exactly what the spec allows for the method's 200 answer. */
export function assertMatchesSpec(api: ApiName, method: string, response: unknown): void {
  validators ??= compileValidators();
  const validate = validators.responses[api][method];
  assert.ok(validate(response), `${api} ${method}: ${formatValidationErrors(validate.errors, response, 'response')}`);
}

/** Fails unless `promise` rejects with an ApiError of this code whose message matches. */
export async function assertApiError(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  await assert.rejects(promise, (err: Error & { code?: string }) => {
    assert.equal(err.name, 'ApiError', `${err.name}: ${err.message}`);
    assert.equal(err.code, code, err.message);
    assert.match(err.message, message);
    return true;
  });
}
