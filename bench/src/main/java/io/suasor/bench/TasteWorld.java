package io.suasor.bench;

import io.suasor.media.model.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated library and users with planted tastes, for {@link RecommendationBench}. The library
 * has the media benchmarks' proportions (21,000 movies; 400 series of 4 seasons of 10 episodes;
 * 1,000 artists of 5 albums of 11 tracks: 100,000 items, at scale 1); its titles have genres drawn
 * from a skewed distribution, people (actors and a director; an album its artist) drawn the same
 * way, a year, a rating and an appeal (how popular it is, log-normal). Each user prefers two video
 * genres and one music genre, eight people and one or two decades, and splits their time between
 * movies, series and music in their own proportions; they play 30 to 90 titles, each drawn with a
 * weight of {@code sqrt(appeal) × exp(1.2 × affinity)}, where affinity counts the title's preferred
 * genres (1 each), people (1.5 each) and decade (0.8); one play in five is noise, drawn by appeal
 * alone. A user's plays are spread over the last year; the last {@link #HIDDEN} are hidden from the
 * database, to be predicted.
 */
final class TasteWorld {
  static final int MOVIES = 21_000;
  static final int SERIES = 400;
  static final int SEASONS = 4;
  static final int EPISODES = 10;
  static final int ARTISTS = 1_000;
  static final int ALBUMS = 5;
  static final int TRACKS_PER_ALBUM = 11;
  static final int HIDDEN = 5;

  static final int CHANCES_KEPT = 120;

  /** The share of plays drawn by appeal alone, whatever the user's taste. */
  static final double NOISE = 0.2;

  /** Of the plays that follow a taste, the share drawn among titles with a liked person. */
  static final double PERSON_SHARE = 0.35;

  /** How much likelier a title of a liked genre is when it is also of a liked decade. */
  static final double DECADE_BOOST = 3;

  /** Liked actors and directors are among the most prolific fifth of them. */
  static final int PROLIFIC = 5;

  /** A user's parts of movies, series and music: 0.5–1.5, 0–0.4, 0–1 (series are long). */
  static final double MOVIE_PART_FLOOR = 0.5;

  static final double SERIES_PART = 0.4;

  /** The spread of the titles' appeal, a log-normal's sigma. */
  static final double APPEAL_SPREAD = 1.0;

  static final String[] VIDEO_GENRES = {
    "Drama", "Comedy", "Thriller", "Action", "Romance", "Crime", "Science Fiction", "Horror",
    "Adventure", "Fantasy", "Mystery", "Animation", "Family", "Documentary", "War", "Western",
    "History", "Music"
  };
  static final String[] MUSIC_GENRES = {
    "Rock",
    "Pop",
    "Jazz",
    "Electronic",
    "Hip-Hop",
    "Classical",
    "Folk",
    "Soul",
    "Metal",
    "Blues",
    "Reggae",
    "Country"
  };
  static final int ACTORS = 6_000;
  static final int DIRECTORS = 1_200;

  /** A title a user may be recommended: a movie, a series, an album or an artist. */
  record Title(
      long id,
      MediaType type,
      String name,
      int year,
      double rating,
      int[] genres,
      int[] people,
      long artist,
      double appeal,
      long[] parts) {}

  /** One title a user played: when, how far, how they rated it. */
  record Play(Title title, long at, boolean abandoned, Double rating, boolean favourite) {}

  /**
   * A user with their planted taste, their played titles (oldest first) and the hidden last; {@code
   * chance} is the probability the generator gave each title of being their next play.
   */
  record Person(
      int index,
      Set<Integer> genres,
      Set<Integer> people,
      Set<Integer> decades,
      List<Play> played,
      List<Play> hidden,
      Map<Long, Double> chance) {}

  final List<Title> movies = new ArrayList<>();
  final List<Title> series = new ArrayList<>();
  final List<Title> albums = new ArrayList<>();
  final List<Title> artists = new ArrayList<>();
  final List<String> people = new ArrayList<>();
  final List<String> genres = new ArrayList<>();
  final List<Person> users = new ArrayList<>();
  long items;
  private final Random random;
  private final int artistCount;

