// The user's media sources: what each is, testing it, its sync schedules, syncing it now, removing it.

import {h, replace} from '../dom.js';
import {ago, duration, when} from '../format.js';
import {SOURCE_TYPES, sourceForm} from './source-form.js';
import {SYNC_TYPES, scheduleList} from './source-schedules.js';
import {userName} from './shared.js';

const MEDIA_SYNC = 'system.media.sync';

/** A failed test's problem, in words; the server's message says what to change. */
const PROBLEMS = {
  UNAUTHORIZED: 'The server refused the credentials.',
  UNREACHABLE: 'The server cannot be reached.',
  TLS: 'The secure connection failed.',
  TIMEOUT: 'The server did not answer in time.',
  NOT_THAT_SERVER: 'Something else answers at this address.',
  TOO_OLD: 'The server is too old for Suasor.',
  SERVER_ERROR: 'The server keeps failing.',
  NOT_FOUND: 'The server does not have what was asked for.',
  BAD_SETTINGS: 'The settings name something the server does not have.',
  BAD_RESPONSE: 'The server answered something Suasor cannot read.',
  UNUSABLE_SETTINGS: 'The source cannot be used as it is set up.',
};

export async function renderSources(main, view) {
  const list = h('ul', {class: 'cards', id: 'sources', 'aria-live': 'polite'});
  const allSources = h('div', {id: 'all-source-schedules'});
  const dialog = removeDialog(view, () => refresh());
  // Kept across redraws, so that a schedule change does not wipe a test's answer off the page.
  const tests = new Map();

  async function refresh() {
    const [sources, jobs] = await Promise.all([
      view.api.get('/api/v1/sources'), view.api.get('/api/v1/jobs/media-sync')]);
    if (!view.isCurrent()) {
      return;
    }
    replace(list, sources.length === 0
      ? h('li', {class: 'empty'}, 'No source yet: add one below.')
      : sources.map((source) => sourceCard(view, source,
        jobs.filter((job) => job.clientId === source.id), {tests, dialog, refresh})));
    const forAll = jobs.filter((job) => job.clientId === null);
    replace(allSources, forAll.length === 0 ? null : h('section', {class: 'panel'},
      h('h2', {}, 'Schedules for all your sources'),
      scheduleList(view, null, forAll, refresh)));
  }

  await refresh();
  replace(main,
    h('section', {class: 'panel'},
      h('h1', {}, 'Sources'),
      h('p', {class: 'hint'}, 'Where your media comes from. Test a source to see what Suasor reaches; '
        + 'its schedules sync it on their own, and Sync now starts one at once.'),
      list),
    allSources,
    h('section', {class: 'panel', 'aria-labelledby': 'add-source-title'},
      h('h2', {id: 'add-source-title'}, 'Add a source'),
      sourceForm(view, async (created) => {
        view.notify(`Source ${created.name} added. Test it to see what Suasor reaches.`);
        await refresh();
        const card = list.querySelector(`[data-source-id="${created.id}"] [data-action=test]`);
        if (card) {
          card.focus();
        }
      })),
    dialog.element);

  // A sync that ends changes a source's last sync.
  const unsubscribe = view.live.subscribe((type, payload) => {
    if (type === 'run.finished' && payload && payload.data && payload.data.jobName === MEDIA_SYNC) {
      refreshLastSynced(view, list);
    }
  });
  return () => {
    unsubscribe();
    dialog.element.close();
  };
}

function sourceCard(view, source, jobs, page) {
  const mine = source.userId === view.me.id;
  const result = h('div', {class: 'test-result', 'aria-live': 'polite'});
  if (page.tests.has(source.id)) {
    replace(result, testResult(page.tests.get(source.id)));
  }
  const test = h('button', {type: 'button', class: 'secondary', 'data-action': 'test'}, 'Test connection');
  test.addEventListener('click', async () => {
    test.disabled = true;
    replace(result, h('p', {class: 'muted'}, `Connecting to ${source.name}…`));
    try {
      const answer = await view.api.post(`/api/v1/sources/${source.id}/test`);
      page.tests.set(source.id, answer);
      replace(result, testResult(answer));
    } catch (error) {
      replace(result, h('p', {class: 'error-text'}, `The test could not be run: ${error.message}`));
    } finally {
      test.disabled = false;
    }
  });
  const remove = h('button', {type: 'button', class: 'danger', 'data-action': 'remove'}, 'Remove');
  remove.addEventListener('click', () => page.dialog.open(source, jobs.length));
  const typeName = (SOURCE_TYPES.find(([value]) => value === source.type) || [source.type, source.type])[1];
  return h('li', {class: 'card source-card', dataset: {sourceId: source.id, sourceName: source.name}},
    h('div', {class: 'card-head'},
      h('h2', {}, source.name, ' ', h('span', {class: 'badge type'}, typeName)),
      h('span', {class: source.enabled ? 'muted' : 'enabled-paused'}, source.enabled ? 'enabled' : 'disabled',
        mine ? null : ` · ${userName(view, source.userId)}'s`)),
    h('dl', {class: 'facts source-facts'}, facts(source).map(([term, value, name]) =>
      [h('dt', {}, term), h('dd', {dataset: {fact: name}}, value)])),
    h('div', {class: 'actions'}, test, mine ? syncNow(view, source) : null, remove),
    result,
    h('h3', {}, 'Sync schedule'),
    mine ? scheduleList(view, source, jobs, page.refresh)
      : h('p', {class: 'muted'}, `Its schedules and syncs are ${userName(view, source.userId)}'s to manage.`));
}

