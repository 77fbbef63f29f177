// The frame of each set of pages: the login form while nobody is logged in, then a header with the
// navigation and a logout button, and one view at a time chosen by the URL fragment (`#/queue`,
// `#/message/12`), so the back button, bookmarks and new tabs work. On each change of view the new heading
// takes the focus, so keyboard and screen reader users start at the top of what changed.
import type { Credentials } from './api.js';
import { errorText } from './feedback.js';
import { h, link, replace } from './dom.js';
import { showLogin, type LoginOptions } from './login.js';
import { Session } from './session.js';

export interface ViewContext<A> {
  api: A;
  /** Where the view draws, below its heading. */
  main: HTMLElement;
  /** Aborted when the user leaves the view: stop polling, ignore late answers. */
  signal: AbortSignal;
  /** Sets the page heading and the document title. */
  title(text: string): void;
  /** Runs `task` every `ms` milliseconds while the view is shown (never two runs at once). */
  every(ms: number, task: () => Promise<void>): void;
  /** The logged-in user name. */
  user: string;
}

export interface Route<A> {
  /** Matched against the fragment after `#/`, e.g. /^message\/(\d+)$/. */
  path: RegExp;
  render(ctx: ViewContext<A>, match: RegExpExecArray): Promise<void> | void;
}

export interface AppOptions<A> {
  name: string;
  sessionKey: string;
  nav: [href: string, label: string][];
  routes: Route<A>[];
  /** The fragment shown for an empty or unknown one, e.g. `#/queue`. */
  home: string;
  api(session: Session, onUnauthorized: () => void): A;
  login: LoginOptions<A>;
}

export function startApp<A>(options: AppOptions<A>): void {
  const root = document.getElementById('app');
  if (!root) return;
  const session = new Session(options.sessionKey);
  let current: AbortController | null = null;

  const loggedOut = (message?: string) => {
    current?.abort();
    current = null;
    session.clear();
    window.removeEventListener('hashchange', route);
    showLogin(root, options.name, options.login, api, message, (credentials: Credentials) => {
      session.save(credentials);
      showApp(true);
    });
  };
  const api = options.api(session, () => loggedOut('The server no longer accepts your login. Please log in again.'));

  const heading = h('h1', { tabindex: -1 });
  const content = h('div', { class: 'content' });
  const navLinks = options.nav.map(([href, label]) => {
    const a = link(href, label);
    // Following the link of the page already shown draws it afresh (a fragment change alone would not).
    a.addEventListener('click', (e) => {
      if (location.hash !== a.hash) return;
      e.preventDefault();
      void show(true);
    });
    return a;
  });

  function showApp(focus: boolean): void {
    const user = session.get()?.username ?? '';
    const main = h('main', { id: 'main', tabindex: -1 }, heading, content);
    replace(
      root!,
      h(
        'header',
        { class: 'top' },
        h('a', { class: 'skip', href: '#main', onclick: (e: Event) => (e.preventDefault(), heading.focus()) }, 'Skip to content'),
        h('span', { class: 'brand' }, options.name),
        h('nav', { 'aria-label': 'Pages' }, h('ul', null, ...navLinks.map((a) => h('li', null, a)))),
        h('div', { class: 'who' }, h('span', { class: 'user' }, user), h('button', { type: 'button', onclick: () => loggedOut() }, 'Log out')),
      ),
      main,
    );
    window.addEventListener('hashchange', route);
    void show(focus);
  }

  function route(): void {
    void show(true);
  }

  async function show(focus: boolean): Promise<void> {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    const fragment = fragmentOf(location.hash);
    let match: RegExpExecArray | null = null;
    const found = options.routes.find((r) => (match = r.path.exec(fragment)) !== null);
    if (!found || !match) {
      if (location.hash === options.home) throw new Error(`no page is routed at ${options.home}`);
      history.replaceState(null, '', options.home);
      return show(focus);
    }
    for (const a of navLinks) {
      const active = fragment === a.hash.slice(2) || fragment.startsWith(`${a.hash.slice(2)}/`);
      if (active) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    replace(content);
    heading.textContent = '';
    const ctx: ViewContext<A> = {
      api,
      main: content,
      signal: controller.signal,
      user: session.get()?.username ?? '',
      title(text) {
        heading.textContent = text;
        document.title = `${text} · ${options.name}`;
        // At once, not after the view has loaded its data: the user is told where they are first.
        if (focus && !controller.signal.aborted && document.activeElement !== heading) heading.focus();
      },
      every(ms, task) {
        let running = false;
        const timer = setInterval(() => {
          if (running || controller.signal.aborted) return;
          running = true;
          // A task reports its own failures; one that throws anyway must not stop the next run.
          task()
            .catch(() => undefined)
            .finally(() => (running = false));
        }, ms);
        controller.signal.addEventListener('abort', () => clearInterval(timer));
      },
    };
    try {
      await found.render(ctx, match);
    } catch (err) {
      if (controller.signal.aborted) return;
      if (!heading.textContent) ctx.title('Error');
      content.append(h('p', { class: 'error', role: 'alert' }, errorText(err)));
    }
    if (focus && !controller.signal.aborted && !content.contains(document.activeElement)) heading.focus();
  }

  if (session.get()) showApp(false);
  else loggedOut();
}

/** `#/message/12` -> `message/12`; anything unreadable is the empty fragment (the home page). */
function fragmentOf(hash: string): string {
  if (!hash.startsWith('#/')) return '';
  try {
    return decodeURIComponent(hash.slice(2));
  } catch {
    return '';
  }
}
