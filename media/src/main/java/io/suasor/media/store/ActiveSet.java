package io.suasor.media.store;

import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.Recommendation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One user's active recommendations being replaced by a new set, inside the caller's transaction
 * (see {@link RecommendationStore#replaceActive}).
 */
final class ActiveSet {
  private record Row(long id, String key, Instant createdAt, boolean viewed, boolean active) {}

  private final Connection c;
  private final long userId;
  private final Instant dayStart;

  ActiveSet(Connection c, long userId, Instant dayStart) {
    this.c = c;
    this.userId = userId;
    this.dayStart = dayStart;
  }

  void replaceWith(List<Recommendation> fresh) throws SQLException {
    List<Row> rows = current();
    Map<String, Row> byKey = new HashMap<>();
    for (Row row : rows) {
      // An active row is the one to refresh; today's inactive (viewed) one only if none is.
      byKey.merge(row.key(), row, (a, b) -> a.active() ? a : b);
    }
    Set<Long> refreshed = new HashSet<>();
    for (Recommendation recommendation : fresh) {
      if (recommendation.userId() != userId) {
        throw new IllegalArgumentException(
            "a recommendation of user " + recommendation.userId() + " in the set of " + userId);
      }
      Row kept = byKey.remove(key(recommendation));
      if (kept == null) {
        RecommendationStore.insert(c, recommendation);
      } else {
        RecommendationStore.refresh(c, kept.id(), recommendation);
        refreshed.add(kept.id());
      }
    }
    for (Row left : rows) {
      if (refreshed.contains(left.id())) {
        continue;
      }
      if (!left.createdAt().isBefore(dayStart) && !left.viewed()) {
        Jdbc.update(c, "DELETE FROM recommendations WHERE id = ?", left.id());
      } else if (left.active()) {
        Jdbc.update(c, "UPDATE recommendations SET active = ? WHERE id = ?", false, left.id());
      }
    }
  }

  /** The active rows, and the undismissed rows made today (viewed ones among them are kept). */
  private List<Row> current() throws SQLException {
    return Jdbc.query(
        c,
        """
            SELECT id, media_item_id, media_type, title, year, created_at, is_viewed, active
            FROM recommendations
            WHERE user_id = ? AND NOT dismissed AND (active OR created_at >= ?)
            """,
        row ->
            new Row(
                row.getLong("id"),
                key(
                    Jdbc.nullableLong(row, "media_item_id"),
                    row.getString("media_type"),
                    row.getString("title"),
                    Jdbc.nullableInt(row, "year")),
                Jdbc.instant(row, "created_at"),
                row.getBoolean("is_viewed"),
                row.getBoolean("active")),
        userId,
        dayStart);
  }

  private static String key(Recommendation r) {
    return key(r.mediaItemId(), r.mediaType().value(), r.title(), r.year());
  }

  /** A library item by its id; a title outside the library by its type, name and year. */
  private static String key(Long itemId, String type, String title, Integer year) {
    if (itemId != null) {
      return "item:" + itemId;
    }
    return "title:" + type + ":" + title.toLowerCase(Locale.ROOT).strip() + ":" + year;
  }
}
