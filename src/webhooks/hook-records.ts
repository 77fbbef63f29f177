// Read-model rows as the API lists them: mox's Hook and HookRetired (reference 2.8), field for field.
import type { HookRow } from './hook-queries';
import type { HookResult } from './webhook-events';

export interface Hook {
  ID: number;
  QueueMsgID: number;
  FromID: string;
  MessageID: string;
  Subject: string;
  Extra: Record<string, string>;
  Account: string;
  URL: string;
  Authorization: string;
  IsIncoming: boolean;
  OutgoingEvent: string;
  Payload: string;
  Submitted: string;
  Attempts: number;
  NextAttempt: string;
  Results: HookResult[];
}

export interface HookRetired extends Omit<Hook, 'Authorization' | 'NextAttempt'> {
  /** Whether an Authorization header was sent; the value is not kept (mox). */
  Authorization: boolean;
  SupersededByID: number;
  Success: boolean;
  LastActivity: string;
  KeepUntil: string;
}

export function toHook(r: HookRow): Hook {
  return {
    ID: r.ID,
    QueueMsgID: r.QueueMsgID,
    FromID: r.FromID,
    MessageID: r.MessageID,
    Subject: r.Subject,
    Extra: r.Extra ?? {},
    Account: r.Account,
    URL: r.URL,
    Authorization: r.Authorization,
    IsIncoming: r.IsIncoming,
    OutgoingEvent: r.OutgoingEvent,
    Payload: r.Payload,
    Submitted: r.Submitted,
    Attempts: r.Attempts,
    NextAttempt: r.NextAttempt,
    Results: r.Results ?? [],
  };
}

export function toHookRetired(r: HookRow): HookRetired {
  return {
    ID: r.ID,
    QueueMsgID: r.QueueMsgID,
    FromID: r.FromID,
    MessageID: r.MessageID,
    Subject: r.Subject,
    Extra: r.Extra ?? {},
    Account: r.Account,
    URL: r.URL,
    Authorization: r.HasAuthorization,
    IsIncoming: r.IsIncoming,
    OutgoingEvent: r.OutgoingEvent,
    Payload: r.Payload,
    Submitted: r.Submitted,
    SupersededByID: r.SupersededByID,
    Attempts: r.Attempts,
    Results: r.Results ?? [],
    Success: r.Success,
    LastActivity: r.LastActivity,
    KeepUntil: r.KeepUntil ?? r.LastActivity,
  };
}
