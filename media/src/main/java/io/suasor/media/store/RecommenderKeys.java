package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import java.util.Optional;

/**
 * The keys of the AI recommenders users chose, sealed by a {@link SecretBox} like source secrets,
 * in the preferences row; only {@link #key} opens one, for the code that calls the provider.
 */
public final class RecommenderKeys {
  private final Database database;
  private final SecretBox box;

  public RecommenderKeys(Database database, SecretBox box) {
    this.database = database;
    this.box = box;
  }

  /**
   * Replaces a user's key ({@code null} removes it). The user's preferences must be saved first:
   * the key lives in their row.
   */
  public void set(long userId, String key) {
    database.write(
        "set the recommender key of user " + userId,
        c ->
            Jdbc.update(
                c,
                "UPDATE user_job_preferences SET recommender_secret = ? WHERE user_id = ?",
                Jdbc.nullableText(key == null ? null : box.seal(key, owner(userId))),
                userId));
  }

  public Optional<String> key(long userId) {
    return stored(userId).map(stored -> box.open(stored, owner(userId)));
  }

  /** Whether the user has a key, without opening it. */
  public boolean has(long userId) {
    return stored(userId).isPresent();
  }

  private Optional<String> stored(long userId) {
    return database.read(
        "read the recommender key of user " + userId,
        c ->
            Jdbc.queryOne(
                    c,
                    "SELECT recommender_secret FROM user_job_preferences WHERE user_id = ?",
                    row -> Optional.ofNullable(row.getString("recommender_secret")),
                    userId)
                .flatMap(key -> key));
  }

  private static String owner(long userId) {
    return "recommender of user " + userId;
  }
}