function facts(source) {
  const config = source.config || {};
  const where = source.type === 'local'
    ? [['Movies folder', config.moviesPath], ['Series folder', config.seriesPath], ['Music folder', config.musicPath]]
      .filter(([, path]) => path)
      .map(([term, path]) => [term, h('code', {}, path)])
    : [['Address', h('code', {}, config.url || '—')],
      ...(config.user || config.username ? [['Server user', config.user || config.username]] : []),
      ['Libraries', config.libraries && config.libraries.length > 0 ? config.libraries.join(', ') : 'all']];
  return [
    ...where,
    ['Secrets', source.hasSecrets ? 'stored (write-only, never shown)' : 'none', 'secrets'],
    ['Last synced', lastSynced(source), 'lastSynced'],
    ['System sync', `when due, at most ${every(source.syncIntervalSeconds)}`],
  ];
}

/** An interval in whole units when it has them: every 2 h, every day, every 90 min. */
function every(seconds) {
  for (const [unit, size] of [['day', 86400], ['h', 3600], ['min', 60]]) {
    if (seconds % size === 0) {
      const count = seconds / size;
      return unit === 'day' ? (count === 1 ? 'every day' : `every ${count} days`) : `every ${count} ${unit}`;
    }
  }
  return `every ${duration(seconds * 1000)}`;
}

function lastSynced(source) {
  return source.lastSyncedAt
    ? h('time', {datetime: source.lastSyncedAt, title: when(source.lastSyncedAt)}, ago(source.lastSyncedAt))
    : h('span', {class: 'muted'}, 'never');
}

async function refreshLastSynced(view, list) {
  const sources = await view.api.get('/api/v1/sources');
  for (const source of sources) {
    const holder = list.querySelector(`[data-source-id="${source.id}"] [data-fact=lastSynced]`);
    if (holder) {
      replace(holder, lastSynced(source));
    }
  }
}

/** Starts a sync of one type and follows it to its run's page. */
function syncNow(view, source) {
  const id = `sync-type-${source.id}`;
  const type = h('select', {id, 'aria-label': `What to sync of ${source.name}`},
    SYNC_TYPES.map((value) => h('option', {value}, value)));
  const start = h('button', {type: 'button', 'data-action': 'sync'}, 'Sync now');
  start.addEventListener('click', async () => {
    start.disabled = true;
    try {
      const run = await view.api.post('/api/v1/jobs/media-sync/run', {clientID: source.id, syncType: type.value});
      location.hash = `#/runs/${run.id}`;
    } catch (error) {
      view.notify(`${source.name} could not be synced: ${error.message}`, 'error');
      start.disabled = false;
    }
  });
  return h('span', {class: 'sync-now'}, type, start);
}

function testResult(answer) {
  const checked = h('span', {class: 'muted'}, ` Tested ${when(answer.checkedAt)}.`);
  if (!answer.ok) {
    return h('div', {class: 'test-failed', role: 'alert', dataset: {problem: answer.problem}},
      h('p', {}, h('strong', {}, `✗ ${PROBLEMS[answer.problem] || 'The source cannot be used.'}`), checked),
      h('p', {class: 'error-text test-error'}, answer.error));
  }
  const version = [answer.product, answer.version].filter(Boolean).join(' ');
  return h('div', {class: 'test-passed'},
    h('p', {}, h('strong', {}, `✓ ${answer.serverName}`), version ? ` answers: ${version}.` : ' answers.', checked),
    answer.users.length === 0 ? null : h('div', {},
      h('h4', {}, 'Users'),
      h('ul', {class: 'test-users'}, answer.users.map((user) => h('li', {},
        user.name, user.admin ? h('span', {class: 'badge type'}, 'admin') : null,
        user.selected ? h('span', {class: 'badge status-completed'}, 'synced') : null)))),
    h('h4', {}, 'Libraries'),
    answer.libraries.length === 0 ? h('p', {class: 'empty'}, 'None.') : h('ul', {class: 'test-libraries'},
      answer.libraries.map((library) => h('li', {},
        h('span', {class: 'library-name'}, library.name), ' ', h('span', {class: 'badge type'}, library.kind), ' ',
        library.included ? h('span', {class: 'badge status-completed'}, 'synced')
          : h('span', {class: 'badge status-cancelled'}, 'not synced')))));
}

/** Asks before removing a source, saying what goes with it. */
function removeDialog(view, onRemoved) {
  const title = h('h2', {id: 'remove-source-title'});
  const what = h('p', {});
  const confirm = h('button', {type: 'submit', class: 'danger', 'data-action': 'confirm-remove'}, 'Remove source');
  const keep = h('button', {type: 'button', class: 'secondary'}, 'Keep it');
  const form = h('form', {method: 'dialog'}, title, what, h('div', {class: 'actions'}, confirm, keep));
  const element = h('dialog', {class: 'dialog', id: 'remove-source', 'aria-labelledby': 'remove-source-title'}, form);
  let source = null;
  keep.addEventListener('click', () => element.close());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    confirm.disabled = true;
    try {
      const envelope = await view.api.request('DELETE', `/api/v1/sources/${source.id}`);
      element.close();
      view.notify(`${source.name}: ${envelope.message}.`);
      await onRemoved();
    } catch (error) {
      element.close();
      view.notify(`${source.name} could not be removed: ${error.message}`, 'error');
    } finally {
      confirm.disabled = false;
    }
  });
  return {
    element,
    open(chosen, schedules) {
      source = chosen;
      title.textContent = `Remove ${chosen.name}?`;
      what.textContent = `Suasor forgets this source, its settings and secrets${schedules > 0
        ? ` and its ${schedules} sync schedule${schedules === 1 ? '' : 's'}` : ''}. `
        + 'Items it brought in stay until the library is cleaned up; the media itself is not touched.';
      element.showModal();
      keep.focus();
    },
  };
}
