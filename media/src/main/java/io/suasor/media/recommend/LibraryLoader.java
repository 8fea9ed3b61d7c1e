package io.suasor.media.recommend;

import io.suasor.jobs.store.Database;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the library into {@link LibraryFeatures} with four streamed queries (items, genres,
 * credits, who played what), once per run.
 */
final class LibraryLoader {
  /** Rows PostgreSQL sends at a time, so that a large library is streamed, not held whole. */
  private static final int FETCH_SIZE = 5_000;

  /** An artist without genres of its own takes its albums' most common ones, this many. */
  private static final int ARTIST_GENRES_FROM_ALBUMS = 4;

  private static final String CANDIDATE_TYPES = "('movie', 'series', 'album', 'artist')";

  private final Database database;
  private final int actorsPerItem;

  LibraryLoader(Database database, int actorsPerItem) {
    this.database = database;
    this.actorsPerItem = actorsPerItem;
  }

  LibraryFeatures load() {
    return database.read("load the library for recommendations", this::load);
  }

  private LibraryFeatures load(Connection c) throws SQLException {
    Items items = new Items();
    each(
        c,
        "SELECT id, type, title, year, rating, parent_id, series_id FROM media_items ORDER BY id",
        items::add);
    LibraryFeatures.Candidates candidates = items.candidates;
    ItemOwners owners = items.owners();
    Dictionary genres = new Dictionary();
    each(
        c,
        "SELECT g.item_id, g.genre FROM item_genres g JOIN media_items i ON i.id = g.item_id"
            + " WHERE i.type IN "
            + CANDIDATE_TYPES
            + " ORDER BY g.item_id, g.genre",
        row -> {
          int candidate = items.candidate(row.getLong("item_id"));
          if (candidate < 0) {
            return;
          }
          int genre = genres.intern(LibraryFeatures.GENRE, row.getString("genre"));
          candidates.genres[candidate] =
              LibraryFeatures.Candidates.with(candidates.genres[candidate], genre);
        });
    Dictionary people = new Dictionary();
    int[] lastActorOf = {-1};
    int[] actorsSeen = {0};
    each(
        c,
        """
        SELECT c.item_id, c.role, p.name FROM item_credits c
        JOIN people p ON p.id = c.person_id JOIN media_items i ON i.id = c.item_id
        WHERE c.role IN ('actor', 'director', 'artist') AND i.type IN\s"""
            + CANDIDATE_TYPES
            + " ORDER BY c.item_id, c.sort_order, p.name",
        row -> {
          int candidate = items.candidate(row.getLong("item_id"));
          if (candidate < 0) {
            return;
          }
          String role = row.getString("role");
          if (role.equals(CreditRole.ACTOR.value())) {
            actorsSeen[0] = lastActorOf[0] == candidate ? actorsSeen[0] + 1 : 1;
            lastActorOf[0] = candidate;
            if (actorsSeen[0] > actorsPerItem) {
              return;
            }
          }
          addPerson(candidates, candidate, people.intern(role, row.getString("name")));
        });
    for (int candidate = 0; candidate < candidates.size; candidate++) {
      int artist = candidates.artistOf[candidate];
      if (artist >= 0) {
        // The artist's own name is its person, and an album's: credits may not name it.
        String artistRole = CreditRole.ARTIST.value();
        addPerson(candidates, candidate, people.intern(artistRole, candidates.titles[artist]));
      }
    }
    artistGenresFromAlbums(candidates);
    CoPlays.Builder plays = new CoPlays.Builder();
    each(
        c,
        PLAYERS,
        row -> {
          int candidate = items.candidate(row.getLong("owner"));
          if (candidate >= 0) {
            plays.add(candidate, row.getLong("user_id"));
            candidates.popularity[candidate]++;
          }
        });
    return new LibraryFeatures(
        trimmed(candidates), genres, people, owners, plays.build(candidates.size));
  }

  /**
   * Which users played each series (by its episodes), album and artist (by their tracks), or movie;
   * each pair once, in user order.
   */
  private static final String PLAYERS =
      """
      SELECT DISTINCT owner, user_id FROM (
          SELECT CASE WHEN i.type = 'episode' THEN COALESCE(i.series_id, p.parent_id)
                      WHEN i.type IN ('season', 'track') THEN i.parent_id
                      ELSE i.id END AS owner, d.user_id
          FROM user_item_data d JOIN media_items i ON i.id = d.item_id
          LEFT JOIN media_items p ON p.id = i.parent_id
          WHERE d.play_count > 0 OR d.played_percentage > 0
          UNION ALL
          SELECT CASE WHEN i.type = 'track' THEN p.parent_id ELSE i.parent_id END AS owner,
                 d.user_id
          FROM user_item_data d JOIN media_items i ON i.id = d.item_id
          LEFT JOIN media_items p ON p.id = i.parent_id
          WHERE (d.play_count > 0 OR d.played_percentage > 0) AND i.type IN ('track', 'album')
      ) played WHERE owner IS NOT NULL ORDER BY user_id, owner
      """;

  private static void addPerson(LibraryFeatures.Candidates candidates, int candidate, int person) {
    candidates.people[candidate] =
        LibraryFeatures.Candidates.with(candidates.people[candidate], person);
  }

