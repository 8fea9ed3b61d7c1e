// The header's unread count. The server's event stream carries runs, not notifications, so the
// count is read again when a run of the notification job finishes (on any node: the stream relays
// every node's runs), when the stream reconnects (events may have been missed), and after this
// page marks notifications read.

const NOTIFICATIONS = '/api/v1/notifications';
export const NOTIFICATION_JOB = 'system.new.release.notification';

export class UnreadCount {
  constructor(api, live, element) {
    this.api = api;
    this.element = element;
    this.unsubscribe = live.subscribe((type, payload) => {
      if (type === 'reconnected' || (type === 'run.finished' && payload && payload.jobName === NOTIFICATION_JOB)) {
        this.refresh();
      }
    });
  }

  /** Reads the count from the server; a failure leaves the last count shown. */
  async refresh() {
    try {
      const inbox = await this.api.get(`${NOTIFICATIONS}?limit=1`);
      this.show(inbox.unreadCount);
    } catch {
      // The next event or action reads it again.
    }
  }

  show(count) {
    this.element.textContent = String(count);
    this.element.dataset.count = String(count);
  }

  stop() {
    this.unsubscribe();
  }
}
