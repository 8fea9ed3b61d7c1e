package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.ApiToken;
import io.suasor.media.model.IssuedToken;
import io.suasor.media.model.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API tokens: the one store of the {@code api_tokens} table. A token is 32 random bytes; only its
 * SHA-256 is stored, so the secret is shown once, when it is issued, and never again. A token
 * authenticates only while it is unrevoked, unexpired and its user active.
 */
public final class TokenStore {
  static final String PREFIX = "suasor_";
  private static final String COLUMNS = "id, user_id, name, created_at, expires_at, revoked_at";

  private final Database database;
  private final SecureRandom random = new SecureRandom();

  public TokenStore(Database database) {
    this.database = database;
  }

  /** Issues a token that does not expire. */
  public IssuedToken issue(long userId, String name, Instant now) {
    return issue(userId, name, now, null);
  }

  /** Issues a token that stops working at {@code expiresAt}. */
  public IssuedToken issue(long userId, String name, Instant now, Instant expiresAt) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ApiToken token =
        database.inTransaction(
            "issue token " + name + " for user " + userId,
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
                        hash(secret),
                        now,
                        Jdbc.nullableTime(expiresAt))
                    .orElseThrow());
    return new IssuedToken(token, secret);
  }

  /** The active user a presented token belongs to, if it is known, unrevoked and unexpired. */
  public Optional<User> authenticate(String secret, Instant now) {
    return database.read(
        "authenticate a token",
        c ->
            Jdbc.queryOne(
                c,
                """
                SELECT u.id, u.username, u.email, u.role, u.active, u.created_at, u.updated_at
                FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.active
                  AND (t.expires_at IS NULL OR t.expires_at > ?)
                """,
                UserStore::user,
                hash(secret),
                now));
  }

  public List<ApiToken> all() {
    return database.read(
        "list tokens",
        c ->
            Jdbc.query(c, "SELECT " + COLUMNS + " FROM api_tokens ORDER BY id", TokenStore::token));
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

  public Optional<ApiToken> byId(long id) {
    return database.read(
        "read token " + id,
        c ->
            Jdbc.queryOne(
                c, "SELECT " + COLUMNS + " FROM api_tokens WHERE id = ?", TokenStore::token, id));
  }

  /** Revokes a token (once: a second revoke keeps the first time); empty when there is none. */
  public Optional<ApiToken> revoke(long id, Instant now) {
    database.write(
        "revoke token " + id,
        c ->
            Jdbc.update(
                c,
                "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                now,
                id));
    return byId(id);
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

  static String hash(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static ApiToken token(ResultSet row) throws SQLException {
    return new ApiToken(
        row.getLong("id"),
        row.getLong("user_id"),
        row.getString("name"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "expires_at"),
        Jdbc.instant(row, "revoked_at"));
  }
}
