// Calling the message methods of a test node as an account, and checking their answers.
import assert from 'node:assert/strict';
import type { Type } from '@nestjs/common';
import { ApiError, type ErrorCode } from '../../src/api/api-error';
import { isBytesResult, type ApiMethodHandler, type BytesResult } from '../../src/api/api-method';
import type { TestNode } from '../support/test-node';
import { accountCaller } from './message-fixtures';

export function callAs<Req, Res>(node: TestNode, account: string, method: Type<ApiMethodHandler<Req, Res>>, request: Req): Promise<Res | BytesResult> {
  return node.get(method).handle(request, accountCaller(account), []);
}

/** All bytes of a bytes result, and how many chunks they came in. */
export async function bytesOf(result: unknown): Promise<{ bytes: Buffer; chunks: number; contentType: string }> {
  assert.ok(isBytesResult(result), 'expected a bytes result');
  if (Buffer.isBuffer(result.bytes)) return { bytes: result.bytes, chunks: 1, contentType: result.contentType };
  const parts: Buffer[] = [];
  for await (const part of result.bytes) parts.push(part);
  return { bytes: Buffer.concat(parts), chunks: parts.length, contentType: result.contentType };
}

export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, message?: string | RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof ApiError, `expected an ApiError, got ${String(err)}`);
    assert.equal(err.code, code, `code of "${err.message}"`);
    if (typeof message === 'string') assert.equal(err.message, message);
    else if (message) assert.match(err.message, message);
    return true;
  });
}
