// The account's own messages: those still in the queue and the retired ones (webapi QueueList and
// RetiredList, which only ever list the caller's), each linking to its page with the timeline.
import type { ViewContext } from '../shared/app.js';
import { h, link } from '../shared/dom.js';
import { filterForm, listRequest } from '../shared/filter-form.js';
import { renderMessage } from '../shared/message-page.js';
import { FILTER_NOTE, QUEUE_SORT, RETIRED_SORT, queueColumns, queueFilterFields, queueSortValue, retiredColumns, retiredFilterFields, retiredSortValue } from '../shared/messages.js';
import { PagedList } from '../shared/paged-list.js';
import type { AccountApi, AccountRequest, Msg, MsgRetired } from '../shared/types.js';

export async function accountQueueView(ctx: ViewContext<AccountApi>): Promise<void> {
  ctx.title('Queue');
  const filters = filterForm('account-queue', queueFilterFields(false), QUEUE_SORT, () => void list.reload(), FILTER_NOTE);
  const list: PagedList<Msg> = new PagedList<Msg>({
    label: 'Your queued messages',
    noun: ['message', 'messages'],
    columns: queueColumns(false),
    id: (m) => m.ID,
    sortValue: (m) => queueSortValue(filters.query().sortField)(m),
    load: async (cursor) => (await ctx.api.call('QueueList', listRequest(filters.query(), cursor) as AccountRequest<'QueueList'>)).Messages,
    empty: 'Nothing is waiting: every message you sent has been delivered or has failed.',
    errors: { feedback: filters.feedback, fields: filters.controls },
  });
  ctx.main.append(h('p', { class: 'crumbs' }, 'Finished messages are under ', link('#/history', 'History'), '.'), filters.element, list.element);
  await list.reload();
}

export async function accountHistoryView(ctx: ViewContext<AccountApi>): Promise<void> {
  ctx.title('History');
  const filters = filterForm('account-history', retiredFilterFields(false), RETIRED_SORT, () => void list.reload(), FILTER_NOTE);
  const list: PagedList<MsgRetired> = new PagedList<MsgRetired>({
    label: 'Your retired messages',
    noun: ['message', 'messages'],
    columns: retiredColumns(false),
    id: (m) => m.ID,
    sortValue: (m) => retiredSortValue(filters.query().sortField)(m),
    load: async (cursor) => (await ctx.api.call('RetiredList', listRequest(filters.query(), cursor) as AccountRequest<'RetiredList'>)).Messages,
    empty: 'No finished messages are kept. Settings › History kept decides for how long they are.',
    errors: { feedback: filters.feedback, fields: filters.controls },
  });
  ctx.main.append(h('p', { class: 'crumbs' }, 'Messages still being delivered are under ', link('#/queue', 'Queue'), '.'), filters.element, list.element);
  await list.reload();
}

export async function accountMessageView(ctx: ViewContext<AccountApi>, id: number): Promise<void> {
  const api = ctx.api;
  await renderMessage(ctx, id, {
    queued: async (i) => (await api.call('QueueList', { Filter: { IDs: [i] } })).Messages[0] ?? null,
    retired: async (i) => (await api.call('RetiredList', { Filter: { IDs: [i] } })).Messages[0] ?? null,
    history: async (i) => (await api.call('DeliveryHistory', { QueueMsgID: i })).Events,
    back: [
      ['#/queue', 'Queue'],
      ['#/history', 'History'],
    ],
  });
}
