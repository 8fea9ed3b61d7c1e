// Run history with filters (job, status, user, time range) and the API's cursor for paging.

import {h, replace, statusBadge, fieldError, field} from '../dom.js';
import {duration, runDuration, when} from '../format.js';
import {userName} from './shared.js';

const STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'];
const PAGE_SIZE = 25;
const FILTERS = ['job', 'status', 'user', 'from', 'to'];

export async function renderHistory(main, view) {
  const query = view.query;
  const jobs = await view.api.get('/api/v1/jobs');

  const job = h('select', {id: 'filter-job', name: 'job'}, h('option', {value: ''}, 'All jobs'),
    jobs.map((j) => h('option', {value: j.name, selected: query.get('job') === j.name}, j.name)));
  const status = h('select', {id: 'filter-status', name: 'status'}, h('option', {value: ''}, 'Any status'),
    STATUSES.map((s) => h('option', {value: s, selected: query.get('status') === s}, s)));
  const choices = view.isAdmin ? [...view.users.entries()] : [[view.me.id, view.me.name]];
  // The session names the first page of accounts only; a user past it filtered by address.
  const chosen = query.get('user');
  if (chosen && !choices.some(([id]) => String(id) === chosen)) {
    choices.push([Number(chosen), `user ${chosen}`]);
  }
  const user = h('select', {id: 'filter-user', name: 'user'},
    h('option', {value: ''}, view.isAdmin ? 'Everyone' : 'All I may see'),
    choices
      .map(([id, name]) => h('option', {value: id, selected: query.get('user') === String(id)},
        id === view.me.id ? `${name} (you)` : name)));
  const from = h('input', {id: 'filter-from', name: 'from', type: 'datetime-local', value: toLocalInput(query.get('from'))});
  const to = h('input', {id: 'filter-to', name: 'to', type: 'datetime-local', value: toLocalInput(query.get('to'))});
  const form = h('form', {class: 'filters', id: 'history-filters', role: 'search', 'aria-label': 'Filter runs'},
    field('Job', job), field('Status', status), field('User', user),
    dateField(field('Created from', from)), dateField(field('Created before', to)),
    h('div', {class: 'actions'},
      h('button', {type: 'submit'}, 'Apply filters'),
      h('a', {class: 'button secondary', href: '#/history'}, 'Clear')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [name, value] of [['job', job.value], ['status', status.value], ['user', user.value],
      ['from', fromLocalInput(from.value)], ['to', fromLocalInput(to.value)]]) {
      if (value) {
        next.set(name, value);
      }
    }
    location.hash = `#/history?${next}`;
  });

  const results = h('div', {id: 'history-results'});
  replace(main, h('section', {class: 'panel'}, h('h1', {}, 'Run history'), form, results));

  const params = new URLSearchParams({limit: String(PAGE_SIZE)});
  for (const name of [...FILTERS, 'before']) {
    if (query.get(name)) {
      params.set(name, query.get(name));
    }
  }
  let page;
  try {
    page = await view.api.request('GET', `/api/v1/jobs/runs?${params}`);
  } catch (error) {
    const target = {job, status, user, from, to}[error.field];
    if (target) {
      fieldError(target, error.message);
    }
    replace(results, h('p', {class: 'error-text'}, error.message));
    return null;
  }
  const runs = page.data;
  const next = page.pagination && page.pagination.nextCursor;
  const newer = query.get('before');
  const pageLink = (before) => {
    const target = new URLSearchParams(query);
    if (before) {
      target.set('before', before);
    } else {
      target.delete('before');
    }
    return `#/history?${target}`;
  };
  replace(results,
    runs.length === 0 ? h('p', {class: 'empty'}, 'No run matches these filters.') : h('table', {class: 'data', id: 'history'},
      h('caption', {class: 'visually-hidden'}, 'Runs, newest first'),
      h('thead', {}, h('tr', {},
        ['Run', 'Job', 'Status', 'For', 'Created', 'Duration', 'Items'].map((name) => h('th', {scope: 'col'}, name)))),
      h('tbody', {}, runs.map((run) => h('tr', {dataset: {runId: run.id}},
        h('td', {'data-label': 'Run'}, h('a', {href: `#/runs/${run.id}`}, `#${run.id}`)),
        h('td', {'data-label': 'Job'}, run.jobName),
        h('td', {'data-label': 'Status'}, statusBadge(run.status)),
        h('td', {'data-label': 'For'}, userName(view, run.userId)),
        h('td', {'data-label': 'Created'}, h('time', {datetime: run.createdAt}, when(run.createdAt))),
        h('td', {'data-label': 'Duration'}, duration(runDuration(run))),
        h('td', {'data-label': 'Items'}, run.totalItems > 0 ? `${run.processedItems} / ${run.totalItems}` : '—'))))),
    h('nav', {class: 'pager', 'aria-label': 'Pages'},
      newer ? h('a', {class: 'button secondary', href: pageLink(null)}, '← Newest') : null,
      next ? h('a', {class: 'button secondary', href: pageLink(next), rel: 'next', id: 'older'}, 'Older →') : null,
      h('span', {class: 'muted'}, `${runs.length} runs on this page`)));
  return null;
}

/** A field holding a date and time, which needs more room than a list to show it whole. */
function dateField(element) {
  element.classList.add('date-field');
  return element;
}

/** An ISO instant as the value of a datetime-local input, in the browser's zone. */
function toLocalInput(text) {
  if (!text) {
    return null;
  }
  const date = new Date(text);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A datetime-local value, read in the browser's zone, as an ISO instant. */
function fromLocalInput(value) {
  return value ? new Date(value).toISOString() : '';
}
