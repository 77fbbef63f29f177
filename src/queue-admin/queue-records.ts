// Queue read-model rows as the APIs list them: mox's Msg and MsgRetired (reference 3.1, 3.6), field for
// field, with the projection's bookkeeping columns (revision, content, submission) left out. An attempt in
// progress already shows in Results as mox shows it, a last result with Error "delivering...".
import type { components } from '../api/generated/adminapi';
import type { QueueRow } from '../delivery/queue-queries';

export type Msg = components['schemas']['Msg'];
export type MsgRetired = components['schemas']['MsgRetired'];

/** Every column of the queue table this capability reads, beyond what delivery reads. */
export interface AdminQueueRow extends QueueRow {
  DialedIPs: Record<string, string[]>;
  FutureReleaseRequest: string;
  /** `<localpart>@<Unicode domain>`: what mox's To filter matches. */
  RecipientAddr: string;
  Outcome: string | null;
  KeepUntil: string | null;
}

function common(r: AdminQueueRow) {
  return {
    ID: r.ID,
    BaseID: r.BaseID,
    Queued: r.Queued,
    SenderAccount: r.SenderAccount,
    SenderLocalpart: r.SenderLocalpart,
    SenderDomainStr: r.SenderDomainStr,
    FromID: r.FromID,
    RecipientLocalpart: r.RecipientLocalpart,
    RecipientDomain: r.RecipientDomain,
    RecipientDomainStr: r.RecipientDomainStr,
    Attempts: r.Attempts,
    MaxAttempts: r.MaxAttempts,
    DialedIPs: r.DialedIPs ?? {},
    LastAttempt: r.LastAttempt,
    Results: r.Results ?? [],
    Has8bit: r.Has8bit,
    SMTPUTF8: r.SMTPUTF8,
    Size: r.Size,
    MessageID: r.MessageID,
    Subject: r.Subject,
    Transport: r.Transport,
    RequireTLS: r.RequireTLS,
    FutureReleaseRequest: r.FutureReleaseRequest,
    Extra: r.Extra ?? {},
  };
}

export function toMsg(r: AdminQueueRow): Msg {
  return { ...common(r), Hold: r.Hold, SenderDomain: r.SenderDomain, NextAttempt: r.NextAttempt };
}

export function toMsgRetired(r: AdminQueueRow): MsgRetired {
  return {
    ...common(r),
    LastActivity: r.LastActivity,
    RecipientAddress: r.RecipientAddress,
    Success: r.Success,
    // Rows of accounts that keep nothing are removed at retirement, so a listed one always has it.
    KeepUntil: r.KeepUntil ?? r.LastActivity,
  };
}
