// One message for the admin: the shared message page, with hold / release / retry / fail / drop.
import type { ViewContext } from '../shared/app.js';
import { renderMessage } from '../shared/message-page.js';
import type { AdminApi } from '../shared/types.js';
import { queueActionPanel } from './queue-operations.js';

export async function adminMessageView(ctx: ViewContext<AdminApi>, id: number): Promise<void> {
  const api = ctx.api;
  await renderMessage(ctx, id, {
    queued: async (i) => (await api.call('QueueList', { Filter: { IDs: [i] } })).Messages[0] ?? null,
    retired: async (i) => (await api.call('RetiredList', { Filter: { IDs: [i] } })).Messages[0] ?? null,
    history: async (i) => (await api.call('DeliveryHistory', { QueueMsgID: i })).Events,
    back: [
      ['#/queue', 'Queue'],
      ['#/retired', 'Retired messages'],
    ],
    actions: (msg, changed) => queueActionPanel(api, () => [msg.ID], changed, `Message ${msg.ID}`).element,
  });
}