  /** {@code scale} multiplies the numbers of movies, series and artists (1 for 100,000 items). */
  TasteWorld(long seed, int userCount, double scale, long nowMillis) {
    this.random = new Random(seed);
    this.artistCount = (int) Math.round(ARTISTS * scale);
    genres.addAll(Arrays.asList(VIDEO_GENRES));
    genres.addAll(Arrays.asList(MUSIC_GENRES));
    for (int a = 0; a < ACTORS; a++) {
      people.add(String.format("Actor %04d", a));
    }
    for (int d = 0; d < DIRECTORS; d++) {
      people.add(String.format("Director %04d", d));
    }
    long id = 1;
    for (int m = 0; m < Math.round(MOVIES * scale); m++) {
      movies.add(video(id++, MediaType.MOVIE, "Movie " + m, 5, new long[0]));
    }
    for (int s = 0; s < Math.round(SERIES * scale); s++) {
      long seriesId = id++;
      long[] parts = new long[SEASONS * EPISODES];
      int next = 0;
      for (int season = 0; season < SEASONS; season++) {
        id++;
        for (int e = 0; e < EPISODES; e++) {
          parts[next++] = id++;
        }
      }
      series.add(video(seriesId, MediaType.SERIES, "Series " + s, 4, parts));
    }
    for (int a = 0; a < artistCount; a++) {
      long artistId = id++;
      int person = people.size();
      people.add(String.format("Artist %04d", a));
      int[] artistGenres =
          distinct(1 + random.nextInt(2), VIDEO_GENRES.length, MUSIC_GENRES.length);
      int era = decadeYear();
      artists.add(
          new Title(
              artistId,
              MediaType.ARTIST,
              people.get(person),
              0,
              Double.NaN,
              artistGenres,
              new int[] {person},
              artistId,
              appeal(),
              new long[0]));
      for (int b = 0; b < ALBUMS; b++) {
        long albumId = id++;
        long[] tracks = new long[TRACKS_PER_ALBUM];
        for (int t = 0; t < TRACKS_PER_ALBUM; t++) {
          tracks[t] = id++;
        }
        albums.add(
            new Title(
                albumId,
                MediaType.ALBUM,
                "Album " + a + "-" + b,
                era + random.nextInt(10),
                rating(),
                artistGenres,
                new int[] {person},
                artistId,
                appeal(),
                tracks));
      }
    }
    items = id - 1;
    for (int u = 0; u < userCount; u++) {
      users.add(person(u, nowMillis));
    }
  }

  private Title video(long id, MediaType type, String name, int actors, long[] parts) {
    int[] cast = new int[actors + 1];
    int[] actorIds = distinct(actors, 0, ACTORS);
    System.arraycopy(actorIds, 0, cast, 0, actors);
    cast[actors] = ACTORS + skewed(DIRECTORS);
    int[] titleGenres = distinct(1 + random.nextInt(3), 0, VIDEO_GENRES.length);
    return new Title(
        id,
        type,
        name,
        decadeYear() + random.nextInt(10),
        rating(),
        titleGenres,
        cast,
        0,
        appeal(),
        parts);
  }

