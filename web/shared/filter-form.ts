// The filter and sort form above a list: mox's Filter fields (only the non-empty ones are sent), the sort
// field and direction, and the page size (Filter.Max). The values outlive the view while the tab is open,
// so going to a message and back keeps them.
import { button, field, h, input, select, type Control } from './dom.js';
import { feedback, type Feedback } from './feedback.js';

export type FilterField =
  | { kind: 'text'; name: string; label: string; hint?: string; placeholder?: string }
  /** Any / yes / no, sent as a boolean or left out. */
  | { kind: 'yesno'; name: string; label: string; yes: string; no: string }
  | { kind: 'choice'; name: string; label: string; options: [value: string, label: string][] }
  /** mox's Transport filter: any (left out), default routing (`""`) or a transport's name. */
  | { kind: 'transport'; name: string; label: string };

export interface SortChoice {
  fields: [value: string, label: string][];
  ascending: boolean;
}

export interface ListQuery {
  filter: Record<string, string | boolean>;
  sortField: string;
  ascending: boolean;
  pageSize: number;
}

export const PAGE_SIZES = [20, 50, 100, 200, 500];
export const DEFAULT_PAGE_SIZE = 100;

const remembered = new Map<string, ListQuery>();

export interface FilterForm {
  element: HTMLElement;
  query(): ListQuery;
  /** The controls by API field name, for errors about them. */
  controls: Record<string, Control>;
  feedback: Feedback;
}

/**
 * `key` names the list whose settings are remembered; `apply` runs when the form is submitted with the
 * current query. `TimeFilter` fields take `<` or `>` then `now` or a duration, e.g. `<-1h`.
 */
export function filterForm(key: string, fields: FilterField[], sort: SortChoice, apply: (q: ListQuery) => void, note?: string): FilterForm {
  const initial: ListQuery = remembered.get(key) ?? { filter: {}, sortField: sort.fields[0][0], ascending: sort.ascending, pageSize: DEFAULT_PAGE_SIZE };
  const controls: Record<string, Control> = {};
  const transportKinds = new Map<string, HTMLSelectElement>();
  const parts = fields.map((f) => {
    let control: Control;
    const value = initial.filter[f.name];
    if (f.kind === 'transport') {
      const kind = select([['any', 'Any'], ['default', 'Default routing'], ['named', 'Named transport']], { name: `${f.name}Kind` });
      const name = input({ name: f.name, value: typeof value === 'string' ? value : '', spellcheck: false, autocapitalize: 'none' });
      kind.value = value === undefined ? 'any' : value === '' ? 'default' : 'named';
      const named = field('Transport name', name);
      named.hidden = kind.value !== 'named';
      kind.addEventListener('change', () => (named.hidden = kind.value !== 'named'));
      controls[f.name] = name;
      transportKinds.set(f.name, kind);
      return h('div', { class: 'field-group' }, field(f.label, kind), named);
    }
    if (f.kind === 'text') control = input({ name: f.name, value: typeof value === 'string' ? value : '', placeholder: f.placeholder ?? '', spellcheck: false, autocapitalize: 'none' });
    else if (f.kind === 'yesno') control = select([['', 'Any'], ['true', f.yes], ['false', f.no]], { name: f.name });
    else control = select(f.options, { name: f.name });
    if (f.kind !== 'text') control.value = value === undefined ? '' : String(value);
    controls[f.name] = control;
    return field(f.label, control, f.kind === 'text' ? f.hint : undefined);
  });
  const sortField = select(sort.fields, { name: 'SortField' });
  sortField.value = initial.sortField;
  const direction = select([['asc', 'Ascending (oldest first)'], ['desc', 'Descending (newest first)']], { name: 'SortDirection' });
  direction.value = initial.ascending ? 'asc' : 'desc';
  const pageSize = select(PAGE_SIZES.map((n) => [String(n), String(n)]), { name: 'PageSize' });
  pageSize.value = String(initial.pageSize);
  const fb = feedback();

  const query = (): ListQuery => {
    const filter: Record<string, string | boolean> = {};
    for (const f of fields) {
      const raw = controls[f.name].value.trim();
      if (f.kind === 'transport') {
        const kind = transportKinds.get(f.name)!.value;
        if (kind !== 'any') filter[f.name] = kind === 'default' ? '' : raw;
        continue;
      }
      if (raw === '') continue;
      filter[f.name] = f.kind === 'yesno' ? raw === 'true' : raw;
    }
    return { filter, sortField: sortField.value, ascending: direction.value === 'asc', pageSize: Number(pageSize.value) };
  };
  const submit = () => {
    const q = query();
    remembered.set(key, q);
    apply(q);
  };
  const form = h(
    'form',
    { class: 'filters', novalidate: true },
    h('div', { class: 'grid' }, ...parts, field('Sort by', sortField), field('Order', direction), field('Page size', pageSize)),
    note ? h('p', { class: 'hint' }, note) : null,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Apply'),
      button('Reset', () => {
        for (const c of Object.values(controls)) c.value = '';
        for (const k of transportKinds.values()) {
          k.value = 'any';
          k.dispatchEvent(new Event('change'));
        }
        sortField.value = sort.fields[0][0];
        direction.value = sort.ascending ? 'asc' : 'desc';
        pageSize.value = String(DEFAULT_PAGE_SIZE);
        submit();
      }),
    ),
    fb.element,
  );
  form.addEventListener('submit', (e) => (e.preventDefault(), submit()));
  const details = h('details', { class: 'filter-box', open: window.matchMedia('(min-width: 48em)').matches || remembered.has(key) }, h('summary', null, 'Filter and sort'), form);
  return { element: details, query: () => remembered.get(key) ?? initial, controls, feedback: fb };
}

/** The list request for one page: the filter with Max, and the sort with the cursor when there is one. */
export function listRequest(q: ListQuery, cursor: { LastID: number; Last: string } | null): { Filter: Record<string, unknown>; Sort: Record<string, unknown> } {
  return {
    Filter: { ...q.filter, Max: q.pageSize },
    Sort: { Field: q.sortField, Asc: q.ascending, ...(cursor ?? {}) },
  };
}
