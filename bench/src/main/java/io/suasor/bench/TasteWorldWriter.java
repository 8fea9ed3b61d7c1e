package io.suasor.bench;

import io.suasor.jobs.store.Database;
import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Recommender;
import io.suasor.media.store.UserStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes a {@link TasteWorld} into a migrated media database with JDBC batches and the world's own
 * ids: the items with their genres and credits, the users with their job preferences, and each
 * user's played titles (not the hidden ones) as item data. A movie is one row; a series is the
 * episodes the user watched, in order (three or more, one when they gave up); an album its tracks.
 */
final class TasteWorldWriter {
  private static final int BATCH = 1_000;

  private final Database database;
  private final TasteWorld world;
  private final long now;

  TasteWorldWriter(Database database, TasteWorld world, long now) {
    this.database = database;
    this.world = world;
    this.now = now;
  }

  void write(int maxRecommendations) {
    database.inTransaction(
        "write the benchmark's library",
        c -> {
          items(c);
          genres(c);
          people(c);
          users(c);
          plays(c);
          return null;
        });
    UserStore users = new UserStore(database);
    for (TasteWorld.Person person : world.users) {
      users.savePreferences(
          new JobPreferences(
              person.index() + 1L,
              ZoneId.of("UTC"),
              true,
              true,
              Recommender.BUILTIN,
              null,
              null,
              maxRecommendations,
              true,
              JobPreferences.DEFAULT_MAX_NOTIFICATIONS_PER_DAY,
              List.of(),
              null,
              List.of(),
              List.of(),
              Instant.ofEpochMilli(now)));
    }
  }

  private void items(Connection c) throws SQLException {
    try (Batch items =
        new Batch(
            c,
            """
                INSERT INTO media_items (id, type, title, year, rating, parent_id, series_id,
                    season_number, episode_number, track_number, match_key, added_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
      for (TasteWorld.Title movie : world.movies) {
        item(items, movie.id(), movie, null, null, null, null, null);
      }
      for (TasteWorld.Title series : world.series) {
        item(items, series.id(), series, null, null, null, null, null);
        long id = series.id();
        for (int season = 1; season <= TasteWorld.SEASONS; season++) {
          long seasonId = ++id;
          item(items, seasonId, null, series.id(), null, season, null, null);
          for (int episode = 1; episode <= TasteWorld.EPISODES; episode++) {
            item(items, ++id, null, seasonId, series.id(), season, episode, null);
          }
        }
      }
      for (TasteWorld.Title artist : world.artists) {
        item(items, artist.id(), artist, null, null, null, null, null);
      }
      for (TasteWorld.Title album : world.albums) {
        item(items, album.id(), album, album.artist(), null, null, null, null);
        for (int track = 0; track < album.parts().length; track++) {
          item(items, album.parts()[track], null, album.id(), null, null, null, track + 1);
        }
      }
    }
  }

  /** After the items: a batch of another statement may run before theirs is flushed. */
  private void genres(Connection c) throws SQLException {
    try (Batch genres = new Batch(c, "INSERT INTO item_genres (item_id, genre) VALUES (?, ?)")) {
      for (List<TasteWorld.Title> titles :
          List.of(world.movies, world.series, world.artists, world.albums)) {
        for (TasteWorld.Title title : titles) {
          for (int genre : title.genres()) {
            genres.add(title.id(), world.genres.get(genre));
          }
        }
      }
    }
  }

  /** An item row; {@code title} null for a season, an episode or a track (typed by numbering). */
  private void item(
      Batch items,
      long id,
      TasteWorld.Title title,
      Long parent,
      Long series,
      Integer season,
      Integer episode,
      Integer track)
      throws SQLException {
    MediaType type =
        title != null
            ? title.type()
            : track != null
                ? MediaType.TRACK
                : episode != null ? MediaType.EPISODE : MediaType.SEASON;
    String name = title != null ? title.name() : type.value() + " " + id;
    items.add(
        id,
        type.value(),
        name,
        title == null || title.year() == 0 ? null : title.year(),
        title == null || Double.isNaN(title.rating()) ? null : title.rating(),
        parent,
        series,
        season,
        episode,
        track,
        "bench:" + id,
        now,
        now);
  }

  private void people(Connection c) throws SQLException {
    try (Batch people = new Batch(c, "INSERT INTO people (id, name) VALUES (?, ?)")) {
      for (int p = 0; p < world.people.size(); p++) {
        people.add(p + 1L, world.people.get(p));
      }
    }
    try (Batch credits =
        new Batch(
            c,
            """
            INSERT INTO item_credits (item_id, person_id, role, role_name, sort_order)
            VALUES (?, ?, ?, ?, ?)
            """)) {
      for (List<TasteWorld.Title> titles : List.of(world.movies, world.series, world.albums)) {
        for (TasteWorld.Title title : titles) {
          int[] cast = title.people();
          for (int i = 0; i < cast.length; i++) {
            String role =
                title.type() == MediaType.ALBUM
                    ? "artist"
                    : i == cast.length - 1 ? "director" : "actor";
            credits.add(title.id(), cast[i] + 1L, role, null, i);
          }
        }
      }
    }
  }

  private void users(Connection c) throws SQLException {
    try (Batch users =
        new Batch(
            c,
            """
            INSERT INTO users (id, username, role, active, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """)) {
      for (TasteWorld.Person person : world.users) {
        users.add(person.index() + 1L, "user" + person.index(), "user", true, now, now);
      }
    }
  }

  private void plays(Connection c) throws SQLException {
    try (Batch data =
        new Batch(
            c,
            """
            INSERT INTO user_item_data (user_id, item_id, play_count, last_played_at,
                played_percentage, favorite, rating, watchlist, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)) {
      for (TasteWorld.Person person : world.users) {
        long user = person.index() + 1L;
        for (TasteWorld.Play play : person.played()) {
          TasteWorld.Title title = play.title();
          long[] parts = title.parts().length == 0 ? new long[] {title.id()} : title.parts();
          int count =
              play.abandoned()
                  ? 1
                  : Math.min(parts.length, 3 + (int) ((user * 31 + title.id()) % parts.length));
          for (int i = 0; i < count; i++) {
            boolean first = i == 0;
            data.add(
                user,
                parts[i],
                play.abandoned() ? 0 : 1,
                play.at(),
                play.abandoned() ? 30.0 : 100.0,
                first && play.favourite(),
                first ? play.rating() : null,
                false,
                play.at());
          }
        }
      }
    }
  }

  /** One prepared statement filled in batches; nulls bound by their Java type's SQL type. */
  private static final class Batch implements AutoCloseable {
    private final PreparedStatement statement;
    private int pending;

    Batch(Connection c, String sql) throws SQLException {
      this.statement = c.prepareStatement(sql);
    }

    void add(Object... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        Object value = values[i];
        if (value == null) {
          statement.setNull(i + 1, Types.NULL);
        } else if (value instanceof Long number) {
          statement.setLong(i + 1, number);
        } else if (value instanceof Integer number) {
          statement.setInt(i + 1, number);
        } else if (value instanceof Double number) {
          statement.setDouble(i + 1, number);
        } else if (value instanceof Boolean flag) {
          statement.setBoolean(i + 1, flag);
        } else {
          statement.setString(i + 1, value.toString());
        }
      }
      statement.addBatch();
      if (++pending == BATCH) {
        statement.executeBatch();
        pending = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      if (pending > 0) {
        statement.executeBatch();
      }
      statement.close();
    }
  }
}
