// Notifications: what the new-release notification job told the signed-in user, unread first,
// with mark read and mark all read. The list reloads when a run of that job finishes.

import {h, replace} from '../dom.js';
import {when} from '../format.js';
import {NOTIFICATION_JOB} from '../unread.js';

const NOTIFICATIONS = '/api/v1/notifications';
const LIMIT = 50;

const KINDS = {
  'library.new': 'new in your library',
  'release.episode': 'episode',
  'release.movie': 'film',
};

export async function renderNotifications(main, view) {
  const list = h('ul', {class: 'cards', id: 'notifications', 'aria-live': 'polite'});
  const more = h('div', {class: 'pager'});
  const readAll = h('button', {type: 'button', class: 'secondary', id: 'read-all'}, 'Mark all read');
  const summary = h('p', {class: 'hint', id: 'notifications-summary'});
  let shown = [];

  const load = async (cursor) => {
    const envelope = await view.api.request('GET', `${NOTIFICATIONS}?limit=${LIMIT}${cursor ? `&cursor=${cursor}` : ''}`);
    const {unreadCount, notifications} = envelope.data;
    shown = cursor ? [...shown, ...notifications] : notifications;
    view.unread.show(unreadCount);
    summary.textContent = unreadCount === 0 ? 'Nothing unread.' : `${unreadCount} unread.`;
    readAll.disabled = unreadCount === 0;
    replace(list, shown.length === 0
      ? h('li', {class: 'empty'}, 'No notifications yet: the daily new-release notification job tells you of what your libraries gain and of releases you may like.')
      : shown.map((notification) => card(view, notification, markRead)));
    const next = envelope.pagination ? envelope.pagination.nextCursor : null;
    replace(more, next ? h('button', {type: 'button', class: 'secondary', id: 'more-notifications',
      onclick: () => load(next).catch(failed)}, 'Show more') : null);
  };
  const failed = (error) => view.notify(`Notifications could not be loaded: ${error.message}`, 'error');

  const markRead = async (notification, button) => {
    button.disabled = true;
    try {
      const marked = await view.api.post(`${NOTIFICATIONS}/${notification.id}/read`);
      notification.isRead = true;
      view.unread.show(marked.unreadCount);
      await load(null);
    } catch (error) {
      view.notify(`${notification.title} could not be marked read: ${error.message}`, 'error');
      button.disabled = false;
    }
  };

  readAll.addEventListener('click', async () => {
    readAll.disabled = true;
    try {
      const marked = await view.api.post(`${NOTIFICATIONS}/read-all`);
      view.unread.show(marked.unreadCount);
      view.notify(`${marked.marked} notifications marked read.`);
      await load(null);
    } catch (error) {
      view.notify(`Notifications could not be marked read: ${error.message}`, 'error');
      readAll.disabled = false;
    }
  });

  await load(null);
  replace(main, h('section', {class: 'panel', 'aria-labelledby': 'notifications-title'},
    h('div', {class: 'card-head'}, h('h1', {id: 'notifications-title', tabindex: -1}, 'Notifications'), readAll),
    summary, list, more));

  return view.live.subscribe((type, payload) => {
    if (type === 'reconnected' || (type === 'run.finished' && payload && payload.jobName === NOTIFICATION_JOB)) {
      load(null).catch(failed);
    }
  });
}

function card(view, notification, markRead) {
  const read = notification.isRead;
  const button = read ? null : h('button', {type: 'button', class: 'secondary', 'data-action': 'read',
    'aria-label': `Mark ${notification.title} read`}, 'Mark read');
  if (button) {
    button.addEventListener('click', () => markRead(notification, button));
  }
  return h('li', {class: `card notification ${read ? 'read' : 'unread'}`,
    dataset: {notificationId: notification.id, read: String(read)}},
  h('div', {class: 'card-head'},
    h('h2', {}, notification.title),
    h('span', {class: 'badges'},
      h('span', {class: 'badge type'}, KINDS[notification.kind] || notification.kind), ' ',
      notification.priority === 'normal' ? null : h('span', {class: `badge priority-${notification.priority}`}, `${notification.priority} priority`), ' ',
      read ? null : h('span', {class: 'badge status-running'}, 'unread'))),
  h('p', {}, notification.message),
  h('p', {class: 'hint'}, `Told ${when(notification.createdAt)}`,
    notification.expiresAt ? ` · shown until ${when(notification.expiresAt)}` : ''),
  button ? h('div', {class: 'actions'}, button) : null);
}
