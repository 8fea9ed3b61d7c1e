package io.suasor.server.auth;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API tokens, in the media domain's {@code api_tokens} table. A token is 32 random bytes; only its
 * SHA-256 is stored, so the secret is shown once, when it is issued, and never again.
 */
public final class TokenStore {
  static final String PREFIX = "suasor_";
  private static final String COLUMNS = "id, user_id, name, created_at, revoked_at";

  private final Database database;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public TokenStore(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public IssuedToken issue(long userId, String name) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = Instant.ofEpochMilli(clock.millis());
    long id =
        database.write(
            "issue a token for user " + userId,
            connection ->
                Jdbc.queryOne(
                        connection,
                        "INSERT INTO api_tokens (user_id, name, token_hash, created_at)"
                            + " VALUES (?, ?, ?, ?) RETURNING id",
                        r -> r.getLong("id"),
                        userId,
                        name,
                        hash(secret),
                        now)
                    .orElseThrow());
    return new IssuedToken(new ApiToken(id, userId, name, now, null), secret);
  }

  /**
   * The active user a presented token belongs to, if it is known, unrevoked, unexpired and its user
   * active.
   */
  public Optional<User> authenticate(String secret) {
    String hash = hash(secret);
    Instant now = clock.instant();
    return database.read(
        "authenticate a token",
        connection ->
            Jdbc.queryOne(
                connection,
                """
                SELECT u.id, u.username AS name, u.role, u.active, u.created_at
                FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.active
                  AND (t.expires_at IS NULL OR t.expires_at > ?)
                """,
                UserStore::row,
                hash,
                now));
  }

  public List<ApiToken> all() {
    return database.read(
        "list tokens",
        connection ->
            Jdbc.query(
                connection, "SELECT " + COLUMNS + " FROM api_tokens ORDER BY id", TokenStore::row));
  }

  public Optional<ApiToken> byId(long id) {
    return database.read(
        "read token " + id,
        connection ->
            Jdbc.queryOne(
                connection,
                "SELECT " + COLUMNS + " FROM api_tokens WHERE id = ?",
                TokenStore::row,
                id));
  }

  /** Revokes a token; returns it, or empty when there is no such token. */
  public Optional<ApiToken> revoke(long id) {
    Instant now = clock.instant();
    database.write(
        "revoke token " + id,
        connection ->
            Jdbc.update(
                connection,
                "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                now,
                id));
    return byId(id);
  }

  static String hash(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static ApiToken row(ResultSet row) throws SQLException {
    return new ApiToken(
        row.getLong("id"),
        row.getLong("user_id"),
        row.getString("name"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "revoked_at"));
  }
}
