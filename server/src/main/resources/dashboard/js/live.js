// One event stream for the whole page; views subscribe while they are shown.
// Read with fetch rather than EventSource, so that the token travels in the Authorization header
// and never in a URL (URLs land in proxies' access logs).

import {BASE_PATH} from './api.js';

const EVENT_TYPES = new Set(['run.created', 'run.started', 'run.progress', 'run.finished']);
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 15000;

export class LiveEvents {
  constructor(token, statusElement) {
    this.token = token;
    this.statusElement = statusElement;
    this.listeners = new Set();
    this.controller = null;
    this.retryTimer = null;
    this.retryMs = RETRY_FIRST_MS;
    this.everOpened = false;
  }

  start() {
    this.show('connecting');
    this.connect();
  }

  async connect() {
    const controller = new AbortController();
    this.controller = controller;
    try {
      const response = await fetch(`${BASE_PATH}/api/v1/jobs/events`, {
        headers: {Authorization: `Bearer ${this.token}`, Accept: 'text/event-stream'},
        cache: 'no-store',
        signal: controller.signal,
      });
      if (response.status === 401 || response.status === 403) {
        // The token was revoked or its user deactivated: asking again would only be refused.
        this.show('offline');
        return;
      }
      if (response.ok && response.body) {
        const reconnected = this.everOpened;
        this.everOpened = true;
        this.retryMs = RETRY_FIRST_MS;
        this.show('live');
        if (reconnected) {
          // Events sent while the stream was down are lost; views reload what they show.
          this.emit('reconnected', null);
        }
        await this.read(response.body);
      }
    } catch (error) {
      // A network failure or the stream cut: tried again below, unless the page stopped it.
    }
    if (this.controller !== controller || controller.signal.aborted) {
      return;
    }
    this.show('reconnecting');
    this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  /** Reads server-sent events until the stream ends: `event:` and `data:` lines, a blank line each. */
  async read(body) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let type = null;
    let data = [];
    for (;;) {
      const {value, done} = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, {stream: true});
      let end;
      while ((end = buffer.indexOf('\n')) >= 0) {
        let line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        if (line.endsWith('\r')) {
          line = line.slice(0, -1);
        }
        if (line === '') {
          if (type !== null && EVENT_TYPES.has(type) && data.length > 0) {
            this.emit(type, JSON.parse(data.join('\n')));
          }
          type = null;
          data = [];
        } else if (line.startsWith('event:')) {
          type = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
          data.push(line.slice(5).replace(/^ /, ''));
        }
        // Comments (lines starting with ':') are the greeting and the heartbeats.
      }
    }
  }

  stop() {
    this.pause();
    this.listeners.clear();
  }

  /**
   * Closes the stream and keeps the listeners, for a page going into the back-forward cache: such a
   * page keeps its fetches open, so each one left held one of the six connections a browser opens
   * to a server, and after five the next page's requests waited about a minute for one (issue 16).
   * start() opens it again, and the views reload what they show as after any reconnection.
   */
  pause() {
    clearTimeout(this.retryTimer);
    if (this.controller) {
      this.controller.abort();
      this.controller = null;
    }
  }

  /** Calls listener(type, payload) for each event; returns the function that unsubscribes. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(type, payload) {
    for (const listener of [...this.listeners]) {
      listener(type, payload);
    }
  }

  show(state) {
    this.statusElement.textContent = state;
    this.statusElement.dataset.state = state;
  }
}
