package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Recommendation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Recommendations made for users, with the specification's fields. */
public final class RecommendationStore {
  static final String COLUMNS =
      """
      id, user_id, media_item_id, media_type, title, year, genres, similar_items, matches_actors,
      matches_directors, matches_genres, reasoning, recommended_by, ai_model, job_run_id, source,
      external_ids, score, confidence, expires_at, is_viewed, user_rating, in_library, dismissed,
      active, created_at
      """;

  /**
   * What a user was shown before: enough to leave out what they dismissed, and what they were
   * recommended and ignored.
   */
  public record Shown(
      Long mediaItemId, Instant createdAt, boolean viewed, boolean dismissed, boolean active) {}

  private final Database database;

  public RecommendationStore(Database database) {
    this.database = database;
  }

  /** Stores a recommendation (its id is ignored) and returns it with the id it got. */
  public Recommendation create(Recommendation r) {
    return database.inTransaction(
        "store recommendation for user " + r.userId(), c -> byId(c, insert(c, r)).orElseThrow());
  }

  /**
   * Makes {@code fresh} the user's active recommendations, in one transaction: a title they were
   * already recommended (and did not dismiss) keeps its row, its creation time and whether they
   * viewed it, and takes the new reason, score and expiry; the other rows made since {@code
   * dayStart} that the user neither viewed nor dismissed are deleted, so a second run the same day
   * replaces that day's set instead of adding copies; older rows, and today's viewed ones, stay as
   * history, no longer active.
   *
   * @return the user's active recommendations after the change, best first
   */
  public List<Recommendation> replaceActive(
      long userId, Instant dayStart, List<Recommendation> fresh) {
    return database.inTransaction(
        "replace the recommendations of user " + userId,
        c -> {
          new ActiveSet(c, userId, dayStart).replaceWith(fresh);
          return Jdbc.query(
              c,
              "SELECT "
                  + COLUMNS
                  + " FROM recommendations WHERE user_id = ? AND active ORDER BY score DESC, id",
              RecommendationStore::recommendation,
              userId);
        });
  }

