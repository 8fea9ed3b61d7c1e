import {h, replace, fieldError} from '../dom.js';

/** The sign-in form; onToken(token) opens the session and throws when the server refuses it. */
export function renderSignIn(main, message, onToken) {
  const input = h('input', {id: 'token', name: 'token', type: 'password', autocomplete: 'current-password',
    required: true, spellcheck: 'false'});
  const submit = h('button', {type: 'submit'}, 'Sign in');
  const form = h('form', {class: 'panel sign-in', novalidate: true},
    h('h1', {}, 'Sign in to Suasor'),
    message ? h('p', {class: 'info'}, message) : null,
    h('div', {class: 'field'},
      h('label', {for: 'token'}, 'API token'),
      input,
      h('p', {class: 'hint', id: 'token-hint'},
        'The token an admin issued you (suasor_…). It is kept only for this browser tab.')),
    submit);
  input.setAttribute('aria-describedby', 'token-hint');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) {
      fieldError(input, 'Enter your API token.');
      input.focus();
      return;
    }
    submit.disabled = true;
    try {
      await onToken(token);
    } catch (error) {
      fieldError(input, error.message);
      input.focus();
    } finally {
      submit.disabled = false;
    }
  });
  replace(main, form);
  input.focus();
}
