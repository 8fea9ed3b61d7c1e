package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.PlayEvent;
import io.suasor.media.model.UserItemData;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Per-user item data (one row per user and item) and the de-duplicated play history. */
public final class UserDataStore {
  private static final String COLUMNS =
      "user_id, item_id, play_count, last_played_at, played_percentage, favorite, rating,"
          + " watchlist, updated_at";

  private final Database database;

  public UserDataStore(Database database) {
    this.database = database;
  }

  public Optional<UserItemData> get(long userId, long itemId) {
    return database.read(
        "read data of user " + userId + " for item " + itemId, c -> get(c, userId, itemId));
  }

  public List<UserItemData> byUser(long userId) {
    return database.read(
        "read item data of user " + userId,
        c ->
            Jdbc.query(
                c,
                "SELECT " + COLUMNS + " FROM user_item_data WHERE user_id = ? ORDER BY item_id",
                UserDataStore::data,
                userId));
  }

  public void save(UserItemData data) {
    database.write("save data of user " + data.userId(), c -> save(c, data));
  }

  /**
   * A user's own change of an item's favourite state in Suasor, dated {@code at} so that, against a
   * change made in a source, the newest wins; returns whether it changed anything.
   */
  public boolean setFavorite(long userId, long itemId, boolean favorite, Instant at) {
    return database.inTransaction(
        "set favourite of user " + userId + " for item " + itemId,
        c -> {
          UserItemData current =
              get(c, userId, itemId).orElse(UserItemData.empty(userId, itemId, at));
          if (current.favorite() == favorite) {
            return false;
          }
          save(
              c,
              new UserItemData(
                  userId,
                  itemId,
                  current.playCount(),
                  current.lastPlayedAt(),
                  current.playedPercentage(),
                  favorite,
                  current.rating(),
                  current.watchlist(),
                  at));
          Jdbc.update(
              c,
              "UPDATE user_item_data SET favorite_changed_at = ? WHERE user_id = ? AND item_id = ?",
              at,
              userId,
              itemId);
          return true;
        });
  }

  /** Records a play; returns false when that play (user, item, instant) was already recorded. */
  public boolean recordPlay(PlayEvent play) {
    return database.write("record play of user " + play.userId(), c -> recordPlay(c, play));
  }

  public List<PlayEvent> history(long userId) {
    return database.read(
        "read play history of user " + userId,
        c ->
            Jdbc.query(
                c,
                """
                SELECT user_id, item_id, played_at, played_percentage, source_id
                FROM play_history WHERE user_id = ? ORDER BY played_at, item_id
                """,
                UserDataStore::play,
                userId));
  }

  /**
   * The next {@code limit} plays of a user after {@code after} (null: from the first), in the order
   * of {@link #history}; a caller walks a long history in pages this way without holding all of it.
   */
  public List<PlayEvent> historyAfter(long userId, PlayEvent after, int limit) {
    return database.read(
        "read play history of user " + userId,
        c ->
            after == null
                ? Jdbc.query(
                    c,
                    """
                    SELECT user_id, item_id, played_at, played_percentage, source_id
                    FROM play_history WHERE user_id = ?
                    ORDER BY played_at, item_id LIMIT ?
                    """,
                    UserDataStore::play,
                    userId,
                    limit)
                : Jdbc.query(
                    c,
                    """
                    SELECT user_id, item_id, played_at, played_percentage, source_id
                    FROM play_history WHERE user_id = ? AND (played_at, item_id) > (?, ?)
                    ORDER BY played_at, item_id LIMIT ?
                    """,
                    UserDataStore::play,
                    userId,
                    after.playedAt(),
                    after.itemId(),
                    limit));
  }

  /** How many of the items a user played they finished, and how many they started and left. */
  public record Completion(long finished, long abandoned) {}

  /**
   * Counts each item in the user's history once: finished when a play of it reached {@code
   * finishedPercent}, or its item data says it is played that far (a source may know it was
   * finished without a play of it that did); abandoned otherwise.
   */
  public Completion completion(long userId, double finishedPercent) {
    return database.read(
        "count finished items of user " + userId,
        c ->
            Jdbc.queryOne(
                    c,
                    """
                    SELECT COUNT(*) AS started,
                           COALESCE(SUM(CASE WHEN p.best >= ? OR d.played_percentage >= ?
                                             THEN 1 ELSE 0 END), 0) AS finished
                    FROM (SELECT item_id, MAX(played_percentage) AS best
                          FROM play_history WHERE user_id = ? GROUP BY item_id) p
                    LEFT JOIN user_item_data d ON d.user_id = ? AND d.item_id = p.item_id
                    """,
                    row ->
                        new Completion(
                            row.getLong("finished"),
                            row.getLong("started") - row.getLong("finished")),
                    finishedPercent,
                    finishedPercent,
                    userId,
                    userId)
                .orElseThrow());
  }

  static Optional<UserItemData> get(Connection c, long userId, long itemId) throws SQLException {
    return Jdbc.queryOne(
        c,
        "SELECT " + COLUMNS + " FROM user_item_data WHERE user_id = ? AND item_id = ?",
        UserDataStore::data,
        userId,
        itemId);
  }

  static List<UserItemData> byItem(Connection c, long itemId) throws SQLException {
    return Jdbc.query(
        c,
        "SELECT " + COLUMNS + " FROM user_item_data WHERE item_id = ? ORDER BY user_id",
        UserDataStore::data,
        itemId);
  }

  static int save(Connection c, UserItemData data) throws SQLException {
    return Jdbc.update(
        c,
        """
        INSERT INTO user_item_data (user_id, item_id, play_count, last_played_at,
            played_percentage, favorite, rating, watchlist, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (user_id, item_id) DO UPDATE SET
            play_count = excluded.play_count,
            last_played_at = excluded.last_played_at,
            played_percentage = excluded.played_percentage,
            favorite = excluded.favorite,
            rating = excluded.rating,
            watchlist = excluded.watchlist,
            updated_at = excluded.updated_at
        """,
        data.userId(),
        data.itemId(),
        data.playCount(),
        Jdbc.nullableTime(data.lastPlayedAt()),
        data.playedPercentage(),
        data.favorite(),
        new Jdbc.Typed(data.rating(), Types.DOUBLE),
        data.watchlist(),
        data.updatedAt());
  }

  static boolean recordPlay(Connection c, PlayEvent play) throws SQLException {
    return Jdbc.update(
            c,
            """
            INSERT INTO play_history (user_id, item_id, played_at, played_percentage, source_id)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (user_id, item_id, played_at) DO NOTHING
            """,
            play.userId(),
            play.itemId(),
            play.playedAt(),
            play.playedPercentage(),
            Jdbc.nullableLong(play.sourceId()))
        == 1;
  }

  private static PlayEvent play(ResultSet row) throws SQLException {
    return new PlayEvent(
        row.getLong("user_id"),
        row.getLong("item_id"),
        Jdbc.instant(row, "played_at"),
        row.getDouble("played_percentage"),
        Jdbc.nullableLong(row, "source_id"));
  }

  static UserItemData data(ResultSet row) throws SQLException {
    return new UserItemData(
        row.getLong("user_id"),
        row.getLong("item_id"),
        row.getInt("play_count"),
        Jdbc.instant(row, "last_played_at"),
        row.getDouble("played_percentage"),
        row.getBoolean("favorite"),
        ItemStore.nullableDouble(row, "rating"),
        row.getBoolean("watchlist"),
        Jdbc.instant(row, "updated_at"));
  }
}
