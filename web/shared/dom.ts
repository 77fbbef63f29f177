// Building the pages' DOM without HTML strings: text from the API always goes in as text nodes, never as
// markup, so a subject or an error message cannot inject anything.

export type Child = Node | string | number | null | undefined | false | Child[];

export type Props = Record<string, unknown>;

/**
 * An element with properties and children. `onclick`-style keys add listeners; `class` and `for` set
 * className and htmlFor; keys with a dash (`aria-label`, `data-id`), `role` and names that are not
 * properties (`tabindex`, `novalidate`) are attributes, left out when false; other keys are set as
 * properties (value, checked, spellcheck, type, href, ...). null and undefined are left out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else if (key === 'class' || key === 'for') {
      if (value !== false) el.setAttribute(key, String(value));
    } else if (key.includes('-') || key === 'role' || !(key in el)) {
      if (value !== false) el.setAttribute(key, value === true ? '' : String(value));
    } else (el as unknown as Record<string, unknown>)[key] = value;
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces an element's content. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

let counter = 0;
/** A document-unique id, for label `for` and aria-describedby. */
export function uid(prefix: string): string {
  return `${prefix}-${++counter}`;
}

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const fieldErrors = new WeakMap<Control, HTMLElement>();

/**
 * A labelled form control with an optional hint and a place for its own error message, tied together
 * with `for` and aria-describedby, so screen readers read the hint and the error with the field.
 */
export function field(label: string, control: Control, hint?: Child): HTMLElement {
  if (!control.id) control.id = uid('f');
  const error = h('p', { class: 'field-error', id: uid('err'), hidden: true });
  const describedBy = [error.id];
  let hintEl: HTMLElement | null = null;
  if (hint) {
    hintEl = h('p', { class: 'hint', id: uid('hint') }, hint);
    describedBy.unshift(hintEl.id);
  }
  control.setAttribute('aria-describedby', describedBy.join(' '));
  fieldErrors.set(control, error);
  const isCheck = control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');
  return isCheck
    ? h('div', { class: 'field check' }, control, h('label', { for: control.id }, label), hintEl, error)
    : h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl, error);
}

/** Shows (or with null clears) the error message under a control made with `field`. */
export function setFieldError(control: Control, message: string | null): void {
  const error = fieldErrors.get(control);
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
  if (!error) return;
  error.textContent = message ?? '';
  error.hidden = !message;
}

export function input(props: Props = {}): HTMLInputElement {
  return h('input', { type: 'text', ...props });
}

export function select(options: [value: string, label: string][], props: Props = {}): HTMLSelectElement {
  return h('select', props, ...options.map(([value, label]) => h('option', { value }, label)));
}

export function button(label: Child, onclick: (event: MouseEvent) => void, props: Props = {}): HTMLButtonElement {
  return h('button', { type: 'button', onclick, ...props }, label);
}

/** A link inside the pages: `#/queue`, `#/message/12`. */
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return h('a', { href }, ...children);
}

/** A section with a heading that names it for assistive technology. */
export function section(title: string, ...children: Child[]): HTMLElement {
  const id = uid('s');
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** A form whose submit (button or Enter) runs `onsubmit` instead of navigating. */
export function form(props: Props, onsubmit: (submitter: HTMLButtonElement | null) => void, ...children: Child[]): HTMLFormElement {
  const el = h('form', { novalidate: true, ...props }, ...children);
  el.addEventListener('submit', (e) => {
    e.preventDefault();
    onsubmit((e as SubmitEvent).submitter as HTMLButtonElement | null);
  });
  return el;
}

/**
 * Redraws part of a page without losing the keyboard focus: the element focused before (found again by
 * its `data-key`) gets the focus back, or `fallback` (an element, or another data-key) when it is gone,
 * e.g. the button of the row just removed.
 */
export async function keepFocus(draw: () => Promise<void>, fallback?: HTMLElement | string): Promise<void> {
  const key = (document.activeElement as HTMLElement | null)?.dataset?.key;
  await draw();
  if (!key) return;
  const byKey = (k: string) => document.querySelector<HTMLElement>(`[data-key="${CSS.escape(k)}"]`);
  const again = byKey(key) ?? (typeof fallback === 'string' ? byKey(fallback) : fallback);
  again?.focus();
}
