// The signed-in user's collections: each with its items (a page at a time), and a form that
// previews a smart collection's rules before saving them.

import {h, replace, field, fieldError} from '../dom.js';
import {when} from '../format.js';

const COLLECTIONS = '/api/v1/collections';
const PAGE = 20;
const EXAMPLE = {
  rules: {all: [{type: 'movie'}, {genre: ['Drama']}, {not: {status: 'watched'}}]},
  sort: {by: 'rating', order: 'desc'},
  limit: 50,
};

export async function renderCollections(main, view) {
  const list = h('ul', {class: 'cards', id: 'collections', 'aria-live': 'polite'});

  async function refresh() {
    const collections = await view.api.get(COLLECTIONS);
    if (!view.isCurrent()) {
      return;
    }
    replace(list, collections.length === 0
      ? h('li', {class: 'empty'}, 'No collection yet. The daily smart collections job makes a few from what you '
        + 'play; or create one below.')
      : collections.map((collection) => card(view, collection, refresh)));
    await Promise.all([...list.querySelectorAll('[data-collection-id]')].map((element) => element.loadItems()));
  }

  await refresh();
  replace(main,
    h('section', {class: 'panel', 'aria-labelledby': 'collections-title'},
      h('h1', {id: 'collections-title', tabindex: -1}, 'Collections'),
      h('p', {class: 'hint'}, 'Smart collections follow their rules: the daily job keeps them current. '
        + 'Manual ones hold what was put in them.'),
      list),
    h('section', {class: 'panel', 'aria-labelledby': 'new-collection-title'},
      h('h2', {id: 'new-collection-title'}, 'New smart collection'),
      smartForm(view, async (created) => {
        view.notify(`Collection ${created.name} saved with ${created.itemCount} items.`);
        await refresh();
      })));
  return null;
}

function card(view, collection, refresh) {
  const items = h('ol', {class: 'collection-items', 'aria-label': `Items of ${collection.name}`});
  const more = h('button', {type: 'button', class: 'secondary', 'data-action': 'more', hidden: true}, 'Show more');
  const remove = h('button', {type: 'button', class: 'danger', 'data-action': 'delete',
    'aria-label': `Delete ${collection.name}`}, 'Delete');
  let cursor = 0;

  async function loadItems() {
    const envelope = await view.api.request('GET', `${COLLECTIONS}/${collection.id}/items?limit=${PAGE}`
      + (cursor ? `&cursor=${cursor}` : ''));
    if (cursor === 0 && envelope.data.length === 0) {
      replace(items, h('li', {class: 'empty'}, collection.kind === 'smart'
        ? 'Nothing matches these rules yet.' : 'Nothing in it yet.'));
    }
    for (const item of envelope.data) {
      items.appendChild(h('li', {dataset: {itemId: item.itemId}}, item.title,
        item.year ? h('span', {class: 'muted'}, ` (${item.year})`) : null, ' ',
        h('span', {class: 'badge type'}, item.type)));
    }
    cursor = envelope.pagination.nextCursor || 0;
    more.hidden = !envelope.pagination.nextCursor;
  }

  const element = h('li', {class: 'card collection', dataset: {collectionId: collection.id, name: collection.name}},
    h('div', {class: 'card-head'},
      h('h2', {}, collection.name),
      h('span', {class: 'badges'}, h('span', {class: `badge kind-${collection.kind}`}, collection.kind), ' ',
        h('span', {class: 'badge type'},
        `${collection.itemCount} ${collection.itemCount === 1 ? 'item' : 'items'}`))),
    collection.description ? h('p', {class: 'hint'}, collection.description) : null,
    collection.kind === 'smart' ? h('details', {class: 'rules'},
      h('summary', {}, 'Rules'),
      h('pre', {}, JSON.stringify({rules: collection.rules, sort: collection.sort, limit: collection.limit}, null, 2)))
      : null,
    items,
    h('div', {class: 'actions'}, more, remove,
      h('span', {class: 'muted hint'}, `Updated ${when(collection.updatedAt)}`)));
  element.loadItems = loadItems;

  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      await loadItems();
    } catch (error) {
      view.notify(`More items of ${collection.name} could not be shown: ${error.message}`, 'error');
    } finally {
      more.disabled = false;
    }
  });
  remove.addEventListener('click', async () => {
    remove.disabled = true;
    try {
      await view.api.request('DELETE', `${COLLECTIONS}/${collection.id}`);
      view.notify(`Collection ${collection.name} deleted.`);
      await refresh();
      document.getElementById('collections-title').focus();
    } catch (error) {
      view.notify(`${collection.name} could not be deleted: ${error.message}`, 'error');
      remove.disabled = false;
    }
  });
  return element;
}

function smartForm(view, onSaved) {
  const name = h('input', {id: 'collection-name', type: 'text', required: true, maxlength: 200, autocomplete: 'off'});
  const rules = h('textarea', {id: 'collection-rules', rows: 8, spellcheck: 'false'},
    JSON.stringify(EXAMPLE, null, 2));
  const preview = h('button', {type: 'button', class: 'secondary', id: 'collection-preview'}, 'Preview');
  const save = h('button', {type: 'submit'}, 'Save');
  const result = h('div', {id: 'collection-preview-result', 'aria-live': 'polite'});
  const form = h('form', {id: 'collection-form', novalidate: true},
    field('Name', name, 'What to call it, e.g. Christmas films.'),
    field('Rules (JSON)', rules, 'rules, sort and limit: genre, person, year, decade, rating, status, favorite, '
      + 'addedWithinDays, type, runtime and season, combined with all, any and not. See docs/COLLECTIONS.md.'),
    h('div', {class: 'actions'}, preview, save),
    result);

  /** The rules as an object, or null after saying what is wrong with them. */
  function parsed() {
    fieldError(rules, '');
    try {
      const value = JSON.parse(rules.value);
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        return value;
      }
    } catch (error) {
      fieldError(rules, `Not JSON: ${error.message}`);
      rules.focus();
      return null;
    }
    fieldError(rules, 'Write an object: {"rules": …, "sort": …, "limit": …}');
    rules.focus();
    return null;
  }

  function refused(error) {
    const target = error.field === 'name' ? name : rules;
    fieldError(target, error.field && target === rules ? `${error.field}: ${error.message}` : error.message);
    target.focus();
  }

  preview.addEventListener('click', async () => {
    const definition = parsed();
    if (!definition) {
      return;
    }
    preview.disabled = true;
    try {
      const found = await view.api.post(`${COLLECTIONS}/preview`, definition);
      replace(result,
        h('p', {}, `${found.matched} items match; the first ${found.items.length} in order:`),
        h('ol', {class: 'collection-items', id: 'preview-items'}, found.items.map((item) =>
          h('li', {}, item.title, item.year ? h('span', {class: 'muted'}, ` (${item.year})`) : null))));
    } catch (error) {
      replace(result);
      refused(error);
    } finally {
      preview.disabled = false;
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fieldError(name, '');
    if (!name.value.trim()) {
      fieldError(name, 'Give the collection a name.');
      name.focus();
      return;
    }
    const definition = parsed();
    if (!definition) {
      return;
    }
    save.disabled = true;
    try {
      const created = await view.api.post(COLLECTIONS, {...definition, name: name.value.trim(), kind: 'smart'});
      name.value = '';
      replace(result);
      await onSaved(created);
    } catch (error) {
      refused(error);
    } finally {
      save.disabled = false;
    }
  });
  return form;
}
