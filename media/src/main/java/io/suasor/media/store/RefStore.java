package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.ItemRef;
import io.suasor.media.model.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where each source holds each item (the per-source reference table). */
public final class RefStore {
  private static final String COLUMNS =
      "source_id, source_item_id, item_id, fingerprint, last_synced_at, source_played,"
          + " source_favorite";

  private final Database database;

  public RefStore(Database database) {
    this.database = database;
  }

  /** Every reference of a source, by its id in the source. */
  public Map<String, ItemRef> bySource(long sourceId) {
    return database.read(
        "read references of source " + sourceId,
        c -> {
          Map<String, ItemRef> refs = new HashMap<>();
          for (ItemRef ref :
              Jdbc.query(
                  c,
                  "SELECT " + COLUMNS + " FROM item_refs WHERE source_id = ?",
                  RefStore::ref,
                  sourceId)) {
            refs.put(ref.sourceItemId(), ref);
          }
          return refs;
        });
  }

  /**
   * What a sync needs of each reference of a source: its item, fingerprint and item type, when it
   * was last written, what the source last said of its owner's played and favourite state, and
   * since when it has held that favourite state (null where not known: {@code syncedAt} then).
   */
  public record RefState(
      long itemId,
      String fingerprint,
      MediaType type,
      Instant syncedAt,
      Boolean sourcePlayed,
      Boolean sourceFavorite,
      Instant sourceFavoriteAt) {}

  public Map<String, RefState> states(long sourceId) {
    return states(sourceId, EnumSet.allOf(MediaType.class));
  }

  /**
   * The states of a source's references to items of some types: what one catalog's sync compares
   * its listing with. Reading only its own types keeps a sync of three catalogs from reading every
   * reference three times.
   */
  public Map<String, RefState> states(long sourceId, Set<MediaType> types) {
    if (types.isEmpty()) {
      return new HashMap<>();
    }
    String placeholders = String.join(", ", Collections.nCopies(types.size(), "?"));
    Object[] parameters = new Object[types.size() + 1];
    parameters[0] = sourceId;
    int at = 1;
    for (MediaType type : types) {
      parameters[at++] = type.value();
    }
    return database.read(
        "read reference states of source " + sourceId,
        c -> {
          Map<String, RefState> states = new HashMap<>();
          Jdbc.query(
              c,
              STATES + "WHERE r.source_id = ? AND i.type IN (%s)".formatted(placeholders),
              row -> states.put(row.getString("source_item_id"), state(row)),
              parameters);
          return states;
        });
  }

  /**
   * The states of some of a source's references, for an incremental sync that needs only those of
   * the items it was handed; ids the source has no reference for are missing from the answer.
   */
  public Map<String, RefState> states(long sourceId, Collection<String> sourceItemIds) {
    Map<String, RefState> found = new HashMap<>();
    inChunks(
        sourceId,
        sourceItemIds,
        (placeholders, parameters) ->
            database.read(
                "look up references of source " + sourceId,
                c ->
                    Jdbc.query(
                        c,
                        STATES
                            + "WHERE r.source_id = ? AND r.source_item_id IN (%s)"
                                .formatted(placeholders),
                        row -> found.put(row.getString("source_item_id"), state(row)),
                        parameters)));
    return found;
  }

  private static final String STATES =
      """
      SELECT r.source_item_id, r.item_id, r.fingerprint, r.last_synced_at, r.source_played,
          r.source_favorite, r.source_favorite_at, i.type
      FROM item_refs r JOIN media_items i ON i.id = r.item_id
      """;

  private static RefState state(ResultSet row) throws SQLException {
    return new RefState(
        row.getLong("item_id"),
        row.getString("fingerprint"),
        MediaType.of(row.getString("type")),
        Jdbc.instant(row, "last_synced_at"),
        nullableBoolean(row, "source_played"),
        nullableBoolean(row, "source_favorite"),
        Jdbc.instant(row, "source_favorite_at"));
  }

  static Boolean nullableBoolean(ResultSet row, String column) throws SQLException {
    boolean value = row.getBoolean(column);
    return row.wasNull() ? null : value;
  }

