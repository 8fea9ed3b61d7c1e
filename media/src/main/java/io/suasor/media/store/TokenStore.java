package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.ApiToken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens, kept only as hashes: the token itself is shown once, when it is made. */
public final class TokenStore {
  private static final String COLUMNS =
      "id, user_id, name, token_hash, created_at, expires_at, last_used_at";

  private final Database database;

  public TokenStore(Database database) {
    this.database = database;
  }

  public ApiToken create(
      long userId, String name, String tokenHash, Instant now, Instant expiresAt) {
    return database.inTransaction(
        "create token " + name + " of user " + userId,
        c ->
            Jdbc.queryOne(
                    c,
                    """
                    INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?)
                    RETURNING\s"""
                        + COLUMNS,
                    TokenStore::token,
                    userId,
                    name,
                    tokenHash,
                    now,
                    Jdbc.nullableTime(expiresAt))
                .orElseThrow());
  }

  public Optional<ApiToken> byHash(String tokenHash) {
    return database.read(
        "find token",
        c ->
            Jdbc.queryOne(
                c,
                "SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash = ?",
                TokenStore::token,
                tokenHash));
  }

  public List<ApiToken> byUser(long userId) {
    return database.read(
        "list tokens of user " + userId,
        c ->
            Jdbc.query(
                c,
                "SELECT " + COLUMNS + " FROM api_tokens WHERE user_id = ? ORDER BY id",
                TokenStore::token,
                userId));
  }

  public void markUsed(long id, Instant now) {
    database.write(
        "mark token " + id + " used",
        c -> Jdbc.update(c, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", now, id));
  }

  public boolean delete(long id) {
    return database.write(
            "delete token " + id, c -> Jdbc.update(c, "DELETE FROM api_tokens WHERE id = ?", id))
        == 1;
  }

  public long count() {
    return database.read(
        "count tokens",
        c ->
            Jdbc.queryOne(c, "SELECT COUNT(*) AS n FROM api_tokens", row -> row.getLong("n"))
                .orElse(0L));
  }

  /** Deletes, in batches, the tokens that expired before {@code cutoff}. */
  public long pruneExpiredBefore(Instant cutoff, int batchSize) {
    return Pruning.inBatches(
        database,
        "prune tokens expired before " + cutoff,
        """
        DELETE FROM api_tokens WHERE id IN (
            SELECT id FROM api_tokens WHERE expires_at < ? ORDER BY id LIMIT ?)
        """,
        batchSize,
        cutoff);
  }

  private static ApiToken token(ResultSet row) throws SQLException {
    return new ApiToken(
        row.getLong("id"),
        row.getLong("user_id"),
        row.getString("name"),
        row.getString("token_hash"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "expires_at"),
        Jdbc.instant(row, "last_used_at"));
  }
}
