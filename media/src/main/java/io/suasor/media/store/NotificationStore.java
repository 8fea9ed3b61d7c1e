package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Notification;
import io.suasor.media.model.NotificationPriority;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users' notifications, each with an optional expiry: the inbox a user reads (unread first, then
 * newest, in pages), and the insert that tells a user of a key at most once.
 */
public final class NotificationStore {
  static final String COLUMNS =
      "id, user_id, kind, priority, dedupe_key, title, message, item_id, item_count, media_type,"
          + " release_date, external_ids, is_read, created_at, expires_at";

  private static final String CURRENT =
      " FROM notifications WHERE user_id = ? AND (expires_at IS NULL OR expires_at > ?)";

  private final Database database;

  public NotificationStore(Database database) {
    this.database = database;
  }

  /** Tells the user of {@code note}; empty when they were already told of its key. */
  public Optional<Notification> create(long userId, NewNotification note, Instant now) {
    return database.inTransaction("notify user " + userId, c -> insert(c, userId, note, now));
  }

  static Optional<Notification> insert(Connection c, long userId, NewNotification note, Instant now)
      throws SQLException {
    Map<String, String> ids = new java.util.TreeMap<>();
    note.externalIds().forEach((provider, id) -> ids.put(provider.value(), id));
    return Jdbc.queryOne(
        c,
        """
        INSERT INTO notifications (user_id, kind, priority, dedupe_key, title, message, item_id,
            item_count, media_type, release_date, external_ids, is_read, created_at, expires_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (user_id, dedupe_key) DO NOTHING
        RETURNING\s"""
            + COLUMNS,
        NotificationStore::notification,
        userId,
        note.kind(),
        note.priority().value(),
        note.dedupeKey(),
        note.title(),
        note.message(),
        Jdbc.nullableLong(note.itemId()),
        note.itemCount(),
        Jdbc.nullableText(note.mediaType() == null ? null : note.mediaType().value()),
        Jdbc.nullableText(note.releaseDate() == null ? null : note.releaseDate().toString()),
        Json.write(ids),
        false,
        now,
        Jdbc.nullableTime(note.expiresAt()));
  }

  /**
   * A page of the user's notifications that have not expired at {@code now}: unread first, then
   * newest; {@code afterId} is the last notification of the previous page, empty for the first
   * page. The page starts where that notification stands now (read or not).
   */
  public List<Notification> page(long userId, Instant now, int limit, Optional<Long> afterId) {
    String order = " ORDER BY is_read, created_at DESC, id DESC LIMIT ?";
    return database.read(
        "list notifications of user " + userId,
        c -> {
          Optional<Notification> after = Optional.empty();
          if (afterId.isPresent()) {
            after =
                Jdbc.queryOne(
                    c,
                    "SELECT " + COLUMNS + " FROM notifications WHERE id = ? AND user_id = ?",
                    NotificationStore::notification,
                    afterId.get(),
                    userId);
          }
          if (after.isEmpty()) {
            return Jdbc.query(
                c,
                "SELECT " + COLUMNS + CURRENT + order,
                NotificationStore::notification,
                userId,
                now,
                limit);
          }
          Notification cursor = after.get();
          // After an unread one come older unread ones, then every read one.
          String rest =
              cursor.read()
                  ? " AND is_read AND (created_at < ? OR (created_at = ? AND id < ?))"
                  : " AND (is_read OR (created_at < ? OR (created_at = ? AND id < ?)))";
          return Jdbc.query(
              c,
              "SELECT " + COLUMNS + CURRENT + rest + order,
              NotificationStore::notification,
              userId,
              now,
              cursor.createdAt(),
              cursor.createdAt(),
              cursor.id(),
              limit);
        });
  }

  public long unreadCount(long userId, Instant now) {
    return database.read(
        "count unread notifications of user " + userId,
        c ->
            Jdbc.queryOne(
                    c,
                    "SELECT COUNT(*) AS n" + CURRENT + " AND NOT is_read",
                    row -> row.getLong("n"),
                    userId,
                    now)
                .orElse(0L));
  }

  /** The user's notification {@code id}, whether read or expired; empty when it is not theirs. */
  public Optional<Notification> byId(long id, long userId) {
    return database.read(
        "read notification " + id,
        c ->
            Jdbc.queryOne(
                c,
                "SELECT " + COLUMNS + " FROM notifications WHERE id = ? AND user_id = ?",
                NotificationStore::notification,
                id,
                userId));
  }

  /** Marks the user's notification read; false when they have none of that id. */
  public boolean markRead(long id, long userId) {
    return database.write(
            "mark notification " + id + " read",
            c ->
                Jdbc.update(
                    c,
                    "UPDATE notifications SET is_read = ? WHERE id = ? AND user_id = ?",
                    true,
                    id,
                    userId))
        == 1;
  }

  /** Marks every current unread notification of the user read; answers how many. */
  public int markAllRead(long userId, Instant now) {
    return database.write(
        "mark the notifications of user " + userId + " read",
        c ->
            Jdbc.update(
                c,
                "UPDATE notifications SET is_read = ?"
                    + " WHERE user_id = ? AND NOT is_read"
                    + " AND (expires_at IS NULL OR expires_at > ?)",
                true,
                userId,
                now));
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

  static Notification notification(ResultSet row) throws SQLException {
    String type = row.getString("media_type");
    String date = row.getString("release_date");
    Map<ExternalProvider, String> ids = new EnumMap<>(ExternalProvider.class);
    Json.stringMap(row.getString("external_ids"))
        .forEach((provider, id) -> ids.put(ExternalProvider.of(provider), id));
    return new Notification(
        row.getLong("id"),
        row.getLong("user_id"),
        row.getString("kind"),
        NotificationPriority.of(row.getString("priority")),
        row.getString("dedupe_key"),
        row.getString("title"),
        row.getString("message"),
        Jdbc.nullableLong(row, "item_id"),
        row.getInt("item_count"),
        type == null ? null : MediaType.of(type),
        date == null ? null : LocalDate.parse(date),
        ids,
        row.getBoolean("is_read"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "expires_at"));
  }
}