  /**
   * The user's recommendations, best first; only active, undismissed, unexpired ones if asked, the
   * newest set first otherwise.
   */
  public List<Recommendation> byUser(long userId, boolean activeOnly, Instant now, int limit) {
    return database.read(
        "list recommendations of user " + userId,
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + COLUMNS
                    + """
                     FROM recommendations
                    WHERE user_id = ?
                      AND (? = FALSE OR (active AND NOT dismissed
                           AND (expires_at IS NULL OR expires_at > ?)))
                    ORDER BY active DESC, CASE WHEN active THEN score END DESC,
                             created_at DESC, id
                    LIMIT ?
                    """,
                RecommendationStore::recommendation,
                userId,
                activeOnly,
                now,
                limit));
  }

  /** One of the user's recommendations; empty when there is none of theirs with that id. */
  public Optional<Recommendation> byId(long id, long userId) {
    return database.read(
        "read recommendation " + id,
        c -> byId(c, id).filter(recommendation -> recommendation.userId() == userId));
  }

  /** What the user was recommended since {@code since}, for leaving titles out of the next set. */
  public List<Shown> shownSince(long userId, Instant since) {
    return database.read(
        "read the recommendation history of user " + userId,
        c ->
            Jdbc.query(
                c,
                """
                SELECT media_item_id, created_at, is_viewed, dismissed, active
                FROM recommendations
                WHERE user_id = ? AND (created_at >= ? OR dismissed OR active)
                """,
                row ->
                    new Shown(
                        Jdbc.nullableLong(row, "media_item_id"),
                        Jdbc.instant(row, "created_at"),
                        row.getBoolean("is_viewed"),
                        row.getBoolean("dismissed"),
                        row.getBoolean("active")),
                userId,
                since));
  }

  public boolean dismiss(long id, long userId) {
    return database.write(
            "dismiss recommendation " + id,
            c ->
                Jdbc.update(
                    c,
                    "UPDATE recommendations SET dismissed = ?, active = ? WHERE id = ? AND user_id = ?",
                    true,
                    false,
                    id,
                    userId))
        == 1;
  }

  public boolean markViewed(long id, long userId, boolean viewed) {
    return database.write(
            "mark recommendation " + id + " viewed",
            c ->
                Jdbc.update(
                    c,
                    "UPDATE recommendations SET is_viewed = ? WHERE id = ? AND user_id = ?",
                    viewed,
                    id,
                    userId))
        == 1;
  }

  public long count() {
    return database.read(
        "count recommendations",
        c ->
            Jdbc.queryOne(c, "SELECT COUNT(*) AS n FROM recommendations", row -> row.getLong("n"))
                .orElse(0L));
  }

  /** Deletes, in batches, the recommendations that expired before {@code cutoff}. */
  public long pruneExpiredBefore(Instant cutoff, int batchSize) {
    return Pruning.inBatches(
        database,
        "prune recommendations expired before " + cutoff,
        """
        DELETE FROM recommendations WHERE id IN (
            SELECT id FROM recommendations WHERE expires_at < ? ORDER BY id LIMIT ?)
        """,
        batchSize,
        cutoff);
  }

  static long insert(Connection c, Recommendation r) throws SQLException {
    return Jdbc.queryOne(
            c,
            """
            INSERT INTO recommendations (user_id, media_item_id, media_type, title, year, genres,
                similar_items, matches_actors, matches_directors, matches_genres, reasoning,
                recommended_by, ai_model, job_run_id, source, external_ids, score, confidence,
                expires_at, is_viewed, user_rating, in_library, dismissed, active, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """,
            row -> row.getLong("id"),
            r.userId(),
            Jdbc.nullableLong(r.mediaItemId()),
            r.mediaType().value(),
            r.title(),
            ItemStore.nullableInt(r.year()),
            Json.write(r.genres()),
            Json.write(r.similarItems()),
            Json.write(r.matchesActors()),
            Json.write(r.matchesDirectors()),
            Json.write(r.matchesGenres()),
            Jdbc.nullableText(r.reasoning()),
            r.recommendedBy(),
            Jdbc.nullableText(r.aiModel()),
            Jdbc.nullableLong(r.jobRunId()),
            Jdbc.nullableText(r.source()),
            Json.write(r.externalIds()),
            r.score(),
            r.confidence(),
            Jdbc.nullableTime(r.expiresAt()),
            r.isViewed(),
            new Jdbc.Typed(r.userRating(), Types.DOUBLE),
            r.inLibrary(),
            r.dismissed(),
            r.active(),
            r.createdAt())
        .orElseThrow();
  }

  /** Gives a row the content of a newer recommendation of the same title, active again. */
  static void refresh(Connection c, long id, Recommendation r) throws SQLException {
    Jdbc.update(
        c,
        """
        UPDATE recommendations SET media_item_id = ?, media_type = ?, title = ?, year = ?,
            genres = ?, similar_items = ?, matches_actors = ?, matches_directors = ?,
            matches_genres = ?, reasoning = ?, recommended_by = ?, ai_model = ?, job_run_id = ?,
            source = ?, external_ids = ?, score = ?, confidence = ?, expires_at = ?,
            in_library = ?, active = ?
        WHERE id = ?
        """,
        Jdbc.nullableLong(r.mediaItemId()),
        r.mediaType().value(),
        r.title(),
        ItemStore.nullableInt(r.year()),
        Json.write(r.genres()),
        Json.write(r.similarItems()),
        Json.write(r.matchesActors()),
        Json.write(r.matchesDirectors()),
        Json.write(r.matchesGenres()),
        Jdbc.nullableText(r.reasoning()),
        r.recommendedBy(),
        Jdbc.nullableText(r.aiModel()),
        Jdbc.nullableLong(r.jobRunId()),
        Jdbc.nullableText(r.source()),
        Json.write(r.externalIds()),
        r.score(),
        r.confidence(),
        Jdbc.nullableTime(r.expiresAt()),
        r.inLibrary(),
        true,
        id);
  }

  private static Optional<Recommendation> byId(Connection c, long id) throws SQLException {
    return Jdbc.queryOne(
        c,
        "SELECT " + COLUMNS + " FROM recommendations WHERE id = ?",
        RecommendationStore::recommendation,
        id);
  }

  static Recommendation recommendation(ResultSet row) throws SQLException {
    return new Recommendation(
        row.getLong("id"),
        row.getLong("user_id"),
        Jdbc.nullableLong(row, "media_item_id"),
        MediaType.of(row.getString("media_type")),
        row.getString("title"),
        Jdbc.nullableInt(row, "year"),
        Json.strings(row.getString("genres")),
        Json.longs(row.getString("similar_items")),
        Json.strings(row.getString("matches_actors")),
        Json.strings(row.getString("matches_directors")),
        Json.strings(row.getString("matches_genres")),
        row.getString("reasoning"),
        row.getString("recommended_by"),
        row.getString("ai_model"),
        Jdbc.nullableLong(row, "job_run_id"),
        row.getString("source"),
        Json.stringMap(row.getString("external_ids")),
        row.getDouble("score"),
        row.getDouble("confidence"),
        Jdbc.instant(row, "expires_at"),
        row.getBoolean("is_viewed"),
        ItemStore.nullableDouble(row, "user_rating"),
        row.getBoolean("in_library"),
        row.getBoolean("dismissed"),
        row.getBoolean("active"),
        Jdbc.instant(row, "created_at"));
  }
}
