// The login form: checks the credentials with one cheap API call before keeping them, and says what is
// wrong next to the password (or the form) when the server refuses them.
import { ApiFailure, type Credentials } from './api.js';
import { field, h, input, replace, setFieldError } from './dom.js';
import { errorText } from './feedback.js';

export interface LoginOptions<A> {
  /** A fixed user name (the admin's `admin`); otherwise the form asks for an e-mail address. */
  fixedUser?: string;
  /** What the user name field asks for. */
  userLabel?: string;
  intro: string;
  /** The cheap call that proves the credentials work. */
  check(api: A, credentials: Credentials): Promise<unknown>;
}

export function showLogin<A>(root: HTMLElement, name: string, options: LoginOptions<A>, api: A, message: string | undefined, done: (c: Credentials) => void): void {
  const user = options.fixedUser ? null : input({ type: 'email', name: 'username', autocomplete: 'username', required: true, spellcheck: false, autocapitalize: 'none' });
  const password = input({ type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const alert = h('p', { class: 'error', role: 'alert' }, message ?? '');
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Log in');
  const form = h(
    'form',
    { class: 'login-form', novalidate: true, 'aria-label': 'Log in' },
    h('p', null, options.intro),
    // Password managers look for a user name beside the password.
    options.fixedUser ? h('input', { type: 'text', name: 'username', autocomplete: 'username', value: options.fixedUser, hidden: true, tabindex: -1, 'aria-hidden': 'true' }) : null,
    user ? field(options.userLabel ?? 'E-mail address', user) : null,
    field('Password', password),
    h('div', { class: 'actions' }, submit),
    alert,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.getAttribute('aria-busy') === 'true') return;
    alert.textContent = '';
    if (user) setFieldError(user, null);
    setFieldError(password, null);
    const username = options.fixedUser ?? user!.value.trim();
    if (user && !username) return setFieldError(user, 'Enter the e-mail address you log in with.'), user.focus();
    if (!password.value) return setFieldError(password, 'Enter the password.'), password.focus();
    const credentials = { username, password: password.value };
    submit.setAttribute('aria-busy', 'true');
    try {
      await options.check(api, credentials);
      done(credentials);
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) {
        // A wrong login gets the API's fixed hint ("use http basic auth ..."); anything else is the
        // reason an administrator gave for disabling the account's logins.
        const wrong = /http basic auth/i.test(err.message);
        const why = !wrong ? `Login refused: ${err.message.replace(/\.$/, '')}.` : options.fixedUser ? 'Wrong password.' : 'Wrong e-mail address or password.';
        setFieldError(password, why);
        password.select();
        password.focus();
      } else {
        alert.textContent = errorText(err);
      }
    } finally {
      submit.removeAttribute('aria-busy');
    }
  });
  replace(root, h('main', { id: 'main', class: 'login' }, h('h1', null, name), form));
  (user ?? password).focus();
}
