// How long a retired webhook stays listed (mox hookRetire, reference 2.8): the account's
// KeepRetiredWebhookPeriod from now; 0 (the default) keeps nothing, so the record goes at once
// (KeepUntil null); an account that no longer exists keeps 7 days, as mox.
import type { AccountConfig, ConfigView } from '../config/config-view';
import { parseDuration } from '../config/durations';

export const MISSING_ACCOUNT_HOOK_RETENTION_MS = 7 * 24 * 3_600_000;

export function hookKeepUntil(config: ConfigView, account: string, now: Date): string | null {
  return keepUntilFor(config.account(account), now);
}

/** The same for settings already read (null: the account no longer exists). */
export function keepUntilFor(settings: AccountConfig | null, now: Date): string | null {
  let period = MISSING_ACCOUNT_HOOK_RETENTION_MS;
  if (settings) period = parseDuration(settings.KeepRetiredWebhookPeriod || '0s') ?? 0;
  return period > 0 ? new Date(now.getTime() + period).toISOString() : null;
}
