// Test-only @ApiMethod providers for methods the spec has, each doing just enough to exercise one path
// of the HTTP layer: a JSON answer, bytes, files, an ApiError, an unexpected error, and answers that do
// not match the spec. Every call is recorded in CallLog so tests can see what reached the handler.
import { Global, Injectable, Module } from '@nestjs/common';
import { AccountAuthenticator } from '../../../../src/auth/account-authenticator';
import { ApiError } from '../../../../src/api/api-error';
import { ApiMethod, type ApiMethodHandler, type BytesResult, type Caller, type UploadedFile } from '../../../../src/api/api-method';
import type { AdminapiResponse, WebapiRequest, WebapiResponse } from '../../../../src/api/api-types';
import { TestAuthenticator } from './test-authenticator';

export interface RecordedCall {
  method: string;
  request: unknown;
  caller: Caller;
  files: UploadedFile[];
}

@Injectable()
export class CallLog {
  readonly calls: RecordedCall[] = [];
  last(): RecordedCall {
    const call = this.calls.at(-1);
    if (!call) throw new Error('no call reached a handler');
    return call;
  }
}

@Injectable()
@ApiMethod('webapi', 'SuppressionPresent')
export class TestSuppressionPresent implements ApiMethodHandler {
  constructor(private readonly log: CallLog) {}
  async handle(request: WebapiRequest<'SuppressionPresent'>, caller: Caller, files: UploadedFile[]): Promise<WebapiResponse<'SuppressionPresent'>> {
    this.log.calls.push({ method: 'SuppressionPresent', request, caller, files });
    const address = request.EmailAddress ?? '';
    if (!address.includes('@')) throw new ApiError('badAddress', `parsing address ${JSON.stringify(address)}: missing @`);
    return { Present: address === 'suppressed@example.com' };
  }
}

@Injectable()
@ApiMethod('webapi', 'Send')
export class TestSend implements ApiMethodHandler {
  constructor(private readonly log: CallLog) {}
  async handle(request: WebapiRequest<'Send'>, caller: Caller, files: UploadedFile[]): Promise<WebapiResponse<'Send'>> {
    this.log.calls.push({ method: 'Send', request, caller, files });
    return { MessageID: '<test@mox.example>', Submissions: [{ Address: 'alice@example.com', QueueMsgID: 1, FromID: '' }] };
  }
}

/** Fails like a bug would: the message must not reach the client. */
@Injectable()
@ApiMethod('webapi', 'SuppressionList')
export class TestFailingSuppressionList implements ApiMethodHandler {
  async handle(): Promise<never> {
    throw new Error('SQLITE_BUSY: database /var/lib/postwire/secret.sqlite is locked');
  }
}

/** A plain error passed through with mox's code `error`. */
@Injectable()
@ApiMethod('webapi', 'SuppressionAdd')
export class TestDuplicateSuppressionAdd implements ApiMethodHandler {
  async handle(): Promise<never> {
    throw new ApiError('error', 'address already suppressed');
  }
}

/** Answers what the spec does not allow, which NODE_ENV=test turns into a 500. */
@Injectable()
@ApiMethod('webapi', 'MessageGet')
export class TestDriftingMessageGet implements ApiMethodHandler {
  async handle(): Promise<unknown> {
    return { Message: null, Structure: {}, Meta: {} };
  }
}

export const RAW_MESSAGE = 'From: alice@example.com\r\nSubject: hi\r\n\r\nhello\r\n';

@Injectable()
@ApiMethod('webapi', 'MessageRawGet')
export class TestMessageRawGet implements ApiMethodHandler {
  async handle(request: WebapiRequest<'MessageRawGet'>): Promise<BytesResult> {
    if (request.MsgID !== 1) throw new ApiError('messageNotFound', `no message with id ${request.MsgID}`);
    async function* chunks() {
      for (const line of RAW_MESSAGE.split(/(?<=\n)/)) yield Buffer.from(line);
    }
    return { bytes: chunks(), contentType: 'text/plain' };
  }
}

/** Returns JSON where the spec says bytes. */
@Injectable()
@ApiMethod('webapi', 'MessagePartGet')
export class TestDriftingMessagePartGet implements ApiMethodHandler {
  async handle(): Promise<unknown> {
    return { Part: 'not bytes' };
  }
}

@Injectable()
@ApiMethod('adminapi', 'HoldRuleList')
export class TestHoldRuleList implements ApiMethodHandler {
  constructor(private readonly log: CallLog) {}
  async handle(request: unknown, caller: Caller, files: UploadedFile[]): Promise<AdminapiResponse<'HoldRuleList'>> {
    this.log.calls.push({ method: 'HoldRuleList', request, caller, files });
    return { Rules: [{ ID: 1, Account: 'newsletter', SenderDomain: '', RecipientDomain: '', SenderDomainStr: '', RecipientDomainStr: '' }] };
  }
}

export const testMethods = [
  TestSuppressionPresent,
  TestSend,
  TestFailingSuppressionList,
  TestDuplicateSuppressionAdd,
  TestDriftingMessageGet,
  TestMessageRawGet,
  TestDriftingMessagePartGet,
  TestHoldRuleList,
];

/** The test methods plus the logins they are called with, in place of the configuration module. */
@Global()
@Module({
  providers: [CallLog, TestAuthenticator, { provide: AccountAuthenticator, useExisting: TestAuthenticator }, ...testMethods],
  exports: [CallLog, TestAuthenticator, AccountAuthenticator],
})
export class TestApiModule {}

/** The test methods without any AccountAuthenticator, as a node before the configuration module. */
@Global()
@Module({ providers: [CallLog, ...testMethods], exports: [CallLog] })
export class TestMethodsWithoutLoginsModule {}
