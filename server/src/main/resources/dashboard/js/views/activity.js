// The activity profile the weekly analysis computes: when, what and how the user watches and listens.

import {h} from '../dom.js';
import {ago, hours, percent, signed, when} from '../format.js';
import {heatMap} from '../charts.js';
import {MEDIA_TYPES} from './shared.js';

// 1 January 2024 was a Monday; the profile counts weekdays Monday to Sunday.
const MONDAYS_WEEK = [1, 2, 3, 4, 5, 6, 7].map((day) => new Date(Date.UTC(2024, 0, day)));
const SHORT_DAYS = MONDAYS_WEEK.map((day) => day.toLocaleDateString(undefined, {weekday: 'short', timeZone: 'UTC'}));
const DAYS = MONDAYS_WEEK.map((day) => day.toLocaleDateString(undefined, {weekday: 'long', timeZone: 'UTC'}));
const HOURS = Array.from({length: 24}, (_, hour) => `${String(hour).padStart(2, '0')}:00`);

/**
 * What GET /api/v1/users/me/activity answered, drawn: answer is {computedAt, playsCounted, profile},
 * or null while the analysis has not run.
 */
export function activityProfile(answer) {
  if (!answer) {
    return h('p', {class: 'empty', id: 'activity-empty'}, 'The weekly activity analysis has not run yet. ',
      h('a', {href: '#/jobs'}, 'Run it now on the Jobs page'), '.');
  }
  const profile = answer.profile;
  const computed = h('p', {class: 'hint'}, 'Computed ',
    h('time', {datetime: answer.computedAt, title: when(answer.computedAt)}, ago(answer.computedAt)),
    ` from ${answer.playsCounted} play${answer.playsCounted === 1 ? '' : 's'}, in the time zone ${profile.timeZone}.`);
  if (!profile.plays) {
    return [computed, h('p', {class: 'empty', id: 'activity-empty'},
      'No plays were counted: once your sources bring play history, the next analysis draws it here.')];
  }
  return [
    computed,
    figures(profile),
    h('h3', {}, 'When you watch and listen'),
    h('div', {id: 'activity-heatmap'}, weekAndHours(profile)),
    h('div', {class: 'columns'},
      h('div', {id: 'activity-genres'}, h('h3', {}, 'Genres'),
        shareBars(profile.genres, (g) => g.name, 'Genres by time spent')),
      h('div', {id: 'activity-decades'}, h('h3', {}, 'Decades'),
        shareBars([...profile.decades].sort((a, b) => a.decade - b.decade), (d) => `${d.decade}s`,
          'Decades by time spent')),
      h('div', {id: 'activity-types'}, h('h3', {}, 'Media types'),
        shareBars(profile.mediaTypes, (t) => MEDIA_TYPES[t.type] || t.type, 'Media types by time spent'))),
    h('div', {class: 'columns'},
      h('div', {id: 'activity-people'}, h('h3', {}, 'People'),
        shareBars(profile.people, (p) => `${p.name} (${p.role})`, 'People by time spent')),
      h('div', {id: 'activity-series'}, h('h3', {}, 'Favourite series'), favourites(profile.favoriteSeries)),
      h('div', {id: 'activity-artists'}, h('h3', {}, 'Favourite artists'), favourites(profile.favoriteArtists))),
    h('h3', {}, 'Trend'),
    h('div', {id: 'activity-trend'}, trend(profile.trend)),
  ];
}

