package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What new-release notifications read of a user's library: the items their sources gained, the
 * series they follow, and whether they already own or watched a release. A user's library is the
 * items referenced by the sources they own.
 */
public final class NotificationFacts {
  /** An item that became part of a user's library at {@code addedAt}. */
  public record NewItem(
      long id,
      Instant addedAt,
      MediaType type,
      String title,
      Long parentId,
      Long seriesId,
      Integer seasonNumber,
      Integer episodeNumber) {}

  /**
   * What a notification says of an item: a movie, or the series or album heading a group.
   *
   * @param parentTitle an album's artist, null for others
   */
  public record Described(
      long id,
      MediaType type,
      String title,
      Integer year,
      Double rating,
      String parentTitle,
      List<String> genres,
      Map<ExternalProvider, String> externalIds) {
    public Described {
      genres = List.copyOf(genres);
      externalIds = Map.copyOf(externalIds);
    }
  }

  private static final String OWNED =
      """
      EXISTS (SELECT 1 FROM item_refs r JOIN media_sources s ON s.id = r.source_id
              WHERE r.item_id = i.id AND s.user_id = ?)
      """;
  private static final String WATCHED =
      """
      EXISTS (SELECT 1 FROM user_item_data d
              WHERE d.user_id = ? AND d.item_id = i.id AND d.play_count > 0)
      """;

  private final Database database;

  public NotificationFacts(Database database) {
    this.database = database;
  }

  /**
   * The items the user's sources first held after {@code after} and up to {@code through}: an item
   * another of their sources already held is not new to them, one another user's source held is.
   * Items the user's recent runs handled (see {@link NotificationDelivery}) are left out.
   */
  public List<NewItem> newItems(long userId, Instant after, Instant through) {
    return database.read(
        "read the items new to the library of user " + userId,
        c ->
            Jdbc.query(
                c,
                """
                SELECT i.id, MIN(r.added_at) AS added_at, i.type, i.title, i.parent_id,
                    i.series_id, i.season_number, i.episode_number
                FROM item_refs r
                JOIN media_sources s ON s.id = r.source_id
                JOIN media_items i ON i.id = r.item_id
                WHERE s.user_id = ? AND r.added_at > ? AND r.added_at <= ?
                  AND NOT EXISTS (
                      SELECT 1 FROM item_refs o JOIN media_sources os ON os.id = o.source_id
                      WHERE o.item_id = r.item_id AND os.user_id = ? AND o.added_at <= ?)
                  AND NOT EXISTS (
                      SELECT 1 FROM notification_recent_items t
                      WHERE t.user_id = ? AND t.item_id = r.item_id)
                GROUP BY i.id, i.type, i.title, i.parent_id, i.series_id, i.season_number,
                    i.episode_number
                ORDER BY i.id
                """,
                row ->
                    new NewItem(
                        row.getLong("id"),
                        Jdbc.instant(row, "added_at"),
                        MediaType.of(row.getString("type")),
                        row.getString("title"),
                        Jdbc.nullableLong(row, "parent_id"),
                        Jdbc.nullableLong(row, "series_id"),
                        Jdbc.nullableInt(row, "season_number"),
                        Jdbc.nullableInt(row, "episode_number")),
                userId,
                after,
                through,
                userId,
                after,
                userId));
  }

  /** The users whose sources first held an item between {@code from} and {@code to}, both in. */
  public java.util.Set<Long> usersWithItemsAdded(Instant from, Instant to) {
    return database.read(
        "read the users whose libraries gained items",
        c ->
            new java.util.HashSet<>(
                Jdbc.query(
                    c,
                    """
                    SELECT DISTINCT s.user_id FROM media_sources s
                    WHERE EXISTS (SELECT 1 FROM item_refs r
                                  WHERE r.source_id = s.id AND r.added_at >= ? AND r.added_at <= ?)
                    """,
                    row -> row.getLong("user_id"),
                    from,
                    to)));
  }

  /** The item with its genres and external ids; empty when it is gone. */
  public Optional<Described> describe(long itemId) {
    return database.read("describe item " + itemId, c -> described(c, itemId));
  }

