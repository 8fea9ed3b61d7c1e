package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.Collection;
import io.suasor.media.model.CollectionKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users' collections, manual and smart, and the items in them. */
public final class CollectionStore {
  private static final String COLUMNS =
      "id, user_id, name, description, kind, rules, created_at, updated_at";

  private final Database database;

  public CollectionStore(Database database) {
    this.database = database;
  }

  public Collection create(
      long userId,
      String name,
      String description,
      CollectionKind kind,
      String rules,
      Instant now) {
    return database.inTransaction(
        "create collection " + name + " of user " + userId,
        c ->
            Jdbc.queryOne(
                    c,
                    """
                    INSERT INTO collections (user_id, name, description, kind, rules, created_at,
                        updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    RETURNING\s"""
                        + COLUMNS,
                    CollectionStore::collection,
                    userId,
                    name,
                    Jdbc.nullableText(description),
                    kind.value(),
                    rules,
                    now,
                    now)
                .orElseThrow());
  }

  public Optional<Collection> byId(long id) {
    return database.read(
        "read collection " + id,
        c ->
            Jdbc.queryOne(
                c,
                "SELECT " + COLUMNS + " FROM collections WHERE id = ?",
                CollectionStore::collection,
                id));
  }

  public List<Collection> byUser(long userId) {
    return database.read(
        "list collections of user " + userId,
        c ->
            Jdbc.query(
                c,
                "SELECT " + COLUMNS + " FROM collections WHERE user_id = ? ORDER BY name",
                CollectionStore::collection,
                userId));
  }

  /**
   * Changes a collection's name, description and rules (kept as they are for a manual one); empty
   * when there is no such collection of that user.
   */
  public Optional<Collection> update(
      long id, long userId, String name, String description, String rules, Instant now) {
    return database.inTransaction(
        "update collection " + id,
        c ->
            Jdbc.queryOne(
                c,
                """
                UPDATE collections SET name = ?, description = ?, rules = ?, updated_at = ?
                WHERE id = ? AND user_id = ?
                RETURNING\s"""
                    + COLUMNS,
                CollectionStore::collection,
                name,
                Jdbc.nullableText(description),
                rules,
                now,
                id,
                userId));
  }

  /** The user's smart collections, oldest first. */
  public List<Collection> smart(long userId) {
    return database.read(
        "list smart collections of user " + userId,
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM collections WHERE user_id = ? AND kind = 'smart' ORDER BY id",
                CollectionStore::collection,
                userId));
  }

  public List<Collection> smart() {
    return database.read(
        "list smart collections",
        c ->
            Jdbc.query(
                c,
                "SELECT " + COLUMNS + " FROM collections WHERE kind = 'smart' ORDER BY id",
                CollectionStore::collection));
  }

  /** Adds an item at the end; returns false when it was already in the collection. */
  public boolean addItem(long collectionId, long itemId, Instant now) {
    return database.inTransaction(
            "add item " + itemId + " to collection " + collectionId,
            c ->
                Jdbc.update(
                    c,
                    """
                    INSERT INTO collection_items (collection_id, item_id, position, added_at)
                    SELECT ?, ?, COALESCE(MAX(position), 0) + 1, ?
                    FROM collection_items WHERE collection_id = ?
                    ON CONFLICT (collection_id, item_id) DO NOTHING
                    """,
                    collectionId,
                    itemId,
                    now,
                    collectionId))
        == 1;
  }

  public boolean removeItem(long collectionId, long itemId) {
    return database.write(
            "remove item " + itemId + " from collection " + collectionId,
            c ->
                Jdbc.update(
                    c,
                    "DELETE FROM collection_items WHERE collection_id = ? AND item_id = ?",
                    collectionId,
                    itemId))
        == 1;
  }

  /** The collection's items in their order. */
  public List<Long> items(long collectionId) {
    return database.read(
        "list items of collection " + collectionId,
        c ->
            Jdbc.query(
                c,
                "SELECT item_id FROM collection_items WHERE collection_id = ? ORDER BY position",
                row -> row.getLong("item_id"),
                collectionId));
  }

  public boolean delete(long id) {
    return database.write(
            "delete collection " + id,
            c -> Jdbc.update(c, "DELETE FROM collections WHERE id = ?", id))
        == 1;
  }

  private static Collection collection(ResultSet row) throws SQLException {
    return new Collection(
        row.getLong("id"),
        row.getLong("user_id"),
        row.getString("name"),
        row.getString("description"),
        CollectionKind.of(row.getString("kind")),
        row.getString("rules"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "updated_at"));
  }
}
