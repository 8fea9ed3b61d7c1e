package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.SourceType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Media sources. Secrets live in a column of their own, encrypted by a {@link SecretBox}, that no
 * listing reads; only {@link #secrets} returns them, for the code that connects to the source.
 */
public final class SourceStore {
  private static final String COLUMNS =
      "id, user_id, type, name, config, enabled, sync_interval_seconds, last_synced_at,"
          + " created_at, updated_at";

  private final Database database;
  private final SecretBox box;

  public SourceStore(Database database, SecretBox box) {
    this.database = database;
    this.box = box;
  }

  public MediaSource create(NewSource source, Instant now) {
    return database.inTransaction(
        "create source " + source.name() + " of user " + source.userId(),
        c -> {
          MediaSource created =
              Jdbc.queryOne(
                      c,
                      """
                      INSERT INTO media_sources (user_id, type, name, config, enabled,
                          sync_interval_seconds, created_at, updated_at)
                      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                      RETURNING\s"""
                          + COLUMNS,
                      SourceStore::source,
                      source.userId(),
                      source.type().value(),
                      source.name(),
                      source.config(),
                      true,
                      source.syncInterval().toSeconds(),
                      now,
                      now)
                  .orElseThrow();
          if (source.secrets() != null) {
            Jdbc.update(
                c,
                "UPDATE media_sources SET secrets = ? WHERE id = ?",
                box.seal(source.secrets(), owner(created.id())),
                created.id());
          }
          return created;
        });
  }

  public Optional<MediaSource> byId(long id) {
    return database.read(
        "read source " + id,
        c ->
            Jdbc.queryOne(
                c,
                "SELECT " + COLUMNS + " FROM media_sources WHERE id = ?",
                SourceStore::source,
                id));
  }

  public List<MediaSource> byUser(long userId) {
    return database.read(
        "list sources of user " + userId,
        c ->
            Jdbc.query(
                c,
                "SELECT " + COLUMNS + " FROM media_sources WHERE user_id = ? ORDER BY id",
                SourceStore::source,
                userId));
  }

  public List<MediaSource> all() {
    return database.read(
        "list sources",
        c ->
            Jdbc.query(
                c, "SELECT " + COLUMNS + " FROM media_sources ORDER BY id", SourceStore::source));
  }

  /** Enabled sources whose last sync is at least their interval ago at {@code now}. */
  public List<MediaSource> due(Instant now) {
    return all().stream().filter(source -> source.isDue(now)).toList();
  }

  /** The source's secrets JSON, decrypted; empty when it has none. */
  public Optional<String> secrets(long id) {
    return storedSecrets(id).map(stored -> box.open(stored, owner(id)));
  }

  /** Whether the source has secrets, without decrypting them. */
  public boolean hasSecrets(long id) {
    return storedSecrets(id).isPresent();
  }

  private Optional<String> storedSecrets(long id) {
    return database.read(
        "read secrets of source " + id,
        c ->
            Jdbc.queryOne(
                    c,
                    "SELECT secrets FROM media_sources WHERE id = ?",
                    row -> Optional.ofNullable(row.getString("secrets")),
                    id)
                .flatMap(secrets -> secrets));
  }

  /**
   * Encrypts secrets stored in plain text (by a version before encryption); returns how many. Run
   * at start-up: afterwards no source's secrets are readable without the key.
   */
  public int sealPlainSecrets() {
    return database.inTransaction(
        "encrypt stored source secrets",
        c -> {
          List<Object[]> plain =
              Jdbc.query(
                  c,
                  "SELECT id, secrets FROM media_sources WHERE secrets IS NOT NULL",
                  row -> new Object[] {row.getLong("id"), row.getString("secrets")});
          int sealed = 0;
          for (Object[] row : plain) {
            long id = (Long) row[0];
            String secrets = (String) row[1];
            if (!SecretBox.isSealed(secrets)) {
              Jdbc.update(
                  c,
                  "UPDATE media_sources SET secrets = ? WHERE id = ?",
                  box.seal(secrets, owner(id)),
                  id);
              sealed++;
            }
          }
          return sealed;
        });
  }

  /** What a source's sealed secrets are bound to. */
  private static String owner(long id) {
    return "source " + id;
  }

  /** Replaces a source's settings; secrets are replaced only when {@code secrets} is not null. */
  public boolean update(
      long id,
      String name,
      String config,
      String secrets,
      boolean enabled,
      Duration syncInterval,
      Instant now) {
    return database.write(
            "update source " + id,
            c ->
                Jdbc.update(
                    c,
                    """
                    UPDATE media_sources SET name = ?, config = ?,
                        secrets = COALESCE(?, secrets), enabled = ?, sync_interval_seconds = ?,
                        updated_at = ?
                    WHERE id = ?
                    """,
                    name,
                    config,
                    Jdbc.nullableText(secrets == null ? null : box.seal(secrets, owner(id))),
                    enabled,
                    syncInterval.toSeconds(),
                    now,
                    id))
        == 1;
  }

  public void markSynced(long id, Instant at) {
    database.write(
        "mark source " + id + " synced",
        c -> Jdbc.update(c, "UPDATE media_sources SET last_synced_at = ? WHERE id = ?", at, id));
  }

  /** Deletes a source with its item references; the items themselves are left to cleanup. */
  public boolean delete(long id) {
    return database.write(
            "delete source " + id,
            c -> Jdbc.update(c, "DELETE FROM media_sources WHERE id = ?", id))
        == 1;
  }

  private static MediaSource source(ResultSet row) throws SQLException {
    return new MediaSource(
        row.getLong("id"),
        row.getLong("user_id"),
        SourceType.of(row.getString("type")),
        row.getString("name"),
        row.getString("config"),
        row.getBoolean("enabled"),
        Duration.ofSeconds(row.getLong("sync_interval_seconds")),
        Jdbc.instant(row, "last_synced_at"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "updated_at"));
  }
}
