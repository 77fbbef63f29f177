// Webhooks as the pages list them (pending Hook and finished HookRetired records, reference 2.8): which
// event, for which message, where to, and each call with the receiver's status and response snippet.
import { h, link } from './dom.js';
import { badge, time } from './format.js';
import { messageHref } from './messages.js';
import type { Column } from './paged-list.js';
import { hookResultsTable } from './results.js';
import type { Hook, HookRetired, HookResult } from './types.js';

type AnyHook = Hook | HookRetired;

export const hookEvent = (hook: AnyHook) => (hook.IsIncoming ? 'incoming' : hook.OutgoingEvent);

function lastCall(results: HookResult[]): string {
  const r = results[results.length - 1];
  if (!r) return 'not called yet';
  return r.Code ? `HTTP ${r.Code}${r.Error ? ` ${r.Error}` : ''}` : r.Error || 'no response';
}

/** The payload and every call, folded away. */
export function hookDetails(hook: AnyHook): HTMLElement {
  let payload = hook.Payload;
  try {
    payload = JSON.stringify(JSON.parse(hook.Payload), null, 2);
  } catch {
    // Shown as stored.
  }
  return h('details', { class: 'hook-details' }, h('summary', null, `Calls and payload of webhook ${hook.ID}`), hookResultsTable(hook.Results), h('pre', { class: 'payload' }, payload));
}

function outcome(hook: HookRetired): HTMLElement {
  if (hook.SupersededByID) return badge(`superseded by ${hook.SupersededByID}`, 'info');
  return hook.Success ? badge('delivered', 'ok') : badge('failed', 'bad');
}

export function hookColumns(admin: boolean): Column<Hook>[] {
  return [
    { label: 'ID', cell: (k) => String(k.ID), class: 'num' },
    ...(admin ? [{ label: 'Account', cell: (k: Hook) => k.Account }] : []),
    { label: 'Event', cell: (k) => hookEvent(k) },
    { label: 'Message', cell: (k) => (k.QueueMsgID ? link(messageHref(k.QueueMsgID), String(k.QueueMsgID)) : '–'), class: 'num' },
    { label: 'URL', cell: (k) => k.URL, class: 'addr' },
    { label: 'Queued', cell: (k) => time(k.Submitted) },
    { label: 'Attempts', cell: (k) => String(k.Attempts), class: 'num' },
    { label: 'Next attempt', cell: (k) => time(k.NextAttempt, { relative: true }) },
    { label: 'Last call', cell: (k) => lastCall(k.Results) },
  ];
}

export function retiredHookColumns(admin: boolean): Column<HookRetired>[] {
  return [
    { label: 'ID', cell: (k) => String(k.ID), class: 'num' },
    ...(admin ? [{ label: 'Account', cell: (k: HookRetired) => k.Account }] : []),
    { label: 'Event', cell: (k) => hookEvent(k) },
    { label: 'Message', cell: (k) => (k.QueueMsgID ? link(messageHref(k.QueueMsgID), String(k.QueueMsgID)) : '–'), class: 'num' },
    { label: 'URL', cell: (k) => k.URL, class: 'addr' },
    { label: 'Queued', cell: (k) => time(k.Submitted) },
    { label: 'Last activity', cell: (k) => time(k.LastActivity) },
    { label: 'Outcome', cell: (k) => outcome(k) },
    { label: 'Attempts', cell: (k) => String(k.Attempts), class: 'num' },
    { label: 'Last call', cell: (k) => lastCall(k.Results) },
  ];
}
