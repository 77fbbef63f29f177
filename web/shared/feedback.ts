// What an action says when it is done or has failed, right next to its buttons; an API error that names
// one of the form's fields goes under that field instead. Success is announced politely (role=status),
// errors at once (role=alert).
import { ApiFailure } from './api.js';
import { h, setFieldError, type Control } from './dom.js';

export interface Feedback {
  element: HTMLElement;
  ok(message: string): void;
  error(err: unknown, fields?: Record<string, Control>): void;
  clear(fields?: Record<string, Control>): void;
}

export function errorText(err: unknown): string {
  if (err instanceof ApiFailure) return err.status === 400 && err.code !== 'user' && err.code !== 'error' ? `${err.message} (${err.code})` : err.message;
  return err instanceof Error ? err.message : String(err);
}

/**
 * The field an API message is about: `request field "Filter.Submitted": ...`, `unknown field "URL"`,
 * `URL: "x" is not an absolute URL` or `Filter.NextAttempt: ...`. Keys of `fields` are API field names.
 */
export function fieldOfMessage(message: string, fields: Record<string, Control>): Control | null {
  const quoted = /field "([^"]+)"/.exec(message)?.[1];
  const leading = /^([A-Za-z][\w.[\]]*):/.exec(message)?.[1];
  for (const path of [quoted, leading]) {
    if (!path) continue;
    const parts = path.replace(/\[\d+\]/g, '').split('.');
    for (let i = 0; i < parts.length; i++) {
      const name = parts.slice(i).join('.');
      if (fields[name]) return fields[name];
    }
  }
  return null;
}

export function feedback(): Feedback {
  const status = h('p', { class: 'status', role: 'status' });
  const alert = h('p', { class: 'error', role: 'alert' });
  const element = h('div', { class: 'feedback' }, status, alert);
  const clear = (fields?: Record<string, Control>) => {
    status.textContent = '';
    alert.textContent = '';
    for (const control of Object.values(fields ?? {})) setFieldError(control, null);
  };
  return {
    element,
    clear,
    ok(message) {
      alert.textContent = '';
      status.textContent = message;
    },
    error(err, fields) {
      status.textContent = '';
      const message = errorText(err);
      const control = fields ? fieldOfMessage(message, fields) : null;
      if (control) {
        setFieldError(control, message);
        alert.textContent = '';
      } else {
        alert.textContent = message;
      }
    },
  };
}

/**
 * Runs an action started by a button: clears old messages, ignores repeated presses while it runs (the
 * button keeps its focus, unlike a disabled one), and reports the outcome through `fb`.
 */
export async function act(button: HTMLButtonElement | null, fb: Feedback, work: () => Promise<string | void>, fields?: Record<string, Control>): Promise<boolean> {
  if (button?.getAttribute('aria-busy') === 'true') return false;
  button?.setAttribute('aria-busy', 'true');
  fb.clear(fields);
  try {
    const message = await work();
    if (message) fb.ok(message);
    return true;
  } catch (err) {
    fb.error(err, fields);
    return false;
  } finally {
    button?.removeAttribute('aria-busy');
  }
}
