// The admin's operations on queued messages (reference 3.7), always on explicit message IDs: the pages
// never send a filter that could reach messages the admin did not tick (mox's gatherIDs rule).
import { button, field, h, input, select } from '../shared/dom.js';
import { act, feedback } from '../shared/feedback.js';
import { plural } from '../shared/format.js';
import type { AdminApi } from '../shared/types.js';

export class NothingSelected extends Error {}

const NOTHING_SELECTED = 'Select one or more messages first.';

export function queueOperations(api: AdminApi) {
  const by = (ids: number[]) => {
    if (ids.length === 0) throw new NothingSelected(NOTHING_SELECTED);
    return { IDs: ids };
  };
  return {
    hold: async (ids: number[], onHold: boolean) => (await api.call('QueueHoldSet', { Filter: by(ids), OnHold: onHold })).Count,
    nextAttemptSet: async (ids: number[], minutes: number) => (await api.call('QueueNextAttemptSet', { Filter: by(ids), Minutes: minutes })).Count,
    nextAttemptAdd: async (ids: number[], minutes: number) => (await api.call('QueueNextAttemptAdd', { Filter: by(ids), Minutes: minutes })).Count,
    transport: async (ids: number[], transport: string) => (await api.call('QueueTransportSet', { Filter: by(ids), Transport: transport })).Count,
    requireTLS: async (ids: number[], value: boolean | null) => (await api.call('QueueRequireTLSSet', { Filter: by(ids), RequireTLS: value })).Count,
    fail: async (ids: number[]) => (await api.call('QueueFail', { Filter: by(ids) })).Count,
    drop: async (ids: number[]) => (await api.call('QueueDrop', { Filter: by(ids) })).Count,
  };
}

const messages = (n: number) => plural(n, 'message');

export interface ActionPanel {
  element: HTMLElement;
  /** Call when the selection changes: the legend says how many, and a "select first" error goes. */
  selectionChanged(count: number): void;
}

/**
 * The action panel for selected messages: hold, release, schedule, transport, RequireTLS, fail, drop.
 * `ids()` gives the selection at the moment a button is pressed; `done()` redraws afterwards.
 */
export function queueActionPanel(api: AdminApi, ids: () => number[], done: () => Promise<void>, legend?: string): ActionPanel {
  const ops = queueOperations(api);
  const fb = feedback();
  const minutes = input({ type: 'number', name: 'Minutes', value: '0', step: 1, inputmode: 'numeric' });
  const transport = input({ name: 'Transport', spellcheck: false, autocapitalize: 'none', placeholder: 'empty: default routing' });
  const requireTLS = select([['null', 'Recipient domain’s policy'], ['true', 'Required (REQUIRETLS)'], ['false', 'Relaxed']], { name: 'RequireTLS' });
  const fields = { Minutes: minutes, Transport: transport, RequireTLS: requireTLS };

  const run = (label: string, work: (selected: number[]) => Promise<string | null>) => {
    const b: HTMLButtonElement = button(label, () => {
      void act(
        b,
        fb,
        async () => {
          const selected = ids();
          if (selected.length === 0) throw new NothingSelected(NOTHING_SELECTED);
          const message = await work(selected);
          if (message === null) return;
          await done();
          return message;
        },
        fields,
      );
    });
    return b;
  };
  const wholeMinutes = () => {
    const n = Number(minutes.value);
    if (!Number.isInteger(n)) throw new Error('Minutes: enter a whole number of minutes (negative moves earlier for “Add”).');
    return n;
  };

  const legendEl = h('legend', null, legend ?? 'With the selected messages (none yet)');
  const element = h(
    'fieldset',
    { class: 'bulk' },
    legendEl,
    h(
      'div',
      { class: 'bulk-actions' },
      h(
        'div',
        { class: 'group' },
        run('Hold', async (s) => `Put ${messages(await ops.hold(s, true))} on hold.`),
        run('Release', async (s) => `Released ${messages(await ops.hold(s, false))}.`),
        run('Retry now', async (s) => `Scheduled ${messages(await ops.nextAttemptSet(s, 0))} for now.`),
      ),
      h(
        'div',
        { class: 'group' },
        field('Minutes', minutes),
        run('Set next attempt', async (s) => `Scheduled ${messages(await ops.nextAttemptSet(s, wholeMinutes()))}.`),
        run('Add minutes', async (s) => `Moved ${messages(await ops.nextAttemptAdd(s, wholeMinutes()))}.`),
      ),
      h('div', { class: 'group' }, field('Transport', transport), run('Set transport', async (s) => `Transport changed for ${messages(await ops.transport(s, transport.value.trim()))}.`)),
      h(
        'div',
        { class: 'group' },
        field('RequireTLS', requireTLS),
        run('Set RequireTLS', async (s) => `RequireTLS changed for ${messages(await ops.requireTLS(s, requireTLS.value === 'null' ? null : requireTLS.value === 'true'))}.`),
      ),
      h(
        'div',
        { class: 'group danger-zone' },
        run('Fail…', async (s) => {
          if (!confirm(`Fail ${messages(s.length)}? Each sender gets a failure notice (DSN) and a "failed" webhook is sent.`)) return null;
          return `Failed ${messages(await ops.fail(s))}.`;
        }),
        run('Drop…', async (s) => {
          if (!confirm(`Drop ${messages(s.length)}? They leave the queue without a notice to the sender; a "canceled" webhook is sent.`)) return null;
          return `Dropped ${messages(await ops.drop(s))}.`;
        }),
      ),
    ),
    h('p', { class: 'hint' }, '“Set next attempt” schedules now plus the minutes; “Add minutes” moves the next attempt (negative: earlier). An empty transport means default routing.'),
    fb.element,
  );
  return {
    element,
    selectionChanged(count) {
      if (legend) return;
      legendEl.textContent = count === 0 ? 'With the selected messages (none yet)' : `With the ${messages(count)} selected`;
      if (count > 0 && fb.element.textContent === NOTHING_SELECTED) fb.clear();
    },
  };
}
