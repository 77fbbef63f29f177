// Read models (projections): how far each has processed the event log, and rebuilding one by replay,
// with its progress followed by polling ProjectionStatus (every second while a rebuild runs).
import type { ViewContext } from '../shared/app.js';
import { button, h, keepFocus } from '../shared/dom.js';
import { act, feedback } from '../shared/feedback.js';
import { badge } from '../shared/format.js';
import { table } from '../shared/results.js';
import type { AdminApi, Projection } from '../shared/types.js';

export async function projectionsView(ctx: ViewContext<AdminApi>): Promise<void> {
  ctx.title('Read models');
  const api = ctx.api;
  const box = h('div', { class: 'projections' });
  const fb = feedback();
  let rebuilding = false;
  let lastDraw = 0;

  const status = (p: Projection) =>
    p.Rebuilding
      ? h('span', { class: 'progress' }, h('progress', { max: 1, value: p.Progress, 'aria-label': `Rebuild of ${p.Name}` }), ` ${Math.floor(p.Progress * 100)} %`)
      : p.Lag > 0
        ? badge(`${p.Lag} behind`, 'warn')
        : badge('up to date', 'ok');

  const draw = async () => {
    const { Projections } = await api.call('ProjectionStatus', {});
    if (ctx.signal.aborted) return;
    lastDraw = Date.now();
    rebuilding = Projections.some((p) => p.Rebuilding);
    box.replaceChildren(
      table(
        'Read models',
        ['Name', 'Version', 'Position', 'Log head', 'State', ''],
        Projections.map((p) => [p.Name, String(p.Version), String(p.Position), String(p.Head), status(p), rebuildButton(p)]),
      ),
    );
  };

  const rebuildButton = (p: Projection) => {
    const b: HTMLButtonElement = button(
      'Rebuild',
      () =>
        void act(b, fb, async () => {
          const { Started } = await api.call('ProjectionRebuild', { Name: p.Name });
          await keepFocus(draw);
          return Started ? `Rebuilding ${p.Name}; its old read model answers until the new one has caught up.` : `${p.Name} is already being rebuilt.`;
        }),
      { 'aria-label': `Rebuild ${p.Name}`, 'data-key': `rebuild-${p.Name}`, disabled: p.Rebuilding },
    );
    return b;
  };

  ctx.main.append(
    h('p', null, 'Every list on these pages is a read model built from the event log. Rebuilding one replays the log into a new copy and swaps it in when done.'),
    box,
    fb.element,
  );
  await draw();
  ctx.every(1000, async () => {
    if (rebuilding || Date.now() - lastDraw >= 5000) await keepFocus(draw).catch((err) => fb.error(err));
  });
}
