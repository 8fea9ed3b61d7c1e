// One run: live progress, timeline, parameters, statistics, error, log lines, attempts and node.

import {h, replace, statusBadge} from '../dom.js';
import {duration, parseObject, prettyJson, when} from '../format.js';
import {applyEvent, cancelRun, canCancel, progressBlock} from '../progress.js';
import {userName} from './shared.js';

const ENDED = ['completed', 'failed', 'cancelled'];
const MAX_CHAIN = 20;

export async function renderRun(main, view) {
  const id = Number(view.params[0]);
  let run = await view.api.get(`/api/v1/jobs/runs/${id}`);
  const block = progressBlock(run, {showStatus: false});
  const cancel = h('button', {type: 'button', class: 'danger', 'data-action': 'cancel'}, 'Cancel run');
  cancel.addEventListener('click', async () => {
    const answered = await cancelRun(view, run, cancel);
    if (answered) {
      show(answered);
    }
  });
  const title = h('h1');
  const timeline = h('ol', {class: 'timeline', id: 'timeline'});
  const facts = h('dl', {class: 'facts'});
  const details = h('div', {class: 'stack'});
  const logs = h('div', {id: 'logs'});
  const attempts = h('ol', {class: 'attempts', id: 'attempts'});
  replace(main,
    h('p', {class: 'breadcrumb'}, h('a', {href: '#/history'}, '← Run history')),
    h('section', {class: 'panel', id: 'run-header'}, title, block.element, h('div', {class: 'actions'}, cancel)),
    h('div', {class: 'columns'},
      h('section', {class: 'panel'}, h('h2', {}, 'Timeline'), timeline),
      h('section', {class: 'panel'}, h('h2', {}, 'Details'), facts)),
    details,
    h('section', {class: 'panel'}, h('h2', {}, 'Attempts'), attempts),
    h('section', {class: 'panel'}, h('h2', {}, 'Log'), logs));

  function show(next) {
    if (ENDED.includes(run.status) && !ENDED.includes(next.status)) {
      return; // an older state that arrived late: a run that ended does not start again
    }
    run = next;
    replace(title, `${run.jobName} #${run.id} `, statusBadge(run.status));
    block.update(run);
    cancel.hidden = !canCancel(view, run);
    replace(timeline, timelineItems(run));
    replace(facts, factItems(view, run));
    replace(details, detailSections(run));
  }

  async function loadLogs() {
    const lines = await view.api.get(`/api/v1/jobs/runs/${id}/logs`);
    replace(logs, lines.length === 0
      ? h('p', {class: 'empty'}, 'The run logged nothing.')
      : h('table', {class: 'data log'},
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Time'), h('th', {scope: 'col'}, 'Level'),
          h('th', {scope: 'col'}, 'Message'))),
        h('tbody', {}, lines.map((line) => h('tr', {class: `level-${line.level.toLowerCase()}`},
          h('td', {'data-label': 'Time'}, when(line.loggedAt)),
          h('td', {'data-label': 'Level'}, line.level),
          h('td', {'data-label': 'Message'}, h('span', {class: 'log-message'}, line.message)))))));
  }

  async function loadAttempts() {
    replace(attempts, (await attemptChain(view, run)).map((attempt) => h('li', {},
      attempt.id === run.id
        ? h('strong', {}, `Attempt ${attempt.attempt}: #${attempt.id} (this run) `)
        : h('a', {href: `#/runs/${attempt.id}`}, `Attempt ${attempt.attempt}: #${attempt.id}`),
      ' ', statusBadge(attempt.status),
      attempt.retryOf ? h('span', {class: 'muted'}, ` retry of #${attempt.retryOf}`) : null)));
  }

  show(run);
  await Promise.all([loadLogs(), loadAttempts()]);
  const unsubscribe = view.live.subscribe(async (type, payload) => {
    if (type === 'reconnected' || (payload && payload.runId === id)) {
      const next = type === 'reconnected' ? await view.api.get(`/api/v1/jobs/runs/${id}`) : applyEvent(run, type, payload);
      if (view.isCurrent()) {
        show(next);
        if (type === 'run.finished' || type === 'reconnected') {
          await Promise.all([loadLogs(), loadAttempts()]);
        }
      }
    } else if (payload && payload.data && payload.data.retryOf === id && type === 'run.created') {
      loadAttempts();
    }
  });
  // A run that changed between the first read and the subscription (a short one may have ended
  // already) sent its events to nobody; read it once more.
  const caughtUp = await view.api.get(`/api/v1/jobs/runs/${id}`);
  if (view.isCurrent() && caughtUp.status !== run.status) {
    show(caughtUp);
    await Promise.all([loadLogs(), loadAttempts()]);
  }
  const ticker = setInterval(() => block.tick(), 1000);
  return () => {
    unsubscribe();
    clearInterval(ticker);
  };
}

