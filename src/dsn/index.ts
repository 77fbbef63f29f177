// Bounce (DSN) reading for Postwire: `parseBounce` understands standard and non-standard bounces for
// `postwire dsn parse` and suppression; `readStrictDsn` is mox's stricter view for the webhook DSN flag.
export { analyzeBounce, parseBounce, type AnalyzedRecipient, type BounceAnalysis } from './parse-bounce';
export { readStrictDsn, webhookSmtpCodes, type StrictDsn, type StrictDsnRecipient, type StrictDsnResult } from './strict-report';
export type { BounceRecipient, BounceReport, DsnAction } from './types';
export type { Reason } from './reasons/phrase-table';
