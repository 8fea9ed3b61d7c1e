package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaItem;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Media items. The methods that take a {@link Connection} join the caller's transaction, so that
 * sync, refresh and cleanup can write an item, its details and its references atomically.
 */
public final class ItemStore {
  static final String COLUMNS =
      """
      id, type, title, original_title, sort_title, year, premiered, overview, studio, rating,
      parent_id, series_id, season_number, episode_number, disc_number, track_number,
      duration_seconds, match_key, metadata_refreshed_at, added_at, updated_at
      """;

  private final Database database;

  public ItemStore(Database database) {
    this.database = database;
  }

  public MediaItem insert(NewItem item, Instant now) {
    return database.inTransaction(
        "insert " + item.type().value() + " " + item.metadata().title(),
        c -> {
          long id = insert(c, item, now);
          DetailsBatch details = new DetailsBatch();
          details.add(id, item.metadata());
          details.flush(c);
          return load(c, id).orElseThrow();
        });
  }

  public Optional<MediaItem> byId(long id) {
    return database.read("read item " + id, c -> load(c, id));
  }

  public List<Long> idsByMatchKey(String matchKey) {
    return database.read(
        "find items by match key",
        c ->
            Jdbc.query(
                c,
                "SELECT id FROM media_items WHERE match_key = ? ORDER BY id",
                row -> row.getLong("id"),
                matchKey));
  }

  public List<Long> children(long parentId) {
    return database.read(
        "list children of item " + parentId,
        c ->
            Jdbc.query(
                c,
                "SELECT id FROM media_items WHERE parent_id = ? ORDER BY id",
                row -> row.getLong("id"),
                parentId));
  }

  public long count(MediaType type) {
    return database.read(
        "count " + type.value() + " items",
        c ->
            Jdbc.queryOne(
                    c,
                    "SELECT COUNT(*) AS n FROM media_items WHERE type = ?",
                    row -> row.getLong("n"),
                    type.value())
                .orElse(0L));
  }

  public long count() {
    return database.read(
        "count items",
        c ->
            Jdbc.queryOne(c, "SELECT COUNT(*) AS n FROM media_items", row -> row.getLong("n"))
                .orElse(0L));
  }

  public boolean delete(long id) {
    return database.write(
            "delete item " + id, c -> Jdbc.update(c, "DELETE FROM media_items WHERE id = ?", id))
        == 1;
  }

  static long insert(Connection c, NewItem item, Instant now) throws SQLException {
    ItemMetadata m = item.metadata();
    Numbering n = item.numbering();
    return Jdbc.queryOne(
            c,
            """
            INSERT INTO media_items (type, title, original_title, sort_title, year, premiered,
                overview, studio, rating, parent_id, series_id, season_number, episode_number,
                disc_number, track_number, duration_seconds, match_key, added_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """,
            row -> row.getLong("id"),
            item.type().value(),
            m.title(),
            Jdbc.nullableText(m.originalTitle()),
            Jdbc.nullableText(m.sortTitle()),
            nullableInt(m.year()),
            Jdbc.nullableText(m.premiered() == null ? null : m.premiered().toString()),
            Jdbc.nullableText(m.overview()),
            Jdbc.nullableText(m.studio()),
            new Jdbc.Typed(m.rating(), Types.DOUBLE),
            Jdbc.nullableLong(item.parentId()),
            Jdbc.nullableLong(item.seriesId()),
            nullableInt(n.season()),
            nullableInt(n.episode()),
            nullableInt(n.disc()),
            nullableInt(n.track()),
            nullableInt(m.durationSeconds()),
            item.matchKey(),
            now,
            now)
        .orElseThrow();
  }