  private static Optional<Described> described(Connection c, long itemId) throws SQLException {
    Optional<Object[]> head =
        Jdbc.queryOne(
            c,
            """
            SELECT i.type, i.title, i.year, i.rating, p.title AS parent_title
            FROM media_items i LEFT JOIN media_items p ON p.id = i.parent_id
            WHERE i.id = ?
            """,
            row ->
                new Object[] {
                  MediaType.of(row.getString("type")),
                  row.getString("title"),
                  Jdbc.nullableInt(row, "year"),
                  ItemStore.nullableDouble(row, "rating"),
                  row.getString("parent_title")
                },
            itemId);
    if (head.isEmpty()) {
      return Optional.empty();
    }
    Object[] found = head.get();
    List<String> genres =
        Jdbc.query(
            c,
            "SELECT genre FROM item_genres WHERE item_id = ? ORDER BY genre",
            row -> row.getString("genre"),
            itemId);
    return Optional.of(
        new Described(
            itemId,
            (MediaType) found[0],
            (String) found[1],
            (Integer) found[2],
            (Double) found[3],
            (String) found[4],
            genres,
            externalIds(c, itemId)));
  }

  private static Map<ExternalProvider, String> externalIds(Connection c, long itemId)
      throws SQLException {
    Map<ExternalProvider, String> ids = new EnumMap<>(ExternalProvider.class);
    for (String[] row :
        Jdbc.query(
            c,
            "SELECT provider, external_id FROM item_external_ids WHERE item_id = ?",
            r -> new String[] {r.getString("provider"), r.getString("external_id")},
            itemId)) {
      ids.put(ExternalProvider.of(row[0]), row[1]);
    }
    return ids;
  }

  /**
   * The series the user follows: those they favourited or put on their watchlist, and those of
   * which they played something since {@code playedSince}; at most {@code limit}, most recently
   * played first.
   */
  public List<Described> followedSeries(long userId, Instant playedSince, int limit) {
    return database.read(
        "read the series user " + userId + " follows",
        c -> {
          List<Long> ids =
              Jdbc.query(
                  c,
                  """
                  SELECT s.id, MAX(COALESCE(d.last_played_at, 0)) AS last_played
                  FROM user_item_data d
                  JOIN media_items i ON i.id = d.item_id
                  JOIN media_items s
                      ON s.id = CASE WHEN i.type = 'series' THEN i.id ELSE i.series_id END
                  WHERE d.user_id = ? AND s.type = 'series'
                    AND ((i.type = 'series' AND (d.favorite OR d.watchlist))
                         OR d.last_played_at >= ?)
                  GROUP BY s.id
                  ORDER BY last_played DESC, s.id
                  LIMIT ?
                  """,
                  row -> row.getLong("id"),
                  userId,
                  playedSince,
                  limit);
          List<Described> series = new java.util.ArrayList<>();
          for (long id : ids) {
            described(c, id).ifPresent(series::add);
          }
          return series;
        });
  }

  /**
   * Whether the user's library holds, or the user watched, an item of {@code type} known by any of
   * {@code ids}.
   */
  public boolean ownsOrWatched(long userId, MediaType type, Map<ExternalProvider, String> ids) {
    return database.read(
        "check whether user " + userId + " has a release",
        c -> {
          for (Map.Entry<ExternalProvider, String> id : ids.entrySet()) {
            boolean found =
                Jdbc.queryOne(
                        c,
                        "SELECT 1 AS found FROM item_external_ids e"
                            + " JOIN media_items i ON i.id = e.item_id"
                            + " WHERE e.provider = ? AND e.external_id = ? AND i.type = ? AND ("
                            + OWNED
                            + " OR "
                            + WATCHED
                            + ")",
                        row -> true,
                        id.getKey().value(),
                        id.getValue(),
                        type.value(),
                        userId,
                        userId)
                    .isPresent();
            if (found) {
              return true;
            }
          }
          return false;
        });
  }

  /** Whether the user's library holds, or the user watched, the series' episode. */
  public boolean ownsOrWatchedEpisode(long userId, long seriesId, int season, int episode) {
    return database.read(
        "check whether user " + userId + " has an episode",
        c ->
            Jdbc.queryOne(
                    c,
                    "SELECT 1 AS found FROM media_items i"
                        + " WHERE i.series_id = ? AND i.type = 'episode'"
                        + " AND i.season_number = ? AND i.episode_number = ? AND ("
                        + OWNED
                        + " OR "
                        + WATCHED
                        + ")",
                    row -> true,
                    seriesId,
                    season,
                    episode,
                    userId,
                    userId)
                .isPresent());
  }
}
