// A source's sync schedules, which are the user's media sync jobs: change, pause, delete, add.

import {h, fieldError} from '../dom.js';
import {ago, when} from '../format.js';

export const SYNC_TYPES = ['full', 'movies', 'series', 'music', 'history', 'favorites', 'collections', 'playlists'];

/**
 * The schedules of one source (or, with source null, of all the user's sources); onChanged() is
 * called after each change the server accepted, to show the page anew.
 */
export function scheduleList(view, source, jobs, onChanged) {
  const key = source ? source.id : 'all';
  return h('div', {class: 'schedules', dataset: {schedulesOf: key}},
    jobs.length === 0
      ? h('p', {class: 'muted'}, 'No schedule of its own yet: add one to sync it at the times you choose.')
      : h('ul', {class: 'schedule-list'}, jobs.map((job) => h('li', {}, scheduleRow(view, job, onChanged)))),
    source ? addSchedule(view, source, onChanged) : null);
}

function scheduleRow(view, job, onChanged) {
  const id = `schedule-${job.id}`;
  const frequency = h('input', {id: `${id}-frequency`, type: 'text', value: job.frequency, required: true,
    autocomplete: 'off', spellcheck: 'false'});
  const enabled = h('input', {id: `${id}-enabled`, type: 'checkbox', checked: job.enabled});
  const save = h('button', {type: 'submit', class: 'secondary'}, 'Save');
  const remove = h('button', {type: 'button', class: 'danger', 'data-action': 'delete-schedule',
    'aria-label': `Delete the ${job.syncType} sync schedule`}, 'Delete');
  const next = job.enabled && job.nextSyncTime
    ? h('time', {datetime: job.nextSyncTime, title: when(job.nextSyncTime)}, `next ${ago(job.nextSyncTime)}`)
    : h('span', {class: 'enabled-paused'}, 'paused');
  const form = h('form', {class: 'schedule-row', dataset: {scheduleId: job.id, syncType: job.syncType},
    novalidate: true},
  h('span', {class: 'sync-type'}, `${job.syncType} sync`),
  h('span', {class: 'schedule-frequency'},
    h('label', {for: frequency.id, class: 'visually-hidden'}, `Frequency of the ${job.syncType} sync`),
    frequency),
  h('span', {class: 'checkbox'}, enabled, h('label', {for: enabled.id}, 'Enabled')),
  h('span', {class: 'muted schedule-next'}, next),
  h('span', {class: 'actions'}, save, remove));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fieldError(frequency, '');
    save.disabled = true;
    try {
      const changed = await view.api.put(`/api/v1/jobs/media-sync/${job.id}`,
        {frequency: frequency.value.trim(), enabled: enabled.checked});
      view.notify(`The ${changed.syncType} sync is saved: ${changed.frequency}${changed.enabled ? '' : ' (paused)'}.`);
      await onChanged();
    } catch (error) {
      fieldError(frequency, error.message);
      frequency.focus();
      save.disabled = false;
    }
  });
  remove.addEventListener('click', async () => {
    remove.disabled = true;
    try {
      await view.api.request('DELETE', `/api/v1/jobs/media-sync/${job.id}`);
      view.notify(`The ${job.syncType} sync schedule is deleted.`);
      await onChanged();
    } catch (error) {
      view.notify(error.message, 'error');
      remove.disabled = false;
    }
  });
  return form;
}

function addSchedule(view, source, onChanged) {
  const id = `schedule-new-${source.id}`;
  const type = h('select', {id: `${id}-type`},
    SYNC_TYPES.map((value) => h('option', {value}, value)));
  const frequency = h('input', {id: `${id}-frequency`, type: 'text', required: true, autocomplete: 'off',
    spellcheck: 'false', placeholder: 'daily at 03:00'});
  const add = h('button', {type: 'submit', class: 'secondary'}, 'Add schedule');
  const form = h('form', {class: 'schedule-row schedule-add', novalidate: true},
    h('span', {class: 'field-inline'}, h('label', {for: type.id}, 'Sync'), type),
    h('span', {class: 'field-inline schedule-frequency'}, h('label', {for: frequency.id}, 'Frequency'), frequency),
    h('span', {class: 'actions'}, add));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fieldError(frequency, '');
    if (!frequency.value.trim()) {
      fieldError(frequency, 'Say how often, e.g. daily at 03:00, every 6h or weekly on sun at 04:00.');
      frequency.focus();
      return;
    }
    add.disabled = true;
    try {
      const saved = await view.api.post('/api/v1/jobs/media-sync',
        {clientID: source.id, syncType: type.value, frequency: frequency.value.trim()});
      view.notify(`${source.name}: the ${saved.syncType} sync runs ${saved.frequency}.`);
      await onChanged();
    } catch (error) {
      fieldError(error.field === 'syncType' ? type : frequency, error.message);
      frequency.focus();
      add.disabled = false;
    }
  });
  return form;
}
