package io.suasor.media.collections;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.Collection;
import io.suasor.media.model.CollectionKind;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.MediaType;
import io.suasor.media.store.CollectionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's first smart collections, made once from their activity: their two most played genres,
 * the director of most of the films they played (two or more), and their unwatched films. Made when
 * the user has played something and has no smart collection yet (manual ones, such as the playlists
 * a sync brings, do not count); remembered either way once decided, so that collections the user
 * deletes do not come back.
 */
final class DefaultCollections {
  static final int TOP_GENRES = 2;
  static final int GENRE_LIMIT = 50;
  static final int UNWATCHED_LIMIT = 100;

  /** A started play of a movie or episode; a series counts once for all its episodes. */
  private static final String PLAYED =
      """
      FROM user_item_data d JOIN media_items i ON i.id = d.item_id
      WHERE d.user_id = ? AND (d.play_count > 0 OR d.played_percentage > 0)
        AND i.type IN ('movie', 'episode')
      """;

  private final Database database;
  private final CollectionStore collections;

  DefaultCollections(Database database) {
    this.database = database;
    this.collections = new CollectionStore(database);
  }

  /** What happened to the user, and how many collections were made for them. */
  record Outcome(State state, int made) {
    static final Outcome ALREADY = new Outcome(State.ALREADY, 0);
    static final Outcome WAITING = new Outcome(State.WAITING, 0);
  }

  enum State {
    /** Given their defaults now. */
    SEEDED,
    /** Had smart collections of their own: given none, and never will be. */
    NOT_NEEDED,
    /** Decided on an earlier run. */
    ALREADY,
    /** Nothing played yet to build from; asked again on the next run. */
    WAITING
  }

  Outcome seed(long userId, Instant now) {
    if (seeded(userId)) {
      return Outcome.ALREADY;
    }
    if (!collections.smart(userId).isEmpty()) {
      remember(userId, 0, now);
      return new Outcome(State.NOT_NEEDED, 0);
    }
    List<String> genres = topGenres(userId);
    if (genres.isEmpty()) {
      return Outcome.WAITING;
    }
    List<Collection> made = new ArrayList<>();
    for (String genre : genres) {
      made.add(
          smart(
              userId,
              "Top genre: " + genre,
              "More " + genre + " from the library, best rated first: you play it most",
              new Rule.All(
                  List.of(
                      new Rule.Types(List.of(MediaType.MOVIE, MediaType.SERIES)),
                      new Rule.Genre(List.of(genre)),
                      new Rule.Not(new Rule.Status(WatchStatus.WATCHED)))),
              new Sort(Sort.By.RATING, true, null),
              GENRE_LIMIT,
              now));
    }
    String director = favouriteDirector(userId);
    if (director != null) {
      made.add(
          smart(
              userId,
              "Directed by " + director,
              "The films of the director you watch most, newest first",
              new Rule.Person(List.of(director), CreditRole.DIRECTOR),
              new Sort(Sort.By.YEAR, true, null),
              GENRE_LIMIT,
              now));
    }
    made.add(
        smart(
            userId,
            "Unwatched films",
            "Films in the library you have not started, most recently added first",
            new Rule.All(
                List.of(
                    new Rule.Types(List.of(MediaType.MOVIE)),
                    new Rule.Status(WatchStatus.UNWATCHED))),
            new Sort(Sort.By.ADDED, true, null),
            UNWATCHED_LIMIT,
            now));
    remember(userId, made.size(), now);
    return new Outcome(State.SEEDED, made.size());
  }

  private Collection smart(
      long userId, String name, String description, Rule rule, Sort sort, int limit, Instant now) {
    String rules = RuleWriter.json(new SmartRules(rule, sort, limit));
    return collections.create(userId, name, description, CollectionKind.SMART, rules, now);
  }

  private boolean seeded(long userId) {
    return database.read(
        "check the default collections of user " + userId,
        c ->
            Jdbc.queryOne(
                    c,
                    "SELECT user_id FROM smart_collection_seeds WHERE user_id = ?",
                    row -> true,
                    userId)
                .isPresent());
  }

  private void remember(long userId, int made, Instant now) {
    database.write(
        "remember the default collections of user " + userId,
        c ->
            Jdbc.update(
                c,
                """
                INSERT INTO smart_collection_seeds (user_id, seeded_at, seeded) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO NOTHING
                """,
                userId,
                now,
                made));
  }

  private List<String> topGenres(long userId) {
    return database.read(
        "find the top genres of user " + userId,
        c ->
            Jdbc.query(
                c,
                """
                SELECT g.genre, COUNT(DISTINCT COALESCE(i.series_id, i.id)) AS titles
                """
                    + PLAYED.replace(
                        "WHERE",
                        "JOIN item_genres g" + " ON g.item_id = COALESCE(i.series_id, i.id) WHERE")
                    + " GROUP BY g.genre ORDER BY titles DESC, g.genre LIMIT ?",
                row -> row.getString("genre"),
                userId,
                TOP_GENRES));
  }

  private String favouriteDirector(long userId) {
    return database.read(
        "find the favourite director of user " + userId,
        c ->
            Jdbc.queryOne(
                    c,
                    """
                    SELECT p.name, COUNT(DISTINCT i.id) AS titles
                    """
                        + PLAYED.replace(
                            "WHERE",
                            "JOIN item_credits k ON k.item_id = i.id AND k.role = 'director'"
                                + " JOIN people p ON p.id = k.person_id WHERE")
                        + " AND i.type = 'movie' GROUP BY p.name HAVING COUNT(DISTINCT i.id) >= 2"
                        + " ORDER BY titles DESC, p.name LIMIT 1",
                    row -> row.getString("name"),
                    userId)
                .orElse(null));
  }
}