  /** Replaces an item's descriptive columns; its details are replaced through a DetailsBatch. */
  static void updateMetadata(Connection c, long id, NewItem item, Instant now) throws SQLException {
    ItemMetadata m = item.metadata();
    Numbering n = item.numbering();
    Jdbc.update(
        c,
        """
        UPDATE media_items SET title = ?, original_title = ?, sort_title = ?, year = ?,
            premiered = ?, overview = ?, studio = ?, rating = ?, parent_id = ?, series_id = ?,
            season_number = ?, episode_number = ?, disc_number = ?, track_number = ?,
            duration_seconds = ?, match_key = ?, updated_at = ?
        WHERE id = ?
        """,
        m.title(),
        Jdbc.nullableText(m.originalTitle()),
        Jdbc.nullableText(m.sortTitle()),
        nullableInt(m.year()),
        Jdbc.nullableText(m.premiered() == null ? null : m.premiered().toString()),
        Jdbc.nullableText(m.overview()),
        Jdbc.nullableText(m.studio()),
        new Jdbc.Typed(m.rating(), Types.DOUBLE),
        Jdbc.nullableLong(item.parentId()),
        Jdbc.nullableLong(item.seriesId()),
        nullableInt(n.season()),
        nullableInt(n.episode()),
        nullableInt(n.disc()),
        nullableInt(n.track()),
        nullableInt(m.durationSeconds()),
        item.matchKey(),
        now,
        id);
  }

  static void markRefreshed(Connection c, long id, Instant now) throws SQLException {
    Jdbc.update(c, "UPDATE media_items SET metadata_refreshed_at = ? WHERE id = ?", now, id);
  }

  static Optional<MediaItem> load(Connection c, long id) throws SQLException {
    Optional<MediaItem> bare =
        Jdbc.queryOne(
            c, "SELECT " + COLUMNS + " FROM media_items WHERE id = ?", ItemStore::bareItem, id);
    if (bare.isEmpty()) {
      return bare;
    }
    MediaItem item = bare.get();
    return Optional.of(
        new MediaItem(
            item.id(),
            item.type(),
            ItemDetails.attach(c, id, item.metadata()),
            item.parentId(),
            item.seriesId(),
            item.numbering(),
            item.matchKey(),
            item.metadataRefreshedAt(),
            item.addedAt(),
            item.updatedAt()));
  }

  static Optional<Long> findByExternalId(
      Connection c, MediaType type, ExternalProvider provider, String externalId)
      throws SQLException {
    return Jdbc.queryOne(
        c,
        """
        SELECT i.id FROM item_external_ids e JOIN media_items i ON i.id = e.item_id
        WHERE e.provider = ? AND e.external_id = ? AND i.type = ?
        ORDER BY i.id LIMIT 1
        """,
        row -> row.getLong("id"),
        provider.value(),
        externalId,
        type.value());
  }

  static Optional<Long> findByMatchKey(Connection c, String matchKey) throws SQLException {
    return Jdbc.queryOne(
        c,
        "SELECT id FROM media_items WHERE match_key = ? ORDER BY id LIMIT 1",
        row -> row.getLong("id"),
        matchKey);
  }

  /** An item with its columns only: no external ids, genres, tags or credits. */
  static MediaItem bareItem(ResultSet row) throws SQLException {
    String premiered = row.getString("premiered");
    ItemMetadata metadata =
        new ItemMetadata(
            row.getString("title"),
            row.getString("original_title"),
            row.getString("sort_title"),
            Jdbc.nullableInt(row, "year"),
            premiered == null ? null : LocalDate.parse(premiered),
            row.getString("overview"),
            row.getString("studio"),
            nullableDouble(row, "rating"),
            Jdbc.nullableInt(row, "duration_seconds"),
            Map.of(),
            List.of(),
            List.of(),
            List.of());
    return new MediaItem(
        row.getLong("id"),
        MediaType.of(row.getString("type")),
        metadata,
        Jdbc.nullableLong(row, "parent_id"),
        Jdbc.nullableLong(row, "series_id"),
        new Numbering(
            Jdbc.nullableInt(row, "season_number"),
            Jdbc.nullableInt(row, "episode_number"),
            Jdbc.nullableInt(row, "disc_number"),
            Jdbc.nullableInt(row, "track_number")),
        row.getString("match_key"),
        Jdbc.instant(row, "metadata_refreshed_at"),
        Jdbc.instant(row, "added_at"),
        Jdbc.instant(row, "updated_at"));
  }

  static Jdbc.Typed nullableInt(Integer value) {
    return new Jdbc.Typed(value, Types.INTEGER);
  }

  static Double nullableDouble(ResultSet row, String column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? null : value;
  }
}
