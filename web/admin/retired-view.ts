// Retired messages: delivered, failed, suppressed or dropped, kept for the sender account's
// KeepRetiredMessagePeriod, with mox's retired filters (Success, LastActivity) and "Load more".
import type { ViewContext } from '../shared/app.js';
import { h, link } from '../shared/dom.js';
import { filterForm, listRequest } from '../shared/filter-form.js';
import { FILTER_NOTE, RETIRED_SORT, retiredColumns, retiredFilterFields, retiredSortValue } from '../shared/messages.js';
import { PagedList } from '../shared/paged-list.js';
import type { AdminApi, AdminRequest, MsgRetired } from '../shared/types.js';

export async function retiredView(ctx: ViewContext<AdminApi>): Promise<void> {
  ctx.title('Retired messages');
  const filters = filterForm('retired', retiredFilterFields(true), RETIRED_SORT, () => void list.reload(), FILTER_NOTE);
  const list: PagedList<MsgRetired> = new PagedList<MsgRetired>({
    label: 'Retired messages',
    noun: ['message', 'messages'],
    columns: retiredColumns(true),
    id: (m) => m.ID,
    sortValue: (m) => retiredSortValue(filters.query().sortField)(m),
    load: async (cursor) => (await ctx.api.call('RetiredList', listRequest(filters.query(), cursor) as AdminRequest<'RetiredList'>)).Messages,
    empty: 'No retired messages match. Messages are kept only when their account keeps retired messages (KeepRetiredMessagePeriod).',
    errors: { feedback: filters.feedback, fields: filters.controls },
  });
  ctx.main.append(h('p', { class: 'crumbs' }, 'See also: ', link('#/queue', 'the queue')), filters.element, list.element);
  await list.reload();
}
