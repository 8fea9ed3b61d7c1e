package io.suasor.media.store;

import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.ItemMetadata;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads the rows that hang off an item: external ids, genres, tags and credits. */
final class ItemDetails {
  private ItemDetails() {}

  static ItemMetadata attach(Connection c, long itemId, ItemMetadata bare) throws SQLException {
    Map<ExternalProvider, String> externalIds = new EnumMap<>(ExternalProvider.class);
    for (String[] pair :
        Jdbc.query(
            c,
            "SELECT provider, external_id FROM item_external_ids WHERE item_id = ?",
            row -> new String[] {row.getString("provider"), row.getString("external_id")},
            itemId)) {
      externalIds.put(ExternalProvider.of(pair[0]), pair[1]);
    }
    List<String> genres =
        Jdbc.query(
            c,
            "SELECT genre FROM item_genres WHERE item_id = ? ORDER BY genre",
            row -> row.getString("genre"),
            itemId);
    List<String> tags =
        Jdbc.query(
            c,
            "SELECT tag FROM item_tags WHERE item_id = ? ORDER BY tag",
            row -> row.getString("tag"),
            itemId);
    List<Credit> credits =
        Jdbc.query(
            c,
            """
            SELECT p.name, c.role, c.role_name, c.sort_order
            FROM item_credits c JOIN people p ON p.id = c.person_id
            WHERE c.item_id = ? ORDER BY c.role, c.sort_order, p.name
            """,
            row ->
                new Credit(
                    row.getString("name"),
                    CreditRole.of(row.getString("role")),
                    row.getString("role_name"),
                    row.getInt("sort_order")),
            itemId);
    return new ItemMetadata(
        bare.title(),
        bare.originalTitle(),
        bare.sortTitle(),
        bare.year(),
        bare.premiered(),
        bare.overview(),
        bare.studio(),
        bare.rating(),
        bare.durationSeconds(),
        externalIds,
        genres,
        tags,
        credits);
  }
}
