// One message's page: where it is now (queued, on hold, delivered, failed), its envelope, its delivery
// attempts and its whole recorded history. The admin and an account see the same page through their
// own API (QueueList / RetiredList by ID, DeliveryHistory); the admin also gets actions on it.
import { ApiFailure } from './api.js';
import type { ViewContext } from './app.js';
import { button, h, link } from './dom.js';
import { feedback } from './feedback.js';
import { badge } from './format.js';
import { messageFacts } from './messages.js';
import { msgResultsTable } from './results.js';
import { timeline } from './timeline.js';
import type { DeliveryEvent, Msg, MsgRetired } from './types.js';

export interface MessageSource {
  queued(id: number): Promise<Msg | null>;
  retired(id: number): Promise<MsgRetired | null>;
  history(id: number): Promise<DeliveryEvent[]>;
  /** Links back to the lists. */
  back: [href: string, label: string][];
  /** Actions on a queued message (admin). `changed` redraws the page. */
  actions?(msg: Msg, changed: () => Promise<void>): HTMLElement;
}

export async function renderMessage<A>(ctx: ViewContext<A>, id: number, source: MessageSource): Promise<void> {
  ctx.title(`Message ${id}`);
  const fb = feedback();
  const refresh = button('Refresh', () => void draw(false).then(() => fb.ok('Refreshed.')).catch((err) => fb.error(err)));
  // Parts redrawn from the API; the actions stay put, so their messages and the focus survive a redraw.
  const state = h('div');
  const facts = h('div');
  const actions = h('section', { 'aria-labelledby': 'msg-actions', hidden: true }, h('h2', { id: 'msg-actions' }, 'Actions'));
  let actionsMade = false;
  const attempts = h('div');
  const history = h('div');
  ctx.main.append(
    h('p', { class: 'crumbs' }, ...source.back.flatMap(([href, label], i) => [i > 0 ? ' · ' : '', link(href, label)])),
    h('div', { class: 'actions' }, refresh, fb.element),
    h('div', { class: 'message' }, state, facts, actions, attempts, history),
  );

  /** `afterAction`: the actions stay shown with their message even if the message has just left the queue. */
  async function draw(afterAction = false): Promise<void> {
    const [queued, retired, events] = await Promise.all([
      source.queued(id),
      source.retired(id),
      source.history(id).catch((err: unknown) => {
        if (err instanceof ApiFailure && err.code === 'messageNotFound') return null;
        throw err;
      }),
    ]);
    if (ctx.signal.aborted) return;
    const msg = queued ?? retired;
    if (queued) state.replaceChildren(h('p', { class: 'state' }, 'In the queue: ', queued.Hold ? badge('on hold', 'warn') : badge('waiting for its next attempt', 'info')));
    else if (retired) state.replaceChildren(h('p', { class: 'state' }, 'Retired: ', retired.Success ? badge('delivered', 'ok') : badge('not delivered', 'bad')));
    else {
      state.replaceChildren(
        h('p', { class: 'state' }, events ? 'No longer in the queue, and its retired record is gone (or was never kept). Its history follows.' : `There is no message ${id}.`),
      );
    }
    facts.replaceChildren(...(msg ? [messageFacts(msg)] : []));
    if (queued && source.actions && !actionsMade) {
      actions.append(source.actions(queued, () => draw(true)));
      actionsMade = true;
    }
    if (!afterAction) actions.hidden = !queued || !source.actions;
    attempts.replaceChildren(...(msg ? [h('section', { 'aria-labelledby': 'msg-attempts' }, h('h2', { id: 'msg-attempts' }, 'Delivery attempts'), msgResultsTable(msg.Results))] : []));
    history.replaceChildren(...(events ? [h('section', { 'aria-labelledby': 'msg-timeline' }, h('h2', { id: 'msg-timeline' }, 'Timeline'), timeline(events))] : []));
  }
  await draw();
}