function timelineItems(run) {
  const steps = [
    ['Created', run.createdAt],
    ['Scheduled for', run.scheduledFor],
    ['Started', run.startTime],
    [run.status === 'cancelled' ? 'Cancelled' : run.status === 'failed' ? 'Failed' : 'Ended', run.endTime],
  ];
  return steps.map(([label, at], index) => {
    const previous = steps.slice(0, index).reverse().find(([, earlier]) => earlier);
    const gap = at && previous && index > 1
      ? ` (${duration(new Date(at) - new Date(previous[1]))} later)` : '';
    return h('li', {class: at ? 'done' : 'pending'},
      h('span', {class: 'step'}, label),
      h('span', {}, at ? h('time', {datetime: at}, when(at)) : missing(run, label), h('span', {class: 'muted'}, gap)));
  });
}

/** What an empty step of the timeline means for this run. */
function missing(run, label) {
  if (label === 'Scheduled for') {
    if (run.trigger === 'manual') {
      return 'not scheduled (started by hand)';
    }
    return run.afterRunId ? `not on a clock (after run #${run.afterRunId})` : '—';
  }
  return ENDED.includes(run.status) ? 'never' : 'not yet';
}

function factItems(view, run) {
  const pairs = [
    ['Job', `${run.jobName} (${run.jobType})`],
    ['Trigger', run.afterRunId
      ? h('span', {id: 'started-after'}, 'started after run ',
        h('a', {href: `#/runs/${run.afterRunId}`}, `#${run.afterRunId}`))
      : run.trigger],
    ['For', userName(view, run.userId)],
    ['Node', run.nodeId || '—'],
    ['Attempt', String(run.attempt)],
    ['Retry of', run.retryOf ? h('a', {href: `#/runs/${run.retryOf}`}, `#${run.retryOf}`) : '—'],
    ['Timeout', run.timeoutMillis ? duration(run.timeoutMillis) : 'none'],
    ['Duration', run.startTime && run.endTime ? duration(new Date(run.endTime) - new Date(run.startTime)) : '—'],
  ];
  return pairs.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]);
}

function detailSections(run) {
  const statistics = parseObject(run.metadata);
  const keys = Object.keys(statistics);
  return [
    run.errorMessage ? h('section', {class: 'panel error-panel', id: 'run-error'},
      h('h2', {}, 'Error'), h('pre', {class: 'error-text'}, run.errorMessage)) : null,
    h('div', {class: 'columns'},
      h('section', {class: 'panel'}, h('h2', {}, 'Parameters'),
        run.parameters && run.parameters !== '{}'
          ? h('pre', {class: 'json', id: 'parameters'}, prettyJson(run.parameters))
          : h('p', {class: 'empty'}, 'None.')),
      h('section', {class: 'panel'}, h('h2', {}, 'Statistics'),
        keys.length === 0 ? h('p', {class: 'empty'}, 'The run recorded no statistics.')
          : h('table', {class: 'data statistics', id: 'statistics'},
            h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Name'), h('th', {scope: 'col'}, 'Value'))),
            h('tbody', {}, keys.map((key) => h('tr', {},
              h('th', {scope: 'row'}, key),
              h('td', {}, typeof statistics[key] === 'object'
                ? JSON.stringify(statistics[key]) : String(statistics[key])))))))),
  ];
}

/**
 * The run's attempts, first to last: earlier ones by following retryOf back, later ones among the
 * job's runs created since this one.
 */
async function attemptChain(view, run) {
  const chain = [run];
  let earliest = run;
  while (earliest.retryOf && chain.length < MAX_CHAIN) {
    try {
      earliest = await view.api.get(`/api/v1/jobs/runs/${earliest.retryOf}`);
    } catch {
      break;
    }
    chain.unshift(earliest);
  }
  if (!ENDED.includes(run.status) || run.status === 'failed') {
    const {runs} = await view.api.runs({job: run.jobName, from: run.createdAt}, 100);
    let latest = run;
    for (const later of runs.filter((r) => r.retryOf).sort((a, b) => a.id - b.id)) {
      if (later.retryOf === latest.id && chain.length < MAX_CHAIN) {
        chain.push(later);
        latest = later;
      }
    }
  }
  return chain;
}
