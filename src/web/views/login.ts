import { ApiError, logIn } from '../api.js';
import { h, replaceChildren } from '../dom.js';

/**
 * The login form of a desk with accounts; `done` runs once the session cookie is set.
 *
 * @example await loginView(main, () => start());
 */
export function loginView(main: HTMLElement, done: () => void): void {
  const name = h('input', { id: 'login-name', name: 'name', autocomplete: 'username', required: true });
  const password = h('input', {
    id: 'login-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const message = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    {
      class: 'login',
      on: {
        submit: (event) => {
          event.preventDefault();
          message.textContent = '';
          logIn(name.value, password.value).then(done, (error: unknown) => {
            message.textContent =
              error instanceof ApiError && error.status === 401
                ? 'Wrong name or password.'
                : error instanceof Error
                  ? error.message
                  : String(error);
            password.value = '';
            password.focus();
          });
        },
      },
    },
    h('label', { for: 'login-name' }, 'Name'),
    name,
    h('label', { for: 'login-password' }, 'Password'),
    password,
    h('button', { type: 'submit' }, 'Log in'),
    message,
  );
  replaceChildren(main, h('h1', {}, 'Log in to the desk'), form);
  name.focus();
}
