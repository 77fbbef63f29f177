// A table of records loaded a page at a time with mox's keyset pagination (reference 3.8): the next page
// asks for the rows strictly after the last one shown (Sort.LastID and Sort.Last), and an empty page is
// the end for now ("Load more" can be pressed again later to pick up new rows). Rows can be selected
// one by one or all shown at once; bulk actions use exactly the selected IDs, never "all that match".
// On a narrow screen each row becomes a card whose cells carry their column's name.
import { button, h, replace, type Child, type Control } from './dom.js';
import { feedback, type Feedback } from './feedback.js';
import { plural } from './format.js';

export interface Column<R> {
  label: string;
  cell(row: R): Child;
  class?: string;
}

export interface Cursor {
  LastID: number;
  Last: string;
}

export interface PagedListOptions<R> {
  /** The table's caption, e.g. "Queued messages". */
  label: string;
  noun: [one: string, many: string];
  columns: Column<R>[];
  id(row: R): number;
  /** The row's value of the field sorted on, for the next page's Sort.Last. */
  sortValue(row: R): string;
  /** One page: the first when `cursor` is null. */
  load(cursor: Cursor | null): Promise<R[]>;
  selectable?: boolean;
  /** Said when the first page is empty. */
  empty: string;
  /** More about a row, shown in a full-width row below it (e.g. a webhook's calls and payload). */
  details?(row: R): HTMLElement | null;
  /** Where loading errors go instead of the list's own footer, e.g. the filter form (bad filter values). */
  errors?: { feedback: Feedback; fields: Record<string, Control> };
}

export class PagedList<R> {
  readonly element: HTMLElement;
  readonly feedback: Feedback = feedback();
  private rows: R[] = [];
  private readonly selected = new Set<number>();
  private readonly boxes = new Map<number, HTMLInputElement>();
  private readonly shownIds = new Set<number>();
  private readonly body = h('tbody');
  private readonly count = h('span', { class: 'count' });
  private readonly emptyNote: HTMLElement;
  private readonly selectAll = h('input', { type: 'checkbox', onchange: () => this.toggleAll() });
  private readonly moreButton = button('Load more', () => void this.more());
  private generation = 0;
  /** Called when the selection changes. */
  onSelection: (ids: number[]) => void = () => undefined;

  constructor(private readonly options: PagedListOptions<R>) {
    const o = options;
    this.emptyNote = h('p', { class: 'empty', hidden: true }, o.empty);
    this.element = h(
      'div',
      { class: 'paged-list' },
      h('div', { class: 'list-toolbar' }, o.selectable ? h('label', { class: 'select-all' }, this.selectAll, ' Select all shown') : null, this.count),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          null,
          h('caption', { class: 'visually-hidden' }, o.label),
          h('thead', null, h('tr', null, o.selectable ? h('th', { scope: 'col', class: 'select' }, h('span', { class: 'visually-hidden' }, 'Selected')) : null, ...o.columns.map((c) => h('th', { scope: 'col', class: c.class }, c.label)))),
          this.body,
        ),
      ),
      this.emptyNote,
      h('div', { class: 'list-footer' }, this.moreButton, this.feedback.element),
    );
  }

  /** IDs of the selected rows, in the order shown. */
  selectedIds(): number[] {
    return this.rows.map((r) => this.options.id(r)).filter((id) => this.selected.has(id));
  }

  get shown(): readonly R[] {
    return this.rows;
  }

  /** Loads the first page again; the selection is cleared. */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    this.clearErrors();
    try {
      const rows = await this.options.load(null);
      if (generation !== this.generation) return;
      this.rows = [];
      this.selected.clear();
      this.boxes.clear();
      this.shownIds.clear();
      replace(this.body);
      this.add(rows);
    } catch (err) {
      if (generation === this.generation) this.report(err);
    }
  }

  /** Appends the next page, if there is one now. */
  async more(): Promise<void> {
    const last = this.rows[this.rows.length - 1];
    const generation = this.generation;
    const cursor = last ? { LastID: this.options.id(last), Last: this.options.sortValue(last) } : null;
    this.clearErrors();
    try {
      const rows = await this.options.load(cursor);
      if (generation !== this.generation) return;
      if (rows.length === 0) this.feedback.ok(`No more ${this.options.noun[1]} for now.`);
      else this.feedback.ok(`${plural(rows.length, ...this.options.noun)} more.`);
      this.add(rows);
    } catch (err) {
      this.report(err);
    }
  }

  private clearErrors(): void {
    this.feedback.clear();
    this.options.errors?.feedback.clear(this.options.errors.fields);
  }

  private report(err: unknown): void {
    const target = this.options.errors;
    if (target) target.feedback.error(err, target.fields);
    else this.feedback.error(err);
  }

  private add(rows: R[]): void {
    const o = this.options;
    for (const row of rows) {
      const id = o.id(row);
      // A row that moved between two pages (its next attempt changed) is shown once.
      if (this.shownIds.has(id)) continue;
      this.shownIds.add(id);
      this.rows.push(row);
      let selectCell: HTMLElement | null = null;
      if (o.selectable) {
        const box = h('input', { type: 'checkbox', 'aria-label': `Select ${o.noun[0]} ${id}`, onchange: () => this.toggle(id, box.checked) });
        this.boxes.set(id, box);
        selectCell = h('td', { class: 'select' }, box);
      }
      this.body.append(h('tr', { 'data-id': id }, selectCell, ...o.columns.map((c) => h('td', { class: c.class, 'data-label': c.label }, c.cell(row)))));
      const more = o.details?.(row);
      if (more) this.body.append(h('tr', { class: 'details-row', 'data-details-of': id }, h('td', { colSpan: o.columns.length + (o.selectable ? 1 : 0) }, more)));
    }
    this.emptyNote.hidden = this.rows.length > 0;
    this.changed();
  }

  private toggle(id: number, on: boolean): void {
    if (on) this.selected.add(id);
    else this.selected.delete(id);
    this.changed();
  }

  private toggleAll(): void {
    const on = this.selectAll.checked;
    for (const [id, box] of this.boxes) {
      box.checked = on;
      if (on) this.selected.add(id);
      else this.selected.delete(id);
    }
    this.changed();
  }

  private changed(): void {
    const shown = this.rows.length;
    const selected = this.selected.size;
    this.selectAll.checked = shown > 0 && selected === shown;
    this.selectAll.indeterminate = selected > 0 && selected < shown;
    this.count.textContent = `${plural(shown, ...this.options.noun)} shown${this.options.selectable ? `, ${selected} selected` : ''}`;
    this.onSelection(this.selectedIds());
  }
}
