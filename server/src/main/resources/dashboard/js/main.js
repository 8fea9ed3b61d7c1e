// Signs in, keeps the session, and shows the view the address names.

import {Api} from './api.js';
import {h, replace} from './dom.js';
import {LiveEvents} from './live.js';
import {renderSignIn} from './views/signin.js';
import {renderJobs} from './views/jobs.js';
import {renderActive} from './views/active.js';
import {renderHistory} from './views/history.js';
import {renderRun} from './views/run.js';
import {renderSchedules, renderScheduleEditor} from './views/schedules.js';
import {renderCharts} from './views/charts.js';
import {renderSources} from './views/sources.js';
import {renderForYou} from './views/foryou.js';
import {renderCollections} from './views/collections.js';
import {renderNotifications} from './views/notifications.js';
import {UnreadCount} from './unread.js';

const TOKEN_KEY = 'suasor.token';
/** How many accounts an admin's session reads to name users: one page, the API's largest. */
const USER_NAMES = 100;

const ROUTES = [
  [/^jobs$/, 'jobs', renderJobs],
  [/^active$/, 'active', renderActive],
  [/^history$/, 'history', renderHistory],
  [/^runs\/(\d+)$/, 'history', renderRun],
  [/^schedules$/, 'schedules', renderSchedules],
  [/^schedules\/(.+)$/, 'schedules', renderScheduleEditor],
  [/^charts$/, 'charts', renderCharts],
  [/^sources$/, 'sources', renderSources],
  [/^for-you$/, 'foryou', renderForYou],
  [/^collections$/, 'collections', renderCollections],
  [/^notifications$/, 'notifications', renderNotifications],
];

const main = document.getElementById('main');
const header = document.getElementById('top');
const notice = document.getElementById('notice');
let session = null;
let leaveView = null;
let renderCount = 0;

/** Set when the notice's own link is followed, so the notice stays for the page it leads to. */
let keepNotice = false;

function notify(message, kind = 'info', link = null) {
  const follow = link ? h('a', {href: link.href, onclick: () => { keepNotice = true; }}, link.text) : null;
  replace(notice, message, follow ? [' ', follow] : null,
    h('button', {type: 'button', class: 'link', 'aria-label': 'Dismiss', onclick: () => { notice.hidden = true; }}, '×'));
  notice.dataset.kind = kind;
  notice.hidden = false;
}

/**
 * Counts sign-ins and sign-outs, so that a session still starting, or a page still rendering, when
 * the user signs out does not bring the signed-in pages back over the sign-in form.
 */
let sessionGeneration = 0;
let signedOutMessage = null;

function signOut(message) {
  sessionGeneration++;
  renderCount++;
  signedOutMessage = message;
  sessionStorage.removeItem(TOKEN_KEY);
  if (session) {
    session.unread.stop();
    session.live.stop();
    session = null;
  }
  showSignIn(message);
}

function showSignIn(message) {
  leave();
  header.hidden = true;
  notice.hidden = true;
  renderSignIn(main, message, async (token) => {
    await start(token);
    if (!location.hash || location.hash === '#/') {
      location.hash = '#/jobs';
    }
  });
}

/** Checks the token with the server and opens the session; throws ApiError when refused. */
async function start(token) {
  const generation = ++sessionGeneration;
  const api = new Api(token, () => {
    if (session) {
      signOut('Your token is no longer accepted; sign in again.');
    }
  });
  const me = await api.get('/api/v1/users/me');
  if (generation !== sessionGeneration) {
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  const users = new Map([[me.id, me.name]]);
  if (me.role === 'admin') {
    // The first page of accounts names the users the views show, and past it a user shows as
    // "user N": a server of many thousands of users would otherwise send them all at each sign-in.
    const named = await api.get(`/api/v1/users?limit=${USER_NAMES}`);
    if (generation !== sessionGeneration) {
      return;
    }
    for (const user of named) {
      users.set(user.id, user.name);
    }
  }
  const live = new LiveEvents(token, document.getElementById('live-status'));
  live.start();
  const unread = new UnreadCount(api, live, document.getElementById('unread-count'));
  unread.refresh();
  session = {api, me, live, users, notify, unread, isAdmin: me.role === 'admin'};
  replace(document.getElementById('who'), h('strong', {}, me.name), ' ', h('span', {class: 'badge role'}, me.role));
  header.hidden = false;
  await show();
}

function leave() {
  if (leaveView) {
    leaveView();
    leaveView = null;
  }
}

async function show() {
  if (!session) {
    return;
  }
  const [address, queryText] = location.hash.replace(/^#\/?/, '').split('?');
  const route = ROUTES.find(([pattern]) => pattern.test(address || 'jobs'));
  if (!route) {
    location.hash = '#/jobs';
    return;
  }
  const [pattern, section, render] = route;
  const match = (address || 'jobs').match(pattern);
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === section) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  leave();
  notice.hidden = notice.hidden || !keepNotice;
  keepNotice = false;
  const mine = ++renderCount;
  replace(main, h('p', {class: 'loading'}, 'Loading…'));
  const view = {
    ...session,
    params: match.slice(1).map(decodeURIComponent),
    query: new URLSearchParams(queryText || ''),
    isCurrent: () => mine === renderCount,
  };
  try {
    const cleanup = await render(main, view);
    if (mine === renderCount) {
      leaveView = cleanup || null;
    } else if (cleanup) {
      cleanup();
    }
  } catch (error) {
    if (mine === renderCount && session) {
      replace(main, h('section', {class: 'panel'},
        h('h1', {}, 'This page could not be shown'),
        h('p', {class: 'error-text'}, error.message)));
    }
  }
  if (!session && !document.getElementById('token')) {
    // Signed out while the page rendered, and the page drew over the form: the form comes back.
    showSignIn(signedOutMessage);
  }
}

document.getElementById('sign-out').addEventListener('click', () => {
  location.hash = '';
  signOut('You are signed out.');
});
window.addEventListener('pagehide', (event) => {
  if (event.persisted && session) {
    session.live.pause();
  }
});
window.addEventListener('pageshow', (event) => {
  if (event.persisted && session) {
    session.live.start();
  }
});
window.addEventListener('hashchange', () => {
  show();
  main.focus({preventScroll: true});
});

const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) {
  start(saved).catch((error) => {
    sessionStorage.removeItem(TOKEN_KEY);
    showSignIn(error.message);
  });
} else {
  showSignIn();
}
