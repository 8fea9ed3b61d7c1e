// Runs per day by status, and how long a job's runs took over time.

import {h, replace, field} from '../dom.js';
import {duration, when} from '../format.js';
import {lineOverTime, stackedBars} from '../charts.js';

const STATUSES = ['completed', 'failed', 'cancelled', 'running', 'pending'];
const DAYS = 14;
const MAX_RUNS = 2000;
const DURATION_RUNS = 100;

export async function renderCharts(main, view) {
  const jobs = await view.api.get('/api/v1/jobs');
  const daily = h('div', {id: 'chart-daily'});
  const job = h('select', {id: 'chart-job'},
    jobs.map((j) => h('option', {value: j.name, selected: view.query.get('job') === j.name}, j.name)));
  const durations = h('div', {id: 'chart-duration'});
  job.addEventListener('change', () => { location.hash = `#/charts?job=${encodeURIComponent(job.value)}`; });
  replace(main,
    h('section', {class: 'panel'}, h('h1', {}, 'Charts'),
      h('h2', {}, `Runs per day by status, last ${DAYS} days`), daily),
    h('section', {class: 'panel'}, h('h2', {}, 'Duration of runs over time'),
      h('div', {class: 'filters'}, field('Job', job)), durations));
  await Promise.all([drawDaily(view, daily), drawDurations(view, job.value, durations)]);
  return null;
}

async function drawDaily(view, target) {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  start.setDate(start.getDate() - (DAYS - 1));
  const {runs, complete} = await view.api.runs({from: start.toISOString()}, MAX_RUNS);
  const dayLabel = new Intl.DateTimeFormat(undefined, {month: 'short', day: 'numeric'});
  const groups = [];
  for (let i = 0; i < DAYS; i++) {
    const day = new Date(start);
    day.setDate(start.getDate() + i);
    groups.push({key: dayKey(day), label: dayLabel.format(day), counts: {}});
  }
  const byKey = new Map(groups.map((g) => [g.key, g]));
  for (const run of runs) {
    const group = byKey.get(dayKey(new Date(run.createdAt)));
    if (group) {
      group.counts[run.status] = (group.counts[run.status] || 0) + 1;
    }
  }
  replace(target,
    stackedBars(groups, STATUSES, `Runs per day by status over the last ${DAYS} days`),
    legend(STATUSES),
    complete ? null : h('p', {class: 'hint'}, `Counted from the newest ${runs.length} runs only.`),
    h('details', {}, h('summary', {}, 'Show as a table'),
      h('table', {class: 'data compact'},
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Day'), STATUSES.map((s) => h('th', {scope: 'col'}, s)))),
        h('tbody', {}, groups.map((g) => h('tr', {}, h('th', {scope: 'row'}, g.label),
          STATUSES.map((s) => h('td', {}, String(g.counts[s] || 0)))))))));
}

async function drawDurations(view, jobName, target) {
  if (!jobName) {
    replace(target, h('p', {class: 'empty'}, 'No job is registered.'));
    return;
  }
  const {runs} = await view.api.runs({job: jobName}, DURATION_RUNS);
  const points = runs.filter((run) => run.startTime && run.endTime)
    .map((run) => ({
      time: new Date(run.startTime),
      value: new Date(run.endTime) - new Date(run.startTime),
      category: run.status,
      href: `#/runs/${run.id}`,
      title: `#${run.id} ${run.status}: ${duration(new Date(run.endTime) - new Date(run.startTime))}, started ${when(run.startTime)}`,
    }))
    .sort((a, b) => a.time - b.time);
  if (points.length === 0) {
    replace(target, h('p', {class: 'empty'}, `${jobName} has no finished run yet.`));
    return;
  }
  replace(target,
    lineOverTime(points, duration, `Duration of the last ${points.length} runs of ${jobName}`),
    legend([...new Set(points.map((p) => p.category))]),
    h('details', {}, h('summary', {}, 'Show as a table'),
      h('table', {class: 'data compact'},
        h('thead', {}, h('tr', {}, ['Run', 'Started', 'Status', 'Duration'].map((n) => h('th', {scope: 'col'}, n)))),
        h('tbody', {}, points.map((p) => h('tr', {},
          h('td', {}, h('a', {href: p.href}, p.href.replace('#/runs/', '#'))),
          h('td', {}, when(p.time.toISOString())), h('td', {}, p.category), h('td', {}, duration(p.value))))))));
}

function legend(categories) {
  return h('ul', {class: 'legend'}, categories.map((c) => h('li', {}, h('span', {class: `swatch fill-${c}`}), c)));
}

function dayKey(date) {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}
