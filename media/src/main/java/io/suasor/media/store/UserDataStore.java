package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.PlayEvent;
import io.suasor.media.model.UserItemData;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
                row ->
                    new PlayEvent(
                        row.getLong("user_id"),
                        row.getLong("item_id"),
                        Jdbc.instant(row, "played_at"),
                        row.getDouble("played_percentage"),
                        Jdbc.nullableLong(row, "source_id")),
                userId));
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
