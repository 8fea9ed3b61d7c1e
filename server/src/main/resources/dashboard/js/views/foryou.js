// For you: the recommendations made for the signed-in user, their activity profile, and their
// preferences for both. Each part loads on its own, so one the server lacks does not hide the others.

import {h, replace} from '../dom.js';
import {percent, when} from '../format.js';
import {activityProfile} from './activity.js';
import {preferencesForm} from './preferences.js';

const RECOMMENDATIONS = '/api/v1/jobs/recommendations';
const LIMIT = 50;

export async function renderForYou(main, view) {
  const recommendations = h('div', {id: 'recommendations-panel'});
  const activity = h('div', {id: 'activity-panel'});
  const preferences = h('div', {id: 'preferences-panel'});
  await Promise.all([
    part('Recommendations', recommendations, () => showRecommendations(view, recommendations)),
    part('Your activity', activity, () => showActivity(view, activity)),
    part('Your preferences', preferences, () => showPreferences(view, preferences)),
  ]);
  replace(main,
    h('section', {class: 'panel', 'aria-labelledby': 'for-you-title'},
      h('h1', {id: 'for-you-title', tabindex: -1}, 'For you'),
      h('p', {class: 'hint'}, 'Titles picked from what you watch and listen to, and why.'),
      recommendations),
    h('section', {class: 'panel', 'aria-labelledby': 'activity-title'},
      h('h2', {id: 'activity-title'}, 'Your activity'), activity),
    h('section', {class: 'panel', 'aria-labelledby': 'preferences-title'},
      h('h2', {id: 'preferences-title'}, 'Your preferences'), preferences));
  return null;
}

/** Shows a part, or says why it cannot be shown: a route this server does not have is "not available". */
async function part(name, target, show) {
  try {
    await show();
  } catch (error) {
    replace(target, error.status === 404
      ? h('p', {class: 'empty unavailable'}, `${name}: not available on this server.`)
      : h('p', {class: 'error-text'}, `${name} could not be shown: ${error.message}`));
  }
}

async function showRecommendations(view, target) {
  const list = h('ul', {class: 'cards', id: 'recommendations', 'aria-live': 'polite'});
  const empty = () => h('li', {class: 'empty'}, 'No recommendations yet: the daily recommendation job makes them; ',
    h('a', {href: '#/jobs'}, 'Run now on the Jobs page'), '.');
  const recommendations = await view.api.get(`${RECOMMENDATIONS}?active=true&limit=${LIMIT}`);
  replace(list, recommendations.length === 0 ? empty()
    : recommendations.map((recommendation) => card(view, recommendation, () => {
      if (!list.querySelector('[data-recommendation-id]')) {
        replace(list, empty());
      }
    })));
  replace(target, list);
}

function card(view, recommendation, onRemoved) {
  const viewed = h('button', {type: 'button', class: 'secondary toggle', 'data-action': 'viewed',
    'aria-pressed': String(recommendation.isViewed)}, 'Viewed');
  const dismiss = h('button', {type: 'button', class: 'danger', 'data-action': 'dismiss',
    'aria-label': `Dismiss ${recommendation.title}`}, 'Dismiss');
  const element = h('li', {class: `card recommendation${recommendation.isViewed ? ' viewed' : ''}`,
    dataset: {recommendationId: recommendation.id, title: recommendation.title}},
  h('div', {class: 'card-head'},
    h('h2', {}, recommendation.title,
      recommendation.year ? h('span', {class: 'muted'}, ` (${recommendation.year})`) : null),
    h('span', {class: 'badges'}, h('span', {class: 'badge type'}, recommendation.mediaType), ' ',
      recommendation.inLibrary ? h('span', {class: 'badge status-completed'}, 'in your library')
        : h('span', {class: 'badge status-cancelled'}, 'not in your library'))),
  h('p', {class: 'reason'}, recommendation.reasoning),
  h('dl', {class: 'facts recommendation-facts'}, facts(recommendation).map(([term, value]) =>
    [h('dt', {}, term), h('dd', {}, value)])),
  h('div', {class: 'actions'}, viewed, dismiss));

  viewed.addEventListener('click', async () => {
    const next = viewed.getAttribute('aria-pressed') !== 'true';
    viewed.disabled = true;
    try {
      await view.api.put(`${RECOMMENDATIONS}/${recommendation.id}/viewed`, {viewed: next});
      viewed.setAttribute('aria-pressed', String(next));
      element.classList.toggle('viewed', next);
    } catch (error) {
      view.notify(`${recommendation.title} could not be marked: ${error.message}`, 'error');
    } finally {
      viewed.disabled = false;
    }
  });
  dismiss.addEventListener('click', async () => {
    dismiss.disabled = true;
    try {
      await view.api.post(`${RECOMMENDATIONS}/${recommendation.id}/dismiss`);
      const next = element.nextElementSibling || element.previousElementSibling;
      element.remove();
      view.notify(`${recommendation.title} dismissed: it will not be suggested again.`);
      onRemoved();
      const focus = next && next.querySelector('[data-action=dismiss]');
      (focus || document.getElementById('for-you-title')).focus();
    } catch (error) {
      view.notify(`${recommendation.title} could not be dismissed: ${error.message}`, 'error');
      dismiss.disabled = false;
    }
  });
  return element;
}

function facts({genres, matchesGenres, matchesActors, matchesDirectors, score, confidence, recommendedBy, aiModel,
  expiresAt}) {
  const matched = [['genres', matchesGenres], ['actors', matchesActors], ['directors', matchesDirectors]]
    .filter(([, names]) => names && names.length > 0)
    .map(([what, names]) => [`Matched ${what}`, names.join(', ')]);
  const by = aiModel ? `${recommendedBy}, ${aiModel}` : recommendedBy;
  return [
    ...(genres && genres.length > 0 ? [['Genres', genres.join(', ')]] : []),
    ...matched,
    ['Score', `${typeof score === 'number' ? score.toFixed(2) : '—'} · confidence ${percent(confidence)}`],
    ...(by ? [['Suggested by', by]] : []),
    ...(expiresAt ? [['Until', when(expiresAt)]] : []),
  ];
}

async function showActivity(view, target) {
  const envelope = await view.api.request('GET', '/api/v1/users/me/activity');
  replace(target, activityProfile(envelope.data));
}

async function showPreferences(view, target) {
  const preferences = await view.api.get('/api/v1/users/me/preferences');
  replace(target, preferencesForm(view, preferences, async () => {
    view.notify('Your preferences are saved; the next runs of your jobs use them.');
    await showPreferences(view, target);
  }));
}