  private Person person(int index, long nowMillis) {
    Set<Integer> likedGenres = new HashSet<>();
    for (int g : distinct(2, 0, VIDEO_GENRES.length)) {
      likedGenres.add(g);
    }
    likedGenres.add(VIDEO_GENRES.length + skewed(MUSIC_GENRES.length));
    Set<Integer> likedPeople = new HashSet<>();
    while (likedPeople.size() < 6) {
      likedPeople.add(random.nextInt(ACTORS / PROLIFIC));
    }
    likedPeople.add(ACTORS + random.nextInt(DIRECTORS / PROLIFIC));
    likedPeople.add(ACTORS + DIRECTORS + random.nextInt(artistCount));
    Set<Integer> likedDecades = new HashSet<>();
    for (int d = 0; d < 1 + random.nextInt(2); d++) {
      likedDecades.add(decadeYear() / 10);
    }
    double[] mix = {
      MOVIE_PART_FLOOR + random.nextDouble(), SERIES_PART * random.nextDouble(), random.nextDouble()
    };
    double total = mix[0] + mix[1] + mix[2];
    Sampler movieSampler = new Sampler(movies, likedGenres, likedPeople, likedDecades);
    Sampler seriesSampler = new Sampler(series, likedGenres, likedPeople, likedDecades);
    Sampler albumSampler = new Sampler(albums, likedGenres, likedPeople, likedDecades);
    int count = 30 + random.nextInt(61);
    Set<Long> chosen = new HashSet<>();
    List<Title> titles = new ArrayList<>();
    while (titles.size() < count) {
      double kind = random.nextDouble() * total;
      Sampler sampler =
          kind < mix[0] ? movieSampler : kind < mix[0] + mix[1] ? seriesSampler : albumSampler;
      Title title = sampler.draw(random);
      if (chosen.add(title.id())) {
        titles.add(title);
      }
    }
    long yearMillis = 365L * 24 * 3600 * 1000;
    long[] times = new long[count];
    for (int i = 0; i < count; i++) {
      times[i] = nowMillis - 3_600_000 - (long) (random.nextDouble() * yearMillis);
    }
    Arrays.sort(times);
    List<Play> plays = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Title title = titles.get(i);
      double affinity = affinity(title, likedGenres, likedPeople, likedDecades);
      boolean abandoned = random.nextDouble() < 0.1;
      Double rated =
          random.nextDouble() < 0.3
              ? (double)
                  Math.max(1, Math.min(10, Math.round(5 + 1.5 * affinity + random.nextGaussian())))
              : null;
      plays.add(new Play(title, times[i], abandoned, rated, random.nextDouble() < 0.05));
    }
    Map<Long, Double> all = new HashMap<>();
    Sampler[] samplers = {movieSampler, seriesSampler, albumSampler};
    for (int k = 0; k < samplers.length; k++) {
      samplers[k].chances(mix[k] / total, all);
    }
    // Enough of the likeliest for a top ten that leaves out the (at most 90) played titles.
    Map<Long, Double> chance = new HashMap<>();
    all.entrySet().stream()
        .sorted(Map.Entry.<Long, Double>comparingByValue().reversed())
        .limit(CHANCES_KEPT)
        .forEach(e -> chance.put(e.getKey(), e.getValue()));
    return new Person(
        index,
        likedGenres,
        likedPeople,
        likedDecades,
        plays.subList(0, count - HIDDEN),
        plays.subList(count - HIDDEN, count),
        chance);
  }

  static double affinity(Title t, Set<Integer> genres, Set<Integer> people, Set<Integer> decades) {
    double affinity = 0;
    for (int g : t.genres()) {
      affinity += genres.contains(g) ? 1 : 0;
    }
    for (int p : t.people()) {
      affinity += people.contains(p) ? 1.5 : 0;
    }
    return affinity + (t.year() > 0 && decades.contains(t.year() / 10) ? 0.8 : 0);
  }

  /**
   * Draws titles of one kind for one user: one play in {@link #NOISE} by appeal alone; of the rest,
   * {@link #PERSON_SHARE} among the titles with a liked person, the others among the titles of a
   * liked genre, those of a liked decade {@link #DECADE_BOOST} times as likely (both by the square
   * root of appeal). A pool the kind lacks gives its share to the next.
   */
  private static final class Sampler {
    private final List<Title> titles;
    private final double[] byPerson;
    private final double[] byGenre;
    private final double[] byAppeal;

    Sampler(List<Title> titles, Set<Integer> genres, Set<Integer> people, Set<Integer> decades) {
      this.titles = titles;
      this.byPerson = new double[titles.size()];
      this.byGenre = new double[titles.size()];
      this.byAppeal = new double[titles.size()];
      double person = 0;
      double genre = 0;
      double appeal = 0;
      for (int i = 0; i < titles.size(); i++) {
        Title t = titles.get(i);
        double weight = Math.sqrt(t.appeal());
        if (Arrays.stream(t.people()).anyMatch(people::contains)) {
          person += weight;
        }
        if (Arrays.stream(t.genres()).anyMatch(genres::contains)) {
          genre += weight * (t.year() > 0 && decades.contains(t.year() / 10) ? DECADE_BOOST : 1);
        }
        appeal += t.appeal();
        byPerson[i] = person;
        byGenre[i] = genre;
        byAppeal[i] = appeal;
      }
    }

    /** Each title's chance of being drawn as a play of this kind, times the kind's share. */
    void chances(double share, Map<Long, Double> into) {
      double[] pools = shares();
      for (int i = 0; i < titles.size(); i++) {
        into.put(
            titles.get(i).id(),
            share
                * (pools[0] * step(byPerson, i)
                    + pools[1] * step(byGenre, i)
                    + pools[2] * step(byAppeal, i)));
      }
    }

    Title draw(Random random) {
      double[] pools = shares();
      double which = random.nextDouble();
      double[] cumulative =
          which < pools[0] ? byPerson : which < pools[0] + pools[1] ? byGenre : byAppeal;
      double point = random.nextDouble() * total(cumulative);
      int at = Arrays.binarySearch(cumulative, point);
      return titles.get(Math.min(titles.size() - 1, at < 0 ? -at - 1 : at));
    }

    /** The chance of each pool: by a person, by a genre, by appeal. */
    private double[] shares() {
      double person = total(byPerson) > 0 ? (1 - NOISE) * PERSON_SHARE : 0;
      double genre = total(byGenre) > 0 ? 1 - NOISE - person : 0;
      return new double[] {person, genre, 1 - person - genre};
    }

    /** A title's share of a pool. */
    private static double step(double[] cumulative, int i) {
      double total = total(cumulative);
      return total == 0 ? 0 : (cumulative[i] - (i == 0 ? 0 : cumulative[i - 1])) / total;
    }

    private static double total(double[] cumulative) {
      return cumulative[cumulative.length - 1];
    }
  }

  private int[] distinct(int count, int from, int size) {
    Set<Integer> picked = new java.util.LinkedHashSet<>();
    while (picked.size() < count) {
      picked.add(from + skewed(size));
    }
    return picked.stream().mapToInt(Integer::intValue).toArray();
  }

  /** 0..size-1, the low numbers far more often (a Zipf-like skew). */
  private int skewed(int size) {
    return (int) Math.min(size - 1, Math.floor(size * Math.pow(random.nextDouble(), 2.2)));
  }

  private int decadeYear() {
    int[] decades = {1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020};
    double[] weights = {0.03, 0.05, 0.08, 0.12, 0.17, 0.2, 0.25, 0.1};
    double point = random.nextDouble();
    for (int i = 0; i < decades.length; i++) {
      point -= weights[i];
      if (point <= 0) {
        return decades[i];
      }
    }
    return 2010;
  }

  private double rating() {
    return Math.round((4 + random.nextDouble() * 5) * 10) / 10.0;
  }

  private double appeal() {
    return Math.exp(APPEAL_SPREAD * random.nextGaussian());
  }
}
