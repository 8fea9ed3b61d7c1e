package io.suasor.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.suasor.media.model.Notification;
import io.suasor.media.store.NotificationStore;
import io.suasor.server.auth.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The caller's notifications: unread first, then newest, in pages, with the unread count; marking
 * one or all read. Another user's notification is not found, whoever asks (an admin included).
 */
final class NotificationRoutes {
  static final String PATH = "/api/v1/notifications";
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private final NotificationStore notifications;
  private final Clock clock;

  NotificationRoutes(NotificationStore notifications, Clock clock) {
    this.notifications = notifications;
    this.clock = clock;
  }

  /** A page of notifications and how many of all the current ones are unread. */
  record Inbox(long unreadCount, List<NotificationView> notifications) {}

  /** What marking changed, and how many are left unread. */
  record Marked(int marked, long unreadCount) {}

  void register(RoutesConfig routes) {
    routes.get(PATH, this::list);
    // Before {id}/read, which would also match read-all's path shape.
    routes.post(PATH + "/read-all", this::readAll);
    routes.post(PATH + "/{id}/read", this::read);
  }

  private void list(Context ctx) {
    User user = Requests.user(ctx);
    int limit = Requests.intQuery(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    Optional<Long> cursor = Requests.longQuery(ctx, "cursor");
    if (cursor.isPresent() && notifications.byId(cursor.get(), user.id()).isEmpty()) {
      throw ApiException.invalid(
          "cursor",
          "cursor must be the nextCursor of a previous page of your notifications, was "
              + cursor.get());
    }
    Instant now = clock.instant();
    List<Notification> page = notifications.page(user.id(), now, limit + 1, cursor);
    boolean more = page.size() > limit;
    List<NotificationView> shown =
        page.subList(0, Math.min(limit, page.size())).stream().map(NotificationView::of).toList();
    long unread = notifications.unreadCount(user.id(), now);
    ctx.json(
        Envelope.page(
            shown.size() + " notifications, " + unread + " unread",
            new Inbox(unread, shown),
            new Envelope.Pagination(limit, more ? shown.get(shown.size() - 1).id() : null)));
  }

  private void read(Context ctx) {
    User user = Requests.user(ctx);
    long id = Requests.id(ctx, "id");
    if (!notifications.markRead(id, user.id())) {
      throw ApiException.notFound("you have no notification " + id + "; list yours at GET " + PATH);
    }
    long unread = notifications.unreadCount(user.id(), clock.instant());
    ctx.json(Envelope.ok("notification " + id + " read", new Marked(1, unread)));
  }

  private void readAll(Context ctx) {
    User user = Requests.user(ctx);
    Instant now = clock.instant();
    int marked = notifications.markAllRead(user.id(), now);
    ctx.json(
        Envelope.ok(
            marked + " notifications marked read",
            new Marked(marked, notifications.unreadCount(user.id(), now))));
  }
}
