package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.Notification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Notifications to users, each with an optional expiry. */
public final class NotificationStore {
  private static final String COLUMNS =
      "id, user_id, kind, title, message, item_id, is_read, created_at, expires_at";

  private final Database database;

  public NotificationStore(Database database) {
    this.database = database;
  }

  public Notification create(
      long userId,
      String kind,
      String title,
      String message,
      Long itemId,
      Instant now,
      Instant expiresAt) {
    return database.inTransaction(
        "notify user " + userId,
        c ->
            Jdbc.queryOne(
                    c,
                    """
                    INSERT INTO notifications (user_id, kind, title, message, item_id, is_read,
                        created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    RETURNING\s"""
                        + COLUMNS,
                    NotificationStore::notification,
                    userId,
                    kind,
                    title,
                    message,
                    Jdbc.nullableLong(itemId),
                    false,
                    now,
                    Jdbc.nullableTime(expiresAt))
                .orElseThrow());
  }

  /** The user's notifications that have not expired at {@code now}, newest first. */
  public List<Notification> current(long userId, Instant now) {
    return database.read(
        "list notifications of user " + userId,
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + COLUMNS
                    + """
                     FROM notifications
                    WHERE user_id = ? AND (expires_at IS NULL OR expires_at > ?)
                    ORDER BY created_at DESC, id DESC
                    """,
                NotificationStore::notification,
                userId,
                now));
  }

  public boolean markRead(long id) {
    return database.write(
            "mark notification " + id + " read",
            c -> Jdbc.update(c, "UPDATE notifications SET is_read = ? WHERE id = ?", true, id))
        == 1;
  }

  public long count() {
    return database.read(
        "count notifications",
        c ->
            Jdbc.queryOne(c, "SELECT COUNT(*) AS n FROM notifications", row -> row.getLong("n"))
                .orElse(0L));
  }

  /** Deletes, in batches, the notifications that expired before {@code cutoff}. */
  public long pruneExpiredBefore(Instant cutoff, int batchSize) {
    return Pruning.inBatches(
        database,
        "prune notifications expired before " + cutoff,
        """
        DELETE FROM notifications WHERE id IN (
            SELECT id FROM notifications WHERE expires_at < ? ORDER BY id LIMIT ?)
        """,
        batchSize,
        cutoff);
  }

  private static Notification notification(ResultSet row) throws SQLException {
    return new Notification(
        row.getLong("id"),
        row.getLong("user_id"),
        row.getString("kind"),
        row.getString("title"),
        row.getString("message"),
        Jdbc.nullableLong(row, "item_id"),
        row.getBoolean("is_read"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "expires_at"));
  }
}
