// A run's live progress: bar, counts, message, elapsed and estimated time left.

import {h, replace, statusBadge} from './dom.js';
import {duration, runDuration} from './format.js';

/** The run after an event about it; progress events carry only the progress fields. */
export function applyEvent(run, type, payload) {
  if (type === 'run.progress') {
    const p = payload.data;
    return {...run, progress: p.progress, totalItems: p.totalItems, processedItems: p.processedItems,
      statusMessage: p.statusMessage, metadata: p.metadata};
  }
  return payload.data;
}

/** Milliseconds left, estimated from the pace so far; null when there is nothing to go on. */
export function timeLeft(run, now = Date.now()) {
  const elapsed = runDuration(run, now);
  if (elapsed === null || run.endTime) {
    return null;
  }
  if (run.totalItems > 0 && run.processedItems > 0) {
    return elapsed * (run.totalItems - run.processedItems) / run.processedItems;
  }
  if (run.progress > 0 && run.progress < 100) {
    return elapsed * (100 - run.progress) / run.progress;
  }
  return null;
}

/**
 * The progress block of a run; call update(run) with each new state, tick() each second. Without
 * showStatus it leaves the status badge to a heading that shows it already.
 */
export function progressBlock(run, {showStatus = true} = {}) {
  const fill = h('div', {class: 'bar-fill'});
  const bar = h('div', {class: 'bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100,
    'aria-label': `Progress of run ${run.id}`}, fill);
  const counts = h('span', {class: 'counts'});
  const message = h('p', {class: 'status-message'});
  const timing = h('p', {class: 'timing'});
  const badge = showStatus ? h('span') : null;
  const element = h('div', {class: 'progress', dataset: {runId: run.id}},
    h('div', {class: 'progress-head'}, badge, counts), bar, message, timing);
  let current = run;

  function tick() {
    const elapsed = runDuration(current);
    const left = timeLeft(current);
    const parts = [];
    if (elapsed !== null) {
      parts.push(`${current.endTime ? 'took' : 'elapsed'} ${duration(elapsed)}`);
    } else {
      parts.push('waiting to start');
    }
    if (left !== null) {
      parts.push(`about ${duration(left)} left`);
    }
    timing.textContent = parts.join(' · ');
  }

  function update(next) {
    current = next;
    const percent = Math.max(0, Math.min(100, next.progress || 0));
    fill.style.width = `${percent}%`;
    bar.setAttribute('aria-valuenow', String(percent));
    bar.setAttribute('aria-valuetext', `${percent} %`);
    bar.dataset.status = next.status;
    const items = next.totalItems > 0 ? ` · ${next.processedItems} / ${next.totalItems} items` : '';
    counts.textContent = `${percent} %${items}`;
    message.textContent = next.statusMessage || '';
    message.hidden = !next.statusMessage;
    if (badge) {
      replace(badge, statusBadge(next.status));
    }
    tick();
  }

  update(run);
  return {element, update, tick, run: () => current};
}

/** Whether the signed-in user may cancel this run, as the API decides it. */
export function canCancel(view, run) {
  return !['completed', 'failed', 'cancelled'].includes(run.status)
    && (view.isAdmin || run.userId === view.me.id);
}

/** Asks the server to cancel a run and says what it answered. */
export async function cancelRun(view, run, button) {
  button.disabled = true;
  try {
    const envelope = await view.api.request('POST', `/api/v1/jobs/runs/${run.id}/cancel`);
    view.notify(`Run #${run.id}: ${envelope.message}.`);
    return envelope.data;
  } catch (error) {
    view.notify(`Run #${run.id} could not be cancelled: ${error.message}`, 'error');
    button.disabled = false;
    return null;
  }
}
