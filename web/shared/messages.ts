// The queue and retired-message lists as both the admin and an account see them: columns, mox's filter
// fields and sort fields (reference 3.8), and the defaults mox's admin pages start with (queue ascending
// by next attempt, retired descending by last activity).
import { h, link } from './dom.js';
import type { FilterField, SortChoice } from './filter-form.js';
import { badge, bytes, time } from './format.js';
import type { Column } from './paged-list.js';
import { lastResult } from './results.js';
import type { Msg, MsgRetired } from './types.js';

export const messageHref = (id: number) => `#/message/${id}`;

const sender = (m: { SenderLocalpart: string; SenderDomainStr: string }) => `${m.SenderLocalpart}@${m.SenderDomainStr}`;
const recipient = (m: { RecipientLocalpart: string; RecipientDomainStr: string }) => `${m.RecipientLocalpart}@${m.RecipientDomainStr}`;

/** Said once under the filters: how time filters are written, and mox's From/To quirk. */
export const FILTER_NOTE =
  'Times: < or > then now or a duration, e.g. <-1h (over an hour ago) or >10m (over 10 minutes from now). With both From and To, a message matches when either does.';

export const QUEUE_SORT: SortChoice = {
  fields: [
    ['NextAttempt', 'Next attempt'],
    ['Queued', 'Submitted'],
  ],
  ascending: true,
};

export const RETIRED_SORT: SortChoice = {
  fields: [
    ['LastActivity', 'Last activity'],
    ['Queued', 'Submitted'],
  ],
  ascending: false,
};

/** mox's Filter; `Account` only for the admin (an account sees only its own). */
export function queueFilterFields(admin: boolean): FilterField[] {
  return [
    ...(admin ? [{ kind: 'text', name: 'Account', label: 'Account' } as const] : []),
    { kind: 'text', name: 'From', label: 'From contains', placeholder: '@example.org' },
    { kind: 'text', name: 'To', label: 'To contains', placeholder: '@example.net' },
    { kind: 'yesno', name: 'Hold', label: 'On hold', yes: 'On hold', no: 'Not on hold' },
    { kind: 'text', name: 'Submitted', label: 'Submitted', placeholder: '<-1h' },
    { kind: 'text', name: 'NextAttempt', label: 'Next attempt', placeholder: '<now' },
    { kind: 'transport', name: 'Transport', label: 'Transport' },
  ];
}

export function retiredFilterFields(admin: boolean): FilterField[] {
  return [
    ...(admin ? [{ kind: 'text', name: 'Account', label: 'Account' } as const] : []),
    { kind: 'text', name: 'From', label: 'From contains', placeholder: '@example.org' },
    { kind: 'text', name: 'To', label: 'To contains', placeholder: '@example.net' },
    { kind: 'yesno', name: 'Success', label: 'Outcome', yes: 'Delivered', no: 'Not delivered' },
    { kind: 'text', name: 'Submitted', label: 'Submitted', placeholder: '<-24h' },
    { kind: 'text', name: 'LastActivity', label: 'Last activity', placeholder: '>-1h' },
    { kind: 'transport', name: 'Transport', label: 'Transport' },
  ];
}

export function queueColumns(admin: boolean): Column<Msg>[] {
  return [
    { label: 'ID', cell: (m) => link(messageHref(m.ID), String(m.ID)), class: 'num' },
    ...(admin ? [{ label: 'Account', cell: (m: Msg) => m.SenderAccount }] : []),
    { label: 'Submitted', cell: (m) => time(m.Queued) },
    { label: 'From', cell: (m) => sender(m), class: 'addr' },
    { label: 'To', cell: (m) => recipient(m), class: 'addr' },
    { label: 'Subject', cell: (m) => m.Subject, class: 'subject' },
    { label: 'Attempts', cell: (m) => `${m.Attempts} of ${m.MaxAttempts || 8}`, class: 'num' },
    { label: 'Next attempt', cell: (m) => time(m.NextAttempt, { relative: true }) },
    { label: 'Last result', cell: (m) => lastResult(m.Results) },
    { label: 'State', cell: (m) => [m.Hold ? badge('on hold', 'warn') : badge('waiting', 'info'), m.Transport ? h('div', { class: 'muted' }, `via ${m.Transport}`) : null] },
  ];
}

export function retiredColumns(admin: boolean): Column<MsgRetired>[] {
  return [
    { label: 'ID', cell: (m) => link(messageHref(m.ID), String(m.ID)), class: 'num' },
    ...(admin ? [{ label: 'Account', cell: (m: MsgRetired) => m.SenderAccount }] : []),
    { label: 'Submitted', cell: (m) => time(m.Queued) },
    { label: 'Last activity', cell: (m) => time(m.LastActivity) },
    { label: 'From', cell: (m) => sender(m), class: 'addr' },
    { label: 'To', cell: (m) => m.RecipientAddress || recipient(m), class: 'addr' },
    { label: 'Subject', cell: (m) => m.Subject, class: 'subject' },
    { label: 'Outcome', cell: (m) => (m.Success ? badge('delivered', 'ok') : badge('not delivered', 'bad')) },
    { label: 'Attempts', cell: (m) => String(m.Attempts), class: 'num' },
    { label: 'Last result', cell: (m) => lastResult(m.Results) },
  ];
}

/** The row's value of the sort field, as keyset pagination's Sort.Last wants it. */
export const queueSortValue = (field: string) => (m: Msg) => (field === 'Queued' ? m.Queued : m.NextAttempt);
export const retiredSortValue = (field: string) => (m: MsgRetired) => (field === 'Queued' ? m.Queued : m.LastActivity);

/** A definition list of a message's envelope and properties. */
export function messageFacts(m: Msg | MsgRetired): HTMLElement {
  const facts: [string, Node | string][] = [
    ['Account', m.SenderAccount],
    ['From (envelope)', sender(m)],
    ['To', recipient(m)],
    ['Subject', m.Subject || '(none)'],
    ['Message-ID', h('code', null, m.MessageID || '(none)')],
    ['Submitted', time(m.Queued)],
    ['Attempts', `${m.Attempts} of ${m.MaxAttempts || 8}`],
    ['Size', bytes(m.Size)],
    ['Transport', m.Transport || 'default routing'],
    ['RequireTLS', m.RequireTLS === null ? 'recipient domain’s policy' : m.RequireTLS ? 'required' : 'relaxed'],
  ];
  if ('NextAttempt' in m) facts.push(['Next attempt', time(m.NextAttempt, { relative: true })]);
  if ('LastActivity' in m) facts.push(['Last activity', time(m.LastActivity)], ['Record kept until', time(m.KeepUntil)]);
  if (m.FromID) facts.push(['FromID', h('code', null, m.FromID)]);
  if (m.FutureReleaseRequest) facts.push(['Release request', m.FutureReleaseRequest]);
  for (const [key, value] of Object.entries(m.Extra)) facts.push([`Extra: ${key}`, value]);
  return h('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}
