package io.suasor.media.testing;

import io.suasor.jobs.store.Database;
import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.model.UserItemData;
import io.suasor.media.store.ItemStore;
import io.suasor.media.store.NewItem;
import io.suasor.media.store.UserDataStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small library of described titles (genres, people, year, rating) and users' scripted
 * histories straight into the stores, for the recommender's tests: a series gets one season of
 * episodes, an album three tracks, and playing a series or an album plays its episodes or tracks.
 */
public final class TasteLibrary {
  private final ItemStore items;
  private final UserDataStore data;
  private final Clock clock;
  private final Map<Long, List<Long>> children = new HashMap<>();
  private final Map<Long, String> titles = new HashMap<>();

  public TasteLibrary(Database database, Clock clock) {
    this.items = new ItemStore(database);
    this.data = new UserDataStore(database);
    this.clock = clock;
  }

  /** Who is in a title: actors in billing order, directors, or an album's artist. */
  public record People(List<String> actors, List<String> directors) {
    public static People of(List<String> actors, List<String> directors) {
      return new People(actors, directors);
    }

    public static final People NONE = new People(List.of(), List.of());
  }

  public long movie(String title, int year, double rating, List<String> genres, People people) {
    return insert(MediaType.MOVIE, title, year, rating, genres, credits(people), null, null);
  }

  /** A series with one season of {@code episodes} episodes. */
  public long series(
      String title, int year, double rating, List<String> genres, People people, int episodes) {
    long series =
        insert(MediaType.SERIES, title, year, rating, genres, credits(people), null, null);
    long season =
        items
            .insert(
                new NewItem(
                    MediaType.SEASON,
                    ItemMetadata.titled("Season 1", year),
                    series,
                    null,
                    Numbering.season(1)),
                clock.instant())
            .id();
    List<Long> episodeIds = new ArrayList<>();
    for (int e = 1; e <= episodes; e++) {
      episodeIds.add(
          items
              .insert(
                  new NewItem(
                      MediaType.EPISODE,
                      ItemMetadata.titled(title + " episode " + e, year),
                      season,
                      series,
                      Numbering.episode(1, e)),
                  clock.instant())
              .id());
    }
    children.put(series, episodeIds);
    return series;
  }

  public long artist(String name, List<String> genres) {
    return insert(MediaType.ARTIST, name, null, null, genres, List.of(), null, null);
  }

  /** An album of three tracks under {@code artist}, credited to the artist by name. */
  public long album(long artist, String title, int year, double rating, List<String> genres) {
    List<Credit> credits = List.of(new Credit(titles.get(artist), CreditRole.ARTIST, null, 0));
    long album = insert(MediaType.ALBUM, title, year, rating, genres, credits, artist, null);
    List<Long> tracks = new ArrayList<>();
    for (int t = 1; t <= 3; t++) {
      tracks.add(
          items
              .insert(
                  new NewItem(
                      MediaType.TRACK,
                      ItemMetadata.titled(title + " track " + t, year),
                      album,
                      null,
                      Numbering.track(1, t)),
                  clock.instant())
              .id());
    }
    children.put(album, tracks);
    return album;
  }

  /**
   * Titles nobody played, as a real library has hundreds of: {@code movies} movies, a tenth as many
   * series, a tenth as many artists with two albums each, of common genres (a few science fiction),
   * by people of their own, from any decade. Without them a person in five of twenty titles would
   * be everywhere, and liking them no evidence.
   */
  public void fillers(int movies, long seed) {
    java.util.Random random = new java.util.Random(seed);
    List<String> genres =
        List.of(
            "Drama",
            "Comedy",
            "Thriller",
            "Romance",
            "Crime",
            "Documentary",
            "Family",
            "Animation",
            "Mystery",
            "War",
            "Horror",
            "Fantasy",
            "Science Fiction");
    List<String> music = List.of("Rock", "Pop", "Folk", "Electronic", "Classical", "Jazz");
    for (int i = 0; i < movies; i++) {
      movie(
          "Filler film " + i,
          1950 + random.nextInt(75),
          5 + random.nextInt(30) / 10.0,
          List.of(genres.get(random.nextInt(genres.size()))),
          People.of(List.of("Filler actor " + i, "Filler actor " + (i + 1)), List.of()));
    }
    for (int i = 0; i < movies / 10; i++) {
      series(
          "Filler series " + i,
          1990 + random.nextInt(35),
          5 + random.nextInt(30) / 10.0,
          List.of(genres.get(random.nextInt(genres.size()))),
          People.of(List.of("Filler star " + i), List.of()),
          2);
      long artist = artist("Filler band " + i, List.of(music.get(random.nextInt(music.size()))));
      for (int a = 0; a < 2; a++) {
        album(
            artist,
            "Filler album " + i + "-" + a,
            1960 + random.nextInt(60),
            5 + random.nextInt(30) / 10.0,
            List.of(music.get(random.nextInt(music.size()))));
      }
    }
  }

  /** The user finished the movie (or every episode or track of the series or album). */
  public void finished(long user, long item, Instant when) {
    for (long part : children.getOrDefault(item, List.of(item))) {
      save(user, part, 1, when, 100, false, null);
    }
  }

  /** The user started the title and stopped {@code percent} of the way into its first part. */
  public void abandoned(long user, long item, double percent, Instant when) {
    long part = children.getOrDefault(item, List.of(item)).get(0);
    save(user, part, 0, when, percent, false, null);
  }

  public void rated(long user, long item, double rating, Instant when) {
    save(user, item, 1, when, 100, false, rating);
  }

  public void favourite(long user, long item, Instant when) {
    save(user, item, 1, when, 100, true, null);
  }

  public List<Long> parts(long item) {
    return children.getOrDefault(item, List.of(item));
  }

  private void save(
      long user,
      long item,
      int plays,
      Instant when,
      double percent,
      boolean favourite,
      Double rating) {
    data.save(new UserItemData(user, item, plays, when, percent, favourite, rating, false, when));
  }

  private long insert(
      MediaType type,
      String title,
      Integer year,
      Double rating,
      List<String> genres,
      List<Credit> credits,
      Long parent,
      Long series) {
    ItemMetadata metadata =
        new ItemMetadata(
            title,
            null,
            null,
            year,
            null,
            null,
            null,
            rating,
            null,
            Map.of(ExternalProvider.TMDB, "tmdb-" + title.hashCode()),
            genres,
            List.of(),
            credits);
    long id =
        items
            .insert(new NewItem(type, metadata, parent, series, Numbering.NONE), clock.instant())
            .id();
    titles.put(id, title);
    return id;
  }

  private static List<Credit> credits(People people) {
    List<Credit> credits = new ArrayList<>();
    for (int i = 0; i < people.actors().size(); i++) {
      credits.add(new Credit(people.actors().get(i), CreditRole.ACTOR, null, i));
    }
    for (int i = 0; i < people.directors().size(); i++) {
      credits.add(new Credit(people.directors().get(i), CreditRole.DIRECTOR, null, i));
    }
    return credits;
  }
}
