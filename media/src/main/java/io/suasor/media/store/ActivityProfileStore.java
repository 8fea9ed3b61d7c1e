package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.ActivityProfile;
import java.util.Optional;

/** Each user's latest computed activity profile; a save replaces the whole profile at once. */
public final class ActivityProfileStore {
  private final Database database;

  public ActivityProfileStore(Database database) {
    this.database = database;
  }

  public void save(ActivityProfile profile) {
    database.write(
        "save activity profile of user " + profile.userId(),
        c ->
            Jdbc.update(
                c,
                """
                INSERT INTO activity_profiles (user_id, profile, computed_at, plays_counted)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET
                    profile = excluded.profile,
                    computed_at = excluded.computed_at,
                    plays_counted = excluded.plays_counted
                """,
                profile.userId(),
                profile.profile(),
                profile.computedAt(),
                profile.playsCounted()));
  }

  public Optional<ActivityProfile> get(long userId) {
    return database.read(
        "read activity profile of user " + userId,
        c ->
            Jdbc.queryOne(
                c,
                """
                SELECT user_id, profile, computed_at, plays_counted
                FROM activity_profiles WHERE user_id = ?
                """,
                row ->
                    new ActivityProfile(
                        row.getLong("user_id"),
                        row.getString("profile"),
                        Jdbc.instant(row, "computed_at"),
                        row.getLong("plays_counted")),
                userId));
  }
}
