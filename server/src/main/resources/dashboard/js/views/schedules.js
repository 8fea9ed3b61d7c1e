// Schedules: the list, and an editor that checks the text with the server as it is typed.
// A schedule may follow a job (a chain): the editor keeps the clock in the frequency field and
// the followed job in a list of jobs, and sends them joined ('daily or after system.media.sync').

import {h, replace, fieldError, field} from '../dom.js';
import {ago, inZone, when} from '../format.js';
import {canChangeSchedule, userName} from './shared.js';

const PREVIEW_DELAY_MS = 300;
const PREVIEW_COUNT = 5;

/** Schedules the list reads at a time; "Show more" appends the next page. */
const SCHEDULE_PAGE = 50;

export async function renderSchedules(main, view) {
  const rows = h('tbody', {});
  const count = h('p', {class: 'hint', id: 'schedules-count', 'aria-live': 'polite'});
  const more = h('button', {type: 'button', class: 'secondary', id: 'more-schedules', hidden: true}, 'Show more');
  let shown = 0;
  let next = null;

  async function load() {
    const params = new URLSearchParams({limit: String(SCHEDULE_PAGE)});
    if (next) {
      params.set('after', next);
    }
    const page = await view.api.request('GET', `/api/v1/jobs/schedules?${params}`);
    for (const schedule of page.data) {
      rows.appendChild(scheduleRow(view, schedule));
    }
    shown += page.data.length;
    next = page.pagination ? page.pagination.nextCursor : null;
    more.hidden = !next;
    count.textContent = next
      ? `Showing the first ${shown} schedules, by name.`
      : `All ${shown} ${shown === 1 ? 'schedule' : 'schedules'} shown.`;
  }
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      await load();
    } catch (error) {
      view.notify(`More schedules could not be loaded: ${error.message}`, 'error');
    } finally {
      more.disabled = false;
    }
  });

  await load();
  replace(main, h('section', {class: 'panel'},
    h('h1', {}, 'Schedules'),
    count,
    h('table', {class: 'data', id: 'schedules'},
      h('thead', {}, h('tr', {},
        ['Schedule', 'Job', 'Frequency', 'For', 'Enabled', 'Next run', 'Last run', ''].map((name) =>
          h('th', {scope: 'col'}, name)))),
      rows),
    h('div', {class: 'actions'}, more)));
  return null;
}

function scheduleRow(view, s) {
  return h('tr', {dataset: {schedule: s.name}},
    h('th', {scope: 'row', 'data-label': 'Schedule'}, s.name),
    h('td', {'data-label': 'Job'}, s.jobName),
    h('td', {'data-label': 'Frequency'}, h('code', {}, s.frequency), h('span', {class: 'muted'}, ` (${s.timeZone})`)),
    h('td', {'data-label': 'For'}, userName(view, s.userId)),
    h('td', {'data-label': 'Enabled'}, s.enabled ? 'yes' : 'paused'),
    h('td', {'data-label': 'Next run'}, s.enabled && s.nextRunTime
      ? h('time', {datetime: s.nextRunTime, title: when(s.nextRunTime)}, ago(s.nextRunTime)) : '—'),
    h('td', {'data-label': 'Last run'}, s.lastRunTime
      ? h('time', {datetime: s.lastRunTime, title: when(s.lastRunTime)}, ago(s.lastRunTime)) : 'never'),
    h('td', {'data-label': 'Actions'}, canChangeSchedule(view, s)
      ? h('a', {class: 'button secondary', href: `#/schedules/${encodeURIComponent(s.name)}`,
        'aria-label': `Edit schedule ${s.name}`}, 'Edit')
      : h('span', {class: 'muted'}, 'read only')));
}

/** A frequency split into its clock and the job it follows, as the server writes chains. */
export function splitChain(text) {
  const trimmed = (text || '').trim();
  let match = /^after\s+(\S+)(?:\s+or\s+(.+))?$/i.exec(trimmed);
  if (match) {
    return {clock: match[2] || 'manual', after: match[1]};
  }
  match = /^(.+?)\s+or\s+after\s+(\S+)$/i.exec(trimmed);
  return match ? {clock: match[1], after: match[2]} : {clock: trimmed, after: ''};
}

/** The frequency of a clock and a followed job: 'after x' alone when the clock is manual. */
export function joinChain(clock, after) {
  const text = clock.trim();
  if (!after) {
    return text;
  }
  return text === '' || text.toLowerCase() === 'manual' ? `after ${after}` : `${text} or after ${after}`;
}

