// Errors meant for programs: mox's codes (reference 1.5) plus ours, mapped to HTTP in one place
// (src/api/http/error-response.ts). The message tells the user what to fix.
export type ErrorCode =
  | 'protocol'
  | 'server'
  | 'user'
  | 'error'
  | 'badAddress'
  | 'missingBody'
  | 'multipleFrom'
  | 'domainDisabled'
  | 'badFrom'
  | 'noRecipients'
  | 'messageLimitReached'
  | 'recipientLimitReached'
  | 'messageTooLarge'
  | 'malformedMessageID'
  | 'sentOverQuota'
  | 'messageNotFound'
  | 'partNotFound'
  | 'notFound'
  | 'tooLarge';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const userError = (message: string) => new ApiError('user', message);