  private static void artistGenresFromAlbums(LibraryFeatures.Candidates candidates) {
    Map<Integer, Map<Integer, Integer>> counts = new LinkedHashMap<>();
    for (int c = 0; c < candidates.size; c++) {
      int artist = candidates.artistOf[c];
      if (artist >= 0 && artist != c && candidates.genres[artist].length == 0) {
        Map<Integer, Integer> ofArtist = counts.computeIfAbsent(artist, a -> new LinkedHashMap<>());
        for (int genre : candidates.genres[c]) {
          ofArtist.merge(genre, 1, Integer::sum);
        }
      }
    }
    counts.forEach(
        (artist, ofArtist) ->
            candidates.genres[artist] =
                ofArtist.entrySet().stream()
                    .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                    .limit(ARTIST_GENRES_FROM_ALBUMS)
                    .mapToInt(Map.Entry::getKey)
                    .toArray());
  }

  private static LibraryFeatures.Candidates trimmed(LibraryFeatures.Candidates candidates) {
    int n = candidates.size;
    candidates.itemIds = Arrays.copyOf(candidates.itemIds, n);
    candidates.types = Arrays.copyOf(candidates.types, n);
    candidates.titles = Arrays.copyOf(candidates.titles, n);
    candidates.years = Arrays.copyOf(candidates.years, n);
    candidates.ratings = Arrays.copyOf(candidates.ratings, n);
    candidates.genres = Arrays.copyOf(candidates.genres, n);
    candidates.people = Arrays.copyOf(candidates.people, n);
    candidates.artistOf = Arrays.copyOf(candidates.artistOf, n);
    candidates.popularity = Arrays.copyOf(candidates.popularity, n);
    return candidates;
  }

  /** Every item's id, type and parents, read in id order; candidates are numbered as met. */
  private static final class Items {
    final LibraryFeatures.Candidates candidates = new LibraryFeatures.Candidates();
    private long[] ids = new long[1024];
    private MediaType[] types = new MediaType[1024];
    private long[] parents = new long[1024];
    private long[] series = new long[1024];
    private int[] candidateAt = new int[1024];
    private int count;

    void add(ResultSet row) throws SQLException {
      if (count == ids.length) {
        int capacity = count * 2;
        ids = Arrays.copyOf(ids, capacity);
        types = Arrays.copyOf(types, capacity);
        parents = Arrays.copyOf(parents, capacity);
        series = Arrays.copyOf(series, capacity);
        candidateAt = Arrays.copyOf(candidateAt, capacity);
      }
      MediaType type = MediaType.of(row.getString("type"));
      ids[count] = row.getLong("id");
      types[count] = type;
      parents[count] = row.getLong("parent_id");
      series[count] = row.getLong("series_id");
      candidateAt[count] = -1;
      if (RecommendedKinds.isCandidate(type)) {
        int year = row.getInt("year");
        double rating = row.getDouble("rating");
        if (row.wasNull()) {
          rating = Double.NaN;
        }
        candidateAt[count] = candidates.add(ids[count], type, row.getString("title"), year, rating);
      }
      count++;
    }

    /** The candidate that is item {@code itemId} itself, or -1. */
    int candidate(long itemId) {
      int at = Arrays.binarySearch(ids, 0, count, itemId);
      return at < 0 ? -1 : candidateAt[at];
    }

    ItemOwners owners() {
      int[] owners = new int[count];
      int[] artists = new int[count];
      for (int i = 0; i < count; i++) {
        artists[i] = -1;
        owners[i] =
            switch (types[i]) {
              case MOVIE, SERIES, ARTIST -> candidateAt[i];
              case ALBUM -> {
                artists[i] = artist(parents[i]);
                if (artists[i] >= 0) {
                  candidates.artistOf[candidateAt[i]] = artists[i];
                }
                yield candidateAt[i];
              }
              case SEASON -> candidate(parents[i]);
              case EPISODE -> candidate(series[i] != 0 ? series[i] : parentOf(parents[i]));
              case TRACK -> {
                artists[i] = artist(parentOf(parents[i]));
                yield candidate(parents[i]);
              }
            };
      }
      return new ItemOwners(Arrays.copyOf(ids, count), owners, artists);
    }

    private int artist(long itemId) {
      int candidate = candidate(itemId);
      return candidate >= 0 && candidates.types[candidate] == MediaType.ARTIST ? candidate : -1;
    }

    private long parentOf(long itemId) {
      int at = Arrays.binarySearch(ids, 0, count, itemId);
      return at < 0 ? 0 : parents[at];
    }
  }

  @FunctionalInterface
  private interface RowConsumer {
    void accept(ResultSet row) throws SQLException;
  }

  /**
   * Runs a query and hands each row to {@code consumer}. PostgreSQL streams rows by the fetch size
   * only inside a transaction; SQLite steps through its rows anyway, and a transaction there would
   * take the write lock.
   */
  private void each(Connection c, String sql, RowConsumer consumer) throws SQLException {
    boolean streamInTransaction = database.dialect().id().equals("postgresql");
    if (streamInTransaction) {
      c.setAutoCommit(false);
    }
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setFetchSize(FETCH_SIZE);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          consumer.accept(rows);
        }
      }
    } finally {
      if (streamInTransaction) {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }
}
