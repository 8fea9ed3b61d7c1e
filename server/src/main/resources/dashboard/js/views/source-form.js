// The form that adds a source: the fields its type needs, secrets as write-only inputs.

import {h, fieldError, field} from '../dom.js';

export const SOURCE_TYPES = [
  ['local', 'Local folders'],
  ['jellyfin', 'Jellyfin'],
  ['emby', 'Emby'],
  ['plex', 'Plex'],
  ['subsonic', 'Subsonic'],
];

/** Which inputs each type shows; the others are hidden and not sent. */
const FIELDS_BY_TYPE = {
  local: ['moviesPath', 'seriesPath', 'musicPath'],
  jellyfin: ['url', 'apiKey', 'user', 'libraries'],
  emby: ['url', 'apiKey', 'user', 'libraries'],
  plex: ['url', 'token', 'libraries'],
  subsonic: ['url', 'username', 'password', 'libraries'],
};

const SECRETS = ['apiKey', 'token', 'password'];

const EXAMPLE_URL = {
  jellyfin: 'http://jellyfin.local:8096',
  emby: 'http://emby.local:8096',
  plex: 'http://plex.local:32400',
  subsonic: 'http://music.local:4040',
};

/** The add form; onAdded(source) is called with what the server created. */
export function sourceForm(view, onAdded) {
  const type = h('select', {id: 'source-type', name: 'type'},
    SOURCE_TYPES.map(([value, label]) => h('option', {value}, label)));
  const name = h('input', {id: 'source-name', name: 'name', type: 'text', required: true, autocomplete: 'off',
    placeholder: 'Films'});
  const text = (id, placeholder) => h('input', {id: `source-${id}`, name: id, type: 'text', autocomplete: 'off',
    spellcheck: 'false', placeholder});
  const secret = (id) => h('input', {id: `source-${id}`, name: id, type: 'password', autocomplete: 'new-password',
    spellcheck: 'false'});
  const inputs = {
    moviesPath: text('moviesPath', '/srv/media/Movies'),
    seriesPath: text('seriesPath', '/srv/media/Series'),
    musicPath: text('musicPath', '/srv/media/Music'),
    url: text('url', EXAMPLE_URL.jellyfin),
    apiKey: secret('apiKey'),
    token: secret('token'),
    user: text('user', 'alice'),
    username: text('username', 'alice'),
    password: secret('password'),
    libraries: text('libraries', 'Movies, Shows'),
  };
  const writeOnly = 'Write-only: stored encrypted, never shown again.';
  const fields = {
    moviesPath: field('Movies folder', inputs.moviesPath, 'A folder on the server; leave empty for none.'),
    seriesPath: field('Series folder', inputs.seriesPath, 'One folder per series, with season folders.'),
    musicPath: field('Music folder', inputs.musicPath, 'Artist and album folders.'),
    url: field('Server address', inputs.url, 'http:// or https://, with the port.'),
    apiKey: field('API key', inputs.apiKey, `Made in the server's dashboard under API keys. ${writeOnly}`),
    token: field('Plex token', inputs.token, writeOnly),
    user: field('Server user (optional)', inputs.user,
      'Whose played state and favourites are yours: a user name or id. Needed when the server has several users.'),
    username: field('User name', inputs.username, 'The Subsonic account to sign in as.'),
    password: field('Password', inputs.password, writeOnly),
    libraries: field('Libraries (optional)', inputs.libraries,
      'Names or ids, separated by commas; leave empty for all. Testing the source lists them.'),
  };
  const formError = h('p', {class: 'error-text', role: 'alert', hidden: true});
  const submit = h('button', {type: 'submit'}, 'Add source');
  const form = h('form', {class: 'source-form', id: 'source-form', novalidate: true},
    h('div', {class: 'source-form-grid'},
      field('Type', type),
      field('Name', name, 'What to call it in Suasor.'),
      Object.values(fields)),
    formError,
    h('div', {class: 'actions'}, submit));

  function showFields() {
    const shown = FIELDS_BY_TYPE[type.value];
    for (const [key, element] of Object.entries(fields)) {
      element.hidden = !shown.includes(key);
    }
    inputs.url.placeholder = EXAMPLE_URL[type.value] || '';
  }
  type.addEventListener('change', showFields);
  showFields();

  function clearErrors() {
    for (const input of [type, name, ...Object.values(inputs)]) {
      fieldError(input, '');
    }
    formError.hidden = true;
  }

  /** The request body: config and secrets of the chosen type, empty inputs left out. */
  function body() {
    const config = {};
    const secrets = {};
    for (const key of FIELDS_BY_TYPE[type.value]) {
      const value = inputs[key].value.trim();
      if (!value) {
        continue;
      }
      if (SECRETS.includes(key)) {
        secrets[key] = value;
      } else if (key === 'libraries') {
        config.libraries = value.split(',').map((library) => library.trim()).filter(Boolean);
      } else {
        config[key] = value;
      }
    }
    return {type: type.value, name: name.value.trim(), config,
      ...(Object.keys(secrets).length > 0 ? {secrets} : {})};
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    if (!name.value.trim()) {
      fieldError(name, 'Give the source a name, e.g. Films.');
      name.focus();
      return;
    }
    submit.disabled = true;
    try {
      const created = await view.api.post('/api/v1/sources', body());
      form.reset();
      showFields();
      await onAdded(created);
    } catch (error) {
      // The API names the field at fault as config.url, name, type, …
      const key = error.field ? error.field.replace(/^config\./, '').replace(/^secrets\./, '') : null;
      const target = key === 'name' ? name : key === 'type' ? type : inputs[key];
      if (target && !target.closest('[hidden]')) {
        fieldError(target, error.message);
        target.focus();
      } else {
        formError.textContent = error.message;
        formError.hidden = false;
      }
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
