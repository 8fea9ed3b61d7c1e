package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import java.time.Instant;
import java.util.Optional;

/**
 * Where each catalog of each source stands: from when its next incremental listing asks for changes
 * (in the server's clock), and when its last complete listing began.
 */
public final class SyncStateStore {
  private final Database database;

  public SyncStateStore(Database database) {
    this.database = database;
  }

  /** {@code changedSince} and {@code completeAt} may each be null (never listed that way). */
  public record CatalogState(Instant changedSince, Instant completeAt) {}

  public Optional<CatalogState> get(long sourceId, String catalog) {
    return database.read(
        "read sync state of source " + sourceId,
        c ->
            Jdbc.queryOne(
                c,
                """
                SELECT changed_since, complete_at FROM source_sync_state
                WHERE source_id = ? AND catalog = ?
                """,
                row ->
                    new CatalogState(
                        Jdbc.instant(row, "changed_since"), Jdbc.instant(row, "complete_at")),
                sourceId,
                catalog));
  }

  /**
   * Records a finished listing: the next incremental one starts at {@code changedSince}; a complete
   * listing also records when it began.
   */
  public void listed(long sourceId, String catalog, Instant changedSince, Instant completeAt) {
    database.write(
        "save sync state of source " + sourceId,
        c ->
            Jdbc.update(
                c,
                """
                INSERT INTO source_sync_state (source_id, catalog, changed_since, complete_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (source_id, catalog) DO UPDATE SET
                    changed_since = excluded.changed_since,
                    complete_at = COALESCE(excluded.complete_at, source_sync_state.complete_at)
                """,
                sourceId,
                catalog,
                Jdbc.nullableTime(changedSince),
                Jdbc.nullableTime(completeAt)));
  }
}