export async function renderScheduleEditor(main, view) {
  const name = view.params[0];
  const [loaded, jobs] = await Promise.all([
    view.api.get(`/api/v1/jobs/schedules/${encodeURIComponent(name)}`),
    view.api.get('/api/v1/jobs')]);
  let schedule = loaded;
  const editable = canChangeSchedule(view, schedule);
  const chain = splitChain(schedule.frequency);

  const frequency = h('input', {id: 'frequency', name: 'frequency', type: 'text', value: chain.clock,
    required: true, autocomplete: 'off', spellcheck: 'false', disabled: !editable});
  const jobNames = jobs.map((job) => job.name).filter((job) => job !== chain.after);
  const afterJob = h('select', {id: 'after-job', name: 'afterJob', disabled: !editable},
    h('option', {value: ''}, 'no job (the clock only)'),
    (chain.after ? [chain.after, ...jobNames] : jobNames).sort().map((job) =>
      h('option', {value: job, selected: job === chain.after}, `after job ${job}`)));
  const frequencyText = () => joinChain(frequency.value, afterJob.value);
  const zones = h('datalist', {id: 'time-zones'},
    (Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : []).map((zone) => h('option', {value: zone})));
  const timeZone = h('input', {id: 'timeZone', name: 'timeZone', type: 'text', value: schedule.timeZone,
    list: 'time-zones', autocomplete: 'off', spellcheck: 'false', disabled: !editable});
  const enabled = h('input', {id: 'enabled', name: 'enabled', type: 'checkbox', checked: schedule.enabled,
    disabled: !editable});
  const config = h('textarea', {id: 'config', name: 'config', rows: 4, spellcheck: 'false', disabled: !editable},
    schedule.config);
  const save = h('button', {type: 'submit', disabled: !editable}, 'Save schedule');
  const formError = h('p', {class: 'error-text', role: 'alert', hidden: true});
  const description = h('p', {class: 'preview-description', id: 'preview-description'});
  const fires = h('ol', {class: 'fire-times', id: 'preview-fires'});
  const fieldsByName = {frequency, timeZone, enabled, config};

  const form = h('form', {class: 'schedule-form', id: 'schedule-form', novalidate: true},
    field('Frequency', frequency,
      'For example: every 15m, hourly, daily at 03:00, weekly on mon at 02:30, monthly on 1 at 04:00, cron 0 */6 * * *, manual.'),
    field('Also runs', afterJob,
      'Once after each successful run of that job (a chain), with that run\'s id and statistics; with frequency manual, only then.'),
    field('Time zone', timeZone, 'An IANA name such as UTC or Europe/Berlin; the schedule follows its wall clock.'),
    zones,
    h('div', {class: 'field checkbox'}, enabled, h('label', {for: 'enabled'}, 'Enabled (fires on its schedule)')),
    field('Parameters for each run', config, 'A JSON object handed to every run this schedule starts.'),
    formError,
    h('div', {class: 'actions'}, save, h('a', {class: 'button secondary', href: '#/schedules'}, 'Back to schedules')));

  replace(main,
    h('p', {class: 'breadcrumb'}, h('a', {href: '#/schedules'}, '← Schedules')),
    h('div', {class: 'columns'},
      h('section', {class: 'panel'},
        h('h1', {}, `Schedule ${schedule.name}`),
        h('p', {class: 'muted'}, `Fires job ${schedule.jobName} for ${userName(view, schedule.userId)}.`),
        editable ? null : h('p', {class: 'info'}, 'Only an admin may change a system schedule.'),
        form),
      h('section', {class: 'panel', 'aria-labelledby': 'preview-title'},
        h('h2', {id: 'preview-title'}, 'Next fire times'),
        h('div', {'aria-live': 'polite'}, description, fires))));

  let timer = null;
  let asked = 0;
  async function preview() {
    const mine = ++asked;
    const params = new URLSearchParams({frequency: frequencyText(), timeZone: timeZone.value || 'UTC',
      count: String(PREVIEW_COUNT)});
    try {
      const answer = await view.api.get(`/api/v1/jobs/schedule-preview?${params}`);
      if (mine !== asked) {
        return;
      }
      fieldError(frequency, '');
      fieldError(timeZone, '');
      description.textContent = answer.description;
      const follows = splitChain(answer.frequency).after;
      replace(fires, answer.fireTimes.length === 0
        ? h('li', {class: 'muted'}, follows
          ? `Never on a clock: it runs after ${follows} and when started by hand.`
          : 'Never on its own: it runs only when started by hand.')
        : answer.fireTimes.map((fire) => h('li', {}, h('time', {datetime: fire}, inZone(fire, answer.timeZone)))));
    } catch (error) {
      if (mine !== asked) {
        return;
      }
      fieldError(fieldsByName[error.field] || frequency, error.message);
      description.textContent = 'No preview: the schedule cannot be read.';
      replace(fires);
    }
  }
  function previewSoon() {
    clearTimeout(timer);
    timer = setTimeout(preview, PREVIEW_DELAY_MS);
  }
  frequency.addEventListener('input', previewSoon);
  afterJob.addEventListener('change', previewSoon);
  timeZone.addEventListener('input', previewSoon);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearTimeout(timer);
    for (const input of Object.values(fieldsByName)) {
      fieldError(input, '');
    }
    formError.hidden = true;
    save.disabled = true;
    try {
      schedule = await view.api.put(`/api/v1/jobs/schedules/${encodeURIComponent(schedule.name)}`, {
        frequency: frequencyText(),
        timeZone: timeZone.value,
        enabled: enabled.checked,
        config: config.value.trim() || '{}',
        version: schedule.version,
      });
      const saved = splitChain(schedule.frequency);
      frequency.value = saved.clock;
      afterJob.value = saved.after;
      view.notify(`Schedule ${schedule.name} saved: ${schedule.frequency} (${schedule.timeZone}).`);
      await preview();
    } catch (error) {
      const target = fieldsByName[error.field];
      if (target) {
        fieldError(target, error.message);
        target.focus();
      } else {
        formError.textContent = error.message;
        formError.hidden = false;
      }
    } finally {
      save.disabled = !editable;
    }
  });

  await preview();
  return () => clearTimeout(timer);
}
