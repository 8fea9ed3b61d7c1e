// The user's own job preferences: time zone, which user jobs run, the recommender and what it suggests.

import {h, replace, fieldError, field} from '../dom.js';
import {MEDIA_TYPES} from './shared.js';

const RECOMMENDERS = [
  ['builtin', 'Built in (offline, nothing to set up)'],
  ['openai', 'OpenAI-compatible API (OpenAI, Ollama, LM Studio, …)'],
  ['anthropic', 'Anthropic API'],
];

const EXAMPLES = {
  openai: {url: 'http://localhost:11434/v1', model: 'llama3.1'},
  anthropic: {url: 'https://api.anthropic.com', model: 'claude-sonnet-4-5'},
};

/** The preferences form over what GET answered; onSaved() is called after a save went through. */
export function preferencesForm(view, preferences, onSaved) {
  const text = (name, value, attributes = {}) => h('input', {id: `pref-${name}`, name, type: 'text',
    value: value || '', autocomplete: 'off', spellcheck: 'false', ...attributes});
  const checkbox = (name, checked) => h('input', {id: `pref-${name}`, name, type: 'checkbox', checked});
  const zones = h('datalist', {id: 'pref-time-zones'},
    (Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : []).map((zone) => h('option', {value: zone})));
  const inputs = {
    timeZone: text('timeZone', preferences.timeZone, {list: 'pref-time-zones'}),
    analysisEnabled: checkbox('analysisEnabled', preferences.analysisEnabled),
    recommendationsEnabled: checkbox('recommendationsEnabled', preferences.recommendationsEnabled),
    recommender: h('select', {id: 'pref-recommender', name: 'recommender'}, RECOMMENDERS.map(([value, label]) =>
      h('option', {value, selected: preferences.recommender === value}, label))),
    recommenderUrl: text('recommenderUrl', preferences.recommenderUrl),
    recommenderModel: text('recommenderModel', preferences.recommenderModel),
    recommenderKey: h('input', {id: 'pref-recommenderKey', name: 'recommenderKey', type: 'password',
      autocomplete: 'new-password', spellcheck: 'false'}),
    maxRecommendations: h('input', {id: 'pref-maxRecommendations', name: 'maxRecommendations', type: 'number',
      min: 1, step: 1, inputmode: 'numeric', value: preferences.maxRecommendations}),
    preferredGenres: text('preferredGenres', preferences.preferredGenres.join(', '), {placeholder: 'Drama, Jazz'}),
    excludedGenres: text('excludedGenres', preferences.excludedGenres.join(', '), {placeholder: 'Horror'}),
  };
  const removeKey = checkbox('removeKey', false);
  const types = Object.entries(MEDIA_TYPES).map(([value, label]) => h('label', {class: 'choice'},
    h('input', {type: 'checkbox', name: 'mediaTypes', value, checked: preferences.mediaTypes.includes(value)}),
    ` ${label}`));
  const mediaTypes = h('fieldset', {class: 'choices', id: 'pref-mediaTypes', tabindex: -1},
    h('legend', {}, 'Media types to suggest'), types,
    h('p', {class: 'hint'}, 'None ticked means all.'));
  const keyHint = preferences.hasRecommenderKey
    ? 'A key is stored (write-only, never shown). Type a new one to replace it.'
    : 'Write-only: stored encrypted, never shown again. Not needed for a local Ollama.';
  const ai = h('div', {class: 'source-form-grid'},
    field('API address', inputs.recommenderUrl, 'The base URL of the chat API.'),
    field('Model', inputs.recommenderModel),
    h('div', {}, field('API key', inputs.recommenderKey, keyHint),
      preferences.hasRecommenderKey
        ? h('div', {class: 'field checkbox'}, removeKey, h('label', {for: removeKey.id}, 'Remove the stored key')) : null));
  const formError = h('p', {class: 'error-text', role: 'alert', hidden: true});
  const submit = h('button', {type: 'submit'}, 'Save preferences');
  const form = h('form', {id: 'preferences-form', novalidate: true},
    h('div', {class: 'source-form-grid'},
      field('Time zone', inputs.timeZone, 'An IANA name such as Europe/Berlin: your hours of the day are counted in it.'),
      field('Recommendations per run', inputs.maxRecommendations)),
    h('div', {class: 'field checkbox'}, inputs.analysisEnabled,
      h('label', {for: inputs.analysisEnabled.id}, 'Analyse my activity every week')),
    h('div', {class: 'field checkbox'}, inputs.recommendationsEnabled,
      h('label', {for: inputs.recommendationsEnabled.id}, 'Make recommendations for me every day')),
    field('Recommender', inputs.recommender),
    ai,
    mediaTypes,
    h('div', {class: 'source-form-grid'},
      field('Preferred genres', inputs.preferredGenres, 'Separated by commas; suggestions lean towards them.'),
      field('Excluded genres', inputs.excludedGenres, 'Separated by commas; never suggested.')),
    formError,
    h('div', {class: 'actions'}, submit),
    zones);

  function showProvider() {
    const example = EXAMPLES[inputs.recommender.value];
    ai.hidden = !example;
    if (example) {
      inputs.recommenderUrl.placeholder = example.url;
      inputs.recommenderModel.placeholder = example.model;
    }
  }
  inputs.recommender.addEventListener('change', showProvider);
  showProvider();

  const list = (input) => input.value.split(',').map((item) => item.trim()).filter(Boolean);
  const orNull = (input) => input.value.trim() || null;

  /** The preferences with the form's changes; what the form does not show is sent back as it was. */
  function body() {
    const key = inputs.recommenderKey.value.trim();
    return {
      timeZone: inputs.timeZone.value.trim(),
      analysisEnabled: inputs.analysisEnabled.checked,
      recommendationsEnabled: inputs.recommendationsEnabled.checked,
      recommender: inputs.recommender.value,
      recommenderUrl: orNull(inputs.recommenderUrl),
      recommenderModel: orNull(inputs.recommenderModel),
      maxRecommendations: Number(inputs.maxRecommendations.value),
      notificationsEnabled: preferences.notificationsEnabled,
      maxNotificationsPerDay: preferences.maxNotificationsPerDay,
      mediaTypes: types.map((label) => label.querySelector('input')).filter((box) => box.checked).map((box) => box.value),
      minRating: preferences.minRating,
      preferredGenres: list(inputs.preferredGenres),
      excludedGenres: list(inputs.excludedGenres),
      ...(key ? {recommenderKey: key} : removeKey.checked ? {recommenderKey: ''} : {}),
    };
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const input of Object.values(inputs)) {
      fieldError(input, '');
    }
    fieldError(mediaTypes, '');
    formError.hidden = true;
    if (!inputs.maxRecommendations.value.trim() || !Number.isInteger(Number(inputs.maxRecommendations.value))) {
      fieldError(inputs.maxRecommendations, 'Give a whole number, such as 20.');
      inputs.maxRecommendations.focus();
      return;
    }
    submit.disabled = true;
    try {
      await view.api.put('/api/v1/users/me/preferences', body());
      await onSaved();
    } catch (error) {
      // The API names the field at fault: timeZone, recommenderUrl, mediaTypes[1], …
      const name = error.field ? error.field.replace(/[[.].*$/, '') : null;
      const target = name === 'mediaTypes' ? mediaTypes : inputs[name];
      if (target && !target.closest('[hidden]')) {
        fieldError(target, error.message);
        target.focus();
      } else {
        replace(formError, error.message);
        formError.hidden = false;
      }
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
