// Runs in progress, kept up to date by the event stream.

import {h, replace} from '../dom.js';
import {applyEvent, cancelRun, canCancel, progressBlock} from '../progress.js';
import {userName} from './shared.js';

/** How long a run that just ended stays on the page, so its end can be seen. */
const KEEP_FINISHED_MS = 60_000;
const ENDED = ['completed', 'failed', 'cancelled'];

export async function renderActive(main, view) {
  const list = h('ul', {class: 'cards', id: 'active-runs', 'aria-live': 'polite'});
  const empty = h('p', {class: 'empty'}, 'No run is in progress. Start one from the ',
    h('a', {href: '#/jobs'}, 'jobs'), ' page.');
  replace(main, h('section', {class: 'panel'},
    h('h1', {}, 'Active runs'),
    h('p', {class: 'hint'}, 'Progress arrives live from the server as the runs report it.'),
    empty, list));

  const cards = new Map();
  const removals = new Set();

  function card(run) {
    const block = progressBlock(run);
    const cancel = h('button', {type: 'button', class: 'danger', 'data-action': 'cancel',
      'aria-label': `Cancel run ${run.id} of ${run.jobName}`}, 'Cancel');
    cancel.addEventListener('click', async () => {
      const answered = await cancelRun(view, block.run(), cancel);
      if (answered) {
        update(answered);
      }
    });
    const item = h('li', {class: 'card run-card', dataset: {runId: run.id, job: run.jobName}},
      h('div', {class: 'card-head'},
        h('h2', {}, h('a', {href: `#/runs/${run.id}`}, `${run.jobName} #${run.id}`)),
        h('span', {class: 'muted'}, `for ${userName(view, run.userId)}`)),
      block.element,
      h('div', {class: 'actions'}, cancel));
    return {item, block, cancel};
  }

  function update(run) {
    let entry = cards.get(run.id);
    if (entry && ENDED.includes(entry.block.run().status) && !ENDED.includes(run.status)) {
      // An older state that arrived late (the answer to a cancel can come after the run's end
      // came by the event stream): a run that ended does not start again.
      return;
    }
    if (!entry) {
      entry = card(run);
      cards.set(run.id, entry);
      list.prepend(entry.item);
    }
    entry.block.update(run);
    entry.cancel.hidden = !canCancel(view, run);
    const ended = ENDED.includes(run.status);
    entry.item.classList.toggle('ended', ended);
    if (ended && !entry.removal) {
      entry.removal = setTimeout(() => {
        entry.item.remove();
        cards.delete(run.id);
        removals.delete(entry.removal);
        showEmpty();
      }, KEEP_FINISHED_MS);
      removals.add(entry.removal);
    }
    showEmpty();
  }

  function showEmpty() {
    empty.hidden = cards.size > 0;
  }

  async function load() {
    const runs = await view.api.get('/api/v1/jobs/active');
    runs.sort((a, b) => a.id - b.id).forEach(update);
    // A run shown as running that is no longer active ended while the stream was down: its end
    // event is lost, so read the run itself.
    const active = new Set(runs.map((run) => run.id));
    const missed = [...cards.entries()]
      .filter(([id, entry]) => !active.has(id) && !ENDED.includes(entry.block.run().status))
      .map(([id]) => view.api.get(`/api/v1/jobs/runs/${id}`).then(update));
    await Promise.all(missed);
    showEmpty();
  }

  const unsubscribe = view.live.subscribe((type, payload) => {
    if (type === 'reconnected') {
      load();
      return;
    }
    const entry = cards.get(payload.runId);
    if (entry) {
      update(applyEvent(entry.block.run(), type, payload));
    } else if (type !== 'run.progress' && type !== 'run.finished') {
      update(payload.data);
    }
  });
  await load();
  const ticker = setInterval(() => cards.forEach((entry) => entry.block.tick()), 1000);
  return () => {
    unsubscribe();
    clearInterval(ticker);
    removals.forEach(clearTimeout);
  };
}