function figures(profile) {
  const binges = profile.binges;
  const longest = binges.longest;
  const completion = profile.completion;
  const rows = [
    ['Plays', String(profile.plays)],
    ['Time', hours(profile.hoursTotal)],
    ['Sessions', `${profile.sessions.count}, ${Math.round(profile.sessions.averageMinutes)} min on average`],
    ['Binges', binges.sessions === 0 ? 'none (three or more episodes of a series in one sitting)'
      : `${binges.sessions}, ${binges.episodes} episodes in all`
        + (longest ? `; the longest: ${longest.episodes} episodes of ${longest.series}, ${when(longest.start)}` : '')],
    ['Completion', completion.finished + completion.abandoned === 0 ? 'nothing finished or abandoned yet'
      : `${percent(completion.rate)}: ${completion.finished} finished, ${completion.abandoned} abandoned`],
  ];
  return h('dl', {class: 'facts', id: 'activity-figures'},
    rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

function weekAndHours(profile) {
  const rows = profile.heatmap.map((values, day) => ({label: SHORT_DAYS[day], values}));
  let busiest = {day: 0, hour: 0, value: 0};
  profile.heatmap.forEach((values, day) => values.forEach((value, hour) => {
    if (value > busiest.value) {
      busiest = {day, hour, value};
    }
  }));
  const cellName = (day, hour) => `${DAYS[day]} ${HOURS[hour]}–${HOURS[(hour + 1) % 24]}`;
  const chart = heatMap(rows, HOURS.map((label, hour) => (hour % 3 === 0 ? label.slice(0, 2) : '')),
    (day, hour, value) => `${cellName(day, hour)}: ${hours(value)}`,
    `Hours spent by weekday and hour of the day, in ${profile.timeZone}; `
      + `the busiest hour is ${cellName(busiest.day, busiest.hour)} with ${hours(busiest.value)}`);
  return [
    chart,
    h('p', {class: 'hint'}, `Darker cells: more time. The busiest hour, ${cellName(busiest.day, busiest.hour)}, `
      + `holds ${hours(busiest.value)}.`),
    h('details', {}, h('summary', {}, 'Show as a table'),
      h('div', {class: 'table-scroll'}, h('table', {class: 'data compact heat-table'},
        h('caption', {class: 'visually-hidden'}, 'Hours spent by weekday (rows) and hour of the day (columns)'),
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Day'),
          HOURS.map((hour) => h('th', {scope: 'col'}, hour.slice(0, 2))), h('th', {scope: 'col'}, 'All'))),
        h('tbody', {},
          profile.heatmap.map((values, day) => h('tr', {}, h('th', {scope: 'row'}, SHORT_DAYS[day]),
            values.map((value) => h('td', {}, number(value))), h('td', {}, number(profile.weekdays[day])))),
          h('tr', {}, h('th', {scope: 'row'}, 'All'), profile.hours.map((value) => h('td', {}, number(value))),
            h('td', {}, number(profile.hoursTotal))))))),
  ];
}

function number(value) {
  return value ? hours(value).replace(' h', '') : '·';
}

/** Shares as horizontal bars, with the share and the hours written beside each. */
function shareBars(rows, name, label) {
  if (rows.length === 0) {
    return h('p', {class: 'empty'}, 'None counted.');
  }
  return h('ul', {class: 'share-bars', 'aria-label': label}, rows.map((row) => {
    const fill = h('span', {class: 'share-fill'});
    fill.style.width = `${Math.max(0, Math.min(1, row.share)) * 100}%`;
    return h('li', {},
      h('span', {class: 'share-name'}, name(row)),
      h('span', {class: 'share-track', 'aria-hidden': 'true'}, fill),
      h('span', {class: 'share-value'}, `${percent(row.share)} · ${hours(row.hours)}`));
  }));
}

function favourites(items) {
  return items.length === 0 ? h('p', {class: 'empty'}, 'None yet.')
    : h('ol', {class: 'favourites'}, items.map((item) => h('li', {}, item.title, ' ',
      h('span', {class: 'muted'}, hours(item.hours)))));
}

function trend(change) {
  if (!change.previousComputedAt) {
    return h('p', {class: 'muted'}, 'This is the first analysis; the next one shows what changed.');
  }
  return [
    h('p', {}, `Since the analysis of ${when(change.previousComputedAt)}: `,
      h('strong', {}, `${signed(change.playsChange)} plays`), ', ',
      h('strong', {}, `${signed(change.hoursChange)} h`), '.'),
    change.genreShifts.length === 0 ? h('p', {class: 'muted'}, 'Your genres held their shares.')
      : h('ul', {class: 'shifts'}, change.genreShifts.map((shift) =>
        h('li', {class: shift.change >= 0 ? 'up' : 'down'},
          h('span', {'aria-hidden': 'true'}, shift.change >= 0 ? '▲ ' : '▼ '),
          `${shift.name}: ${signed(shift.change * 100)} percentage points`))),
  ];
}
