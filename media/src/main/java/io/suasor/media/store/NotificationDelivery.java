package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.Notification;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Delivers a run's notifications to one user in one transaction: within their daily limit, each key
 * at most once, and moving their new-items watermark with them. The transaction begins by writing
 * the user's watermark row, so that two runs for one user (the daily run for everyone and the
 * user's own, or runs on two nodes) take turns: the second counts what the first sent today and
 * finds its keys taken.
 */
public final class NotificationDelivery {
  /**
   * What to deliver.
   *
   * @param dayStart when the user's day began, in their time zone: what was sent since counts
   *     against the limit
   * @param dailyLimit how many notifications the user may get a day
   * @param ordered the notifications, most wanted first; those past the limit are not sent
   * @param newItemsThrough the user has now been told of library items added up to this instant
   * @param handled the new library items this delivery tells of (or leaves out by preference or
   *     limit), to be left out when the next run looks again before the watermark
   * @param lookAgainFrom how far back the next run looks again: items added before it need no
   *     longer be remembered
   */
  public record Delivery(
      Instant now,
      Instant dayStart,
      int dailyLimit,
      List<NewNotification> ordered,
      Instant newItemsThrough,
      List<NotificationFacts.NewItem> handled,
      Instant lookAgainFrom) {
    public Delivery {
      ordered = List.copyOf(ordered);
      handled = List.copyOf(handled);
    }
  }

  /**
   * What was delivered.
   *
   * @param duplicates notifications whose key the user was already told of
   * @param skippedByLimit notifications left out because the day's limit was reached
   * @param sentEarlierToday what the user had been sent today before this delivery
   */
  public record Delivered(
      List<Notification> created, int duplicates, int skippedByLimit, long sentEarlierToday) {
    public Delivered {
      created = List.copyOf(created);
    }
  }

  private final Database database;

  public NotificationDelivery(Database database) {
    this.database = database;
  }

  /** Up to when the user was told of new library items; empty before their first run. */
  public Optional<Instant> watermark(long userId) {
    return database.read(
        "read the notification watermark of user " + userId,
        c ->
            Jdbc.queryOne(
                c,
                "SELECT new_items_through FROM notification_watermarks WHERE user_id = ?",
                row -> Jdbc.instant(row, "new_items_through"),
                userId));
  }

  public Delivered deliver(long userId, Delivery delivery) {
    return database.inTransaction(
        "deliver notifications to user " + userId, c -> deliver(c, userId, delivery));
  }

  private static Delivered deliver(Connection c, long userId, Delivery delivery)
      throws SQLException {
    Jdbc.update(
        c,
        """
        INSERT INTO notification_watermarks (user_id, new_items_through, updated_at)
        VALUES (?, ?, ?)
        ON CONFLICT (user_id) DO UPDATE SET updated_at = excluded.updated_at
        """,
        userId,
        delivery.newItemsThrough(),
        delivery.now());
    long sentToday =
        Jdbc.queryOne(
                c,
                "SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND created_at >= ?",
                row -> row.getLong("n"),
                userId,
                delivery.dayStart())
            .orElse(0L);
    long room = Math.max(0, delivery.dailyLimit() - sentToday);
    List<Notification> created = new ArrayList<>();
    int duplicates = 0;
    int skipped = 0;
    for (NewNotification note : delivery.ordered()) {
      if (told(c, userId, note.dedupeKey())) {
        duplicates++;
      } else if (created.size() >= room) {
        skipped++;
      } else {
        Optional<Notification> made = NotificationStore.insert(c, userId, note, delivery.now());
        if (made.isPresent()) {
          created.add(made.get());
        } else {
          duplicates++;
        }
      }
    }
    Jdbc.update(
        c,
        """
        UPDATE notification_watermarks SET new_items_through = ?
        WHERE user_id = ? AND new_items_through < ?
        """,
        delivery.newItemsThrough(),
        userId,
        delivery.newItemsThrough());
    remember(c, userId, delivery);
    return new Delivered(created, duplicates, skipped, sentToday);
  }

  private static void remember(Connection c, long userId, Delivery delivery) throws SQLException {
    for (NotificationFacts.NewItem item : delivery.handled()) {
      if (item.addedAt().isAfter(delivery.lookAgainFrom())) {
        Jdbc.update(
            c,
            """
            INSERT INTO notification_recent_items (user_id, item_id, added_at) VALUES (?, ?, ?)
            ON CONFLICT (user_id, item_id) DO NOTHING
            """,
            userId,
            item.id(),
            item.addedAt());
      }
    }
    Jdbc.update(
        c,
        "DELETE FROM notification_recent_items WHERE user_id = ? AND added_at <= ?",
        userId,
        delivery.lookAgainFrom());
  }

  private static boolean told(Connection c, long userId, String key) throws SQLException {
    return Jdbc.queryOne(
            c,
            "SELECT 1 AS found FROM notifications WHERE user_id = ? AND dedupe_key = ?",
            row -> true,
            userId,
            key)
        .isPresent();
  }
}
