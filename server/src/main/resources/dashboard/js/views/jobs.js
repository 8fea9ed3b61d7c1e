// Every job: its schedule in words and as text, last and next run, and what may be done with it.

import {h, replace, statusBadge, fieldError} from '../dom.js';
import {ago, duration, runDuration, when} from '../format.js';
import {canChangeSchedule, canRunJob} from './shared.js';

export async function renderJobs(main, view) {
  const dialog = runDialog(view);
  const body = h('tbody');
  const refresh = async () => {
    const jobs = await view.api.get('/api/v1/jobs');
    replace(body, jobs.map((job) => jobRow(view, job, dialog, refresh)));
  };
  await refresh();
  replace(main, h('section', {class: 'panel'},
    h('h1', {}, 'Jobs'),
    h('table', {class: 'data jobs-table', id: 'jobs'},
      h('thead', {}, h('tr', {},
        h('th', {scope: 'col'}, 'Job'),
        h('th', {scope: 'col'}, 'Schedule'),
        h('th', {scope: 'col'}, 'Enabled'),
        h('th', {scope: 'col'}, 'Last run'),
        h('th', {scope: 'col'}, 'Next run'),
        h('th', {scope: 'col'}, h('span', {class: 'visually-hidden'}, 'Actions')))),
      body)),
  dialog.element);
  return () => dialog.element.close();
}

function jobRow(view, job, dialog, refresh) {
  const schedule = job.schedule;
  const last = job.lastRun;
  const actions = h('div', {class: 'actions'});
  if (canRunJob(view, job)) {
    actions.append(h('button', {type: 'button', 'data-action': 'run', onclick: () => dialog.open(job)},
      'Run now'));
  }
  if (schedule && canChangeSchedule(view, schedule)) {
    // A manual schedule never fires, so there is nothing to pause; it can still be edited.
    const pause = h('button', {type: 'button', class: 'secondary', 'data-action': 'toggle'},
      schedule.enabled ? 'Pause' : 'Resume');
    pause.addEventListener('click', async () => {
      pause.disabled = true;
      const verb = schedule.enabled ? 'pause' : 'resume';
      try {
        await view.api.post(`/api/v1/jobs/schedules/${encodeURIComponent(schedule.name)}/${verb}`);
        view.notify(`Schedule ${schedule.name} ${verb === 'pause' ? 'paused' : 'resumed'}.`);
        await refresh();
        const again = document.querySelector(`tr[data-job="${CSS.escape(job.name)}"] [data-action=toggle]`);
        if (again) {
          again.focus();
        }
      } catch (error) {
        view.notify(error.message, 'error');
        pause.disabled = false;
      }
    });
    if (job.frequency !== 'manual') {
      actions.append(pause);
    }
    actions.append(h('a', {class: 'button secondary', href: `#/schedules/${encodeURIComponent(schedule.name)}`},
      'Edit schedule'));
  }
  const enabled = !schedule ? 'no schedule' : schedule.enabled ? 'yes' : 'paused';
  return h('tr', {dataset: {job: job.name}},
    h('th', {scope: 'row', 'data-label': 'Job'},
      h('span', {class: 'job-name'}, job.name), ' ', h('span', {class: 'badge type'}, job.type)),
    h('td', {'data-label': 'Schedule'},
      h('span', {class: 'description'}, job.description), h('br'), h('code', {}, job.frequency)),
    h('td', {'data-label': 'Enabled'}, h('span', {class: `enabled-${enabled.replace(' ', '-')}`}, enabled)),
    h('td', {'data-label': 'Last run'}, last
      ? [h('a', {href: `#/runs/${last.id}`}, statusBadge(last.status)), ' ',
        duration(runDuration(last)), h('br'),
        h('time', {datetime: last.createdAt, title: when(last.createdAt)}, ago(last.createdAt))]
      : h('span', {class: 'muted'}, 'never')),
    h('td', {'data-label': 'Next run'}, job.nextRun && (!schedule || schedule.enabled)
      ? h('time', {datetime: job.nextRun, title: when(job.nextRun)}, when(job.nextRun), h('br'),
        h('span', {class: 'muted'}, ago(job.nextRun)))
      : h('span', {class: 'muted'}, schedule && !schedule.enabled ? 'paused' : 'only by hand')),
    h('td', {'data-label': 'Actions'}, actions));
}

/** The dialog that starts a run, with optional JSON parameters. */
function runDialog(view) {
  const title = h('h2', {id: 'run-dialog-title'});
  const parameters = h('textarea', {id: 'run-parameters', rows: 5, spellcheck: 'false',
    placeholder: '{"items": 10}', 'aria-describedby': 'run-parameters-hint'});
  const submit = h('button', {type: 'submit'}, 'Start run');
  const close = h('button', {type: 'button', class: 'secondary'}, 'Close');
  const form = h('form', {method: 'dialog'},
    title,
    h('div', {class: 'field'},
      h('label', {for: 'run-parameters'}, 'Parameters (optional)'),
      parameters,
      h('p', {class: 'hint', id: 'run-parameters-hint'}, 'A JSON object handed to the run; leave empty for none.')),
    h('div', {class: 'actions'}, submit, close));
  const element = h('dialog', {class: 'dialog', 'aria-labelledby': 'run-dialog-title'}, form);
  let job = null;
  close.addEventListener('click', () => element.close());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = parameters.value.trim();
    if (text) {
      try {
        const value = JSON.parse(text);
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          fieldError(parameters, 'Parameters must be a JSON object such as {"items": 10}.');
          return;
        }
      } catch (error) {
        fieldError(parameters, `This is not valid JSON: ${error.message}`);
        return;
      }
    }
    fieldError(parameters, '');
    submit.disabled = true;
    try {
      const run = await view.api.post(`/api/v1/jobs/${encodeURIComponent(job.name)}/run`, text || undefined);
      element.close();
      view.notify(`Run #${run.id} of ${job.name} created.`, 'info', {href: `#/runs/${run.id}`, text: 'Watch it live'});
    } catch (error) {
      if (error.field === undefined && error.status !== 400) {
        element.close();
        view.notify(`${job.name} could not be started: ${error.message}`, 'error');
      } else {
        fieldError(parameters, error.message);
      }
    } finally {
      submit.disabled = false;
    }
  });
  return {
    element,
    open(chosen) {
      job = chosen;
      title.textContent = `Run ${chosen.name} now`;
      parameters.value = '';
      fieldError(parameters, '');
      element.showModal();
      parameters.focus();
    },
  };
}
