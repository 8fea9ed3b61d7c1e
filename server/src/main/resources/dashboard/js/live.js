// One event stream for the whole page; views subscribe while they are shown.

const EVENT_TYPES = ['run.created', 'run.started', 'run.progress', 'run.finished'];

export class LiveEvents {
  constructor(token, statusElement) {
    this.token = token;
    this.statusElement = statusElement;
    this.listeners = new Set();
    this.source = null;
    this.everOpened = false;
  }

  start() {
    // EventSource cannot send headers, so the stream takes the token as a query parameter.
    this.source = new EventSource(`/api/v1/jobs/events?access_token=${encodeURIComponent(this.token)}`);
    this.show('connecting');
    this.source.addEventListener('open', () => {
      const reconnected = this.everOpened;
      this.everOpened = true;
      this.show('live');
      if (reconnected) {
        // Events sent while the stream was down are lost; views reload what they show.
        this.emit('reconnected', null);
      }
    });
    this.source.addEventListener('error', () => {
      this.show(this.source.readyState === EventSource.CLOSED ? 'offline' : 'reconnecting');
    });
    for (const type of EVENT_TYPES) {
      this.source.addEventListener(type, (message) => this.emit(type, JSON.parse(message.data)));
    }
  }

  stop() {
    if (this.source) {
      this.source.close();
      this.source = null;
    }
    this.listeners.clear();
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
