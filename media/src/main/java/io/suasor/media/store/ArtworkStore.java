package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.Artwork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The poster and backdrop addresses of items, as a metadata provider found them. */
public final class ArtworkStore {
  private final Database database;

  public ArtworkStore(Database database) {
    this.database = database;
  }

  public Optional<Artwork> byItem(long itemId) {
    return database.read("load artwork of item " + itemId, c -> load(c, itemId));
  }

  /**
   * The artwork of the items that have an item row; items without any map to {@link Artwork#NONE}.
   */
  public Map<Long, Artwork> byItems(Collection<Long> itemIds) {
    return database.read(
        "load artwork of " + itemIds.size() + " items",
        c -> {
          Map<Long, Artwork> artwork = new LinkedHashMap<>();
          for (long id : itemIds) {
            load(c, id).ifPresent(a -> artwork.put(id, a));
          }
          return artwork;
        });
  }

  static Optional<Artwork> load(Connection c, long itemId) throws SQLException {
    return Jdbc.queryOne(
        c,
        "SELECT poster_url, backdrop_url FROM media_items WHERE id = ?",
        row -> new Artwork(row.getString("poster_url"), row.getString("backdrop_url")),
        itemId);
  }

  static void save(Connection c, long itemId, Artwork artwork) throws SQLException {
    Jdbc.update(
        c,
        "UPDATE media_items SET poster_url = ?, backdrop_url = ? WHERE id = ?",
        Jdbc.nullableText(artwork.posterUrl()),
        Jdbc.nullableText(artwork.backdropUrl()),
        itemId);
  }
}