  /**
   * Runs a lookup per chunk of distinct ids: its placeholders and its parameters (source first).
   */
  private static void inChunks(
      long sourceId,
      Collection<String> sourceItemIds,
      java.util.function.BiConsumer<String, Object[]> lookup) {
    List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(sourceItemIds));
    for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
      Object[] parameters = new Object[chunk.size() + 1];
      parameters[0] = sourceId;
      for (int i = 0; i < chunk.size(); i++) {
        parameters[i + 1] = chunk.get(i);
      }
      lookup.accept(String.join(", ", Collections.nCopies(chunk.size(), "?")), parameters);
    }
  }

  /**
   * The items behind some of a source's ids, for a step that needs only those (a playlist); ids the
   * source has no reference for are missing from the answer.
   */
  public Map<String, Long> itemIds(long sourceId, Collection<String> sourceItemIds) {
    Map<String, Long> found = new HashMap<>();
    inChunks(
        sourceId,
        sourceItemIds,
        (placeholders, parameters) ->
            database.read(
                "look up items of source " + sourceId,
                c ->
                    Jdbc.query(
                        c,
                        """
                        SELECT source_item_id, item_id FROM item_refs
                        WHERE source_id = ? AND source_item_id IN (%s)
                        """
                            .formatted(placeholders),
                        row -> found.put(row.getString("source_item_id"), row.getLong("item_id")),
                        parameters)));
    return found;
  }

  /** Ids looked up per statement, well below SQLite's and PostgreSQL's parameter limits. */
  private static final int LOOKUP_CHUNK = 500;

  public List<ItemRef> byItem(long itemId) {
    return database.read("read references of item " + itemId, c -> byItem(c, itemId));
  }

  public long count() {
    return database.read(
        "count references",
        c ->
            Jdbc.queryOne(c, "SELECT COUNT(*) AS n FROM item_refs", row -> row.getLong("n"))
                .orElse(0L));
  }

  static List<ItemRef> byItem(Connection c, long itemId) throws SQLException {
    return Jdbc.query(
        c,
        "SELECT "
            + COLUMNS
            + " FROM item_refs WHERE item_id = ? ORDER BY source_id, source_item_id",
        RefStore::ref,
        itemId);
  }

  /**
   * A prepared upsert of references, to be filled with {@link #add} and run as one batch. A
   * favourite state the source held already keeps the time it began.
   */
  static PreparedStatement prepareUpsert(Connection c) throws SQLException {
    return c.prepareStatement(
        """
        INSERT INTO item_refs (source_id, source_item_id, item_id, fingerprint, last_synced_at,
            source_played, source_favorite, source_favorite_at, added_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (source_id, source_item_id) DO UPDATE SET
            item_id = excluded.item_id,
            fingerprint = excluded.fingerprint,
            last_synced_at = excluded.last_synced_at,
            source_played = excluded.source_played,
            source_favorite = excluded.source_favorite,
            source_favorite_at = CASE WHEN item_refs.source_favorite = excluded.source_favorite
                THEN item_refs.source_favorite_at ELSE excluded.source_favorite_at END
        """);
  }

  static void add(PreparedStatement upsert, ItemRef ref) throws SQLException {
    Jdbc.bind(
        upsert,
        ref.sourceId(),
        ref.sourceItemId(),
        ref.itemId(),
        ref.fingerprint(),
        ref.lastSyncedAt(),
        new Jdbc.Typed(ref.sourcePlayed(), java.sql.Types.BOOLEAN),
        new Jdbc.Typed(ref.sourceFavorite(), java.sql.Types.BOOLEAN),
        Jdbc.nullableTime(ref.sourceFavorite() == null ? null : ref.lastSyncedAt()),
        // When the source first held the item: kept by the upsert, which leaves added_at alone.
        ref.lastSyncedAt());
    upsert.addBatch();
  }

  static ItemRef ref(ResultSet row) throws SQLException {
    return new ItemRef(
        row.getLong("source_id"),
        row.getString("source_item_id"),
        row.getLong("item_id"),
        row.getString("fingerprint"),
        Jdbc.instant(row, "last_synced_at"),
        nullableBoolean(row, "source_played"),
        nullableBoolean(row, "source_favorite"));
  }
}
