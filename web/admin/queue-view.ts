// The delivery queue: mox's filters and sorting, keyset "Load more", selection and the bulk operations
// on exactly the selected messages.
import type { ViewContext } from '../shared/app.js';
import { h, link } from '../shared/dom.js';
import { filterForm, listRequest } from '../shared/filter-form.js';
import { FILTER_NOTE, QUEUE_SORT, queueColumns, queueFilterFields, queueSortValue } from '../shared/messages.js';
import { PagedList } from '../shared/paged-list.js';
import type { AdminApi, AdminRequest, Msg } from '../shared/types.js';
import { queueActionPanel } from './queue-operations.js';

export async function queueView(ctx: ViewContext<AdminApi>): Promise<void> {
  ctx.title('Queue');
  const filters = filterForm('queue', queueFilterFields(true), QUEUE_SORT, () => void list.reload(), FILTER_NOTE);
  const list: PagedList<Msg> = new PagedList<Msg>({
    label: 'Queued messages',
    noun: ['message', 'messages'],
    columns: queueColumns(true),
    id: (m) => m.ID,
    sortValue: (m) => queueSortValue(filters.query().sortField)(m),
    load: async (cursor) => (await ctx.api.call('QueueList', listRequest(filters.query(), cursor) as AdminRequest<'QueueList'>)).Messages,
    selectable: true,
    empty: 'No messages in the queue match.',
    errors: { feedback: filters.feedback, fields: filters.controls },
  });
  const panel = queueActionPanel(ctx.api, () => list.selectedIds(), () => list.reload());
  list.onSelection = (ids) => panel.selectionChanged(ids.length);
  ctx.main.append(
    h('p', { class: 'crumbs' }, 'See also: ', link('#/retired', 'retired messages'), ' · ', link('#/holdrules', 'hold rules')),
    filters.element,
    panel.element,
    list.element,
  );
  await list.reload();
}
