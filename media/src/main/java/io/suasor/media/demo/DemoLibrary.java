package io.suasor.media.demo;

import io.suasor.jobs.store.Database;
import io.suasor.media.MediaException;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.Role;
import io.suasor.media.model.SourceType;
import io.suasor.media.model.User;
import io.suasor.media.source.local.LocalSourceConfig;
import io.suasor.media.store.NewSource;
import io.suasor.media.store.SourceStore;
import io.suasor.media.store.UserStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * A realistic library on disk for demonstrations and tests: movie, series and music folders in the
 * usual layouts with Kodi NFO files, and empty media files (no media bytes are needed to sync). The
 * same seed writes the same library.
 */
public final class DemoLibrary {
  public static final String DEMO_USER = "demo";
  public static final String DEMO_SOURCE = "Demo library";

  /** How much to write. */
  public record Size(
      int movies,
      int series,
      int seasonsPerSeries,
      int episodesPerSeason,
      int artists,
      int albumsPerArtist,
      int tracksPerAlbum) {

    /** Hundreds of items: what {@code suasor demo} writes. */
    public static final Size DEMO = new Size(250, 25, 3, 8, 20, 3, 10);

    public int episodes() {
      return series * seasonsPerSeries * episodesPerSeason;
    }

    public int albums() {
      return artists * albumsPerArtist;
    }

    public int tracks() {
      return albums() * tracksPerAlbum;
    }

    /**
     * Items a sync of the library makes: every movie, series, season, episode, artist, album,
     * track.
     */
    public int items() {
      return movies
          + series
          + series * seasonsPerSeries
          + episodes()
          + artists
          + albums()
          + tracks();
    }
  }

  /** What was written: the folders of the three libraries and the number of files. */
  public record Written(Path movies, Path series, Path music, int files) {
    public LocalSourceConfig config() {
      return new LocalSourceConfig(movies, series, music);
    }
  }

  private final Random random;
  private final Names names;
  private int files;

  public DemoLibrary(long seed) {
    this.random = new Random(seed);
    this.names = new Names(random);
  }

  public Written write(Path folder, Size size) {
    Path movies = folder.resolve("Movies");
    Path series = folder.resolve("Series");
    Path music = folder.resolve("Music");
    try {
      for (int i = 0; i < size.movies(); i++) {
        writeMovie(movies, i);
      }
      for (int i = 0; i < size.series(); i++) {
        writeSeries(series, i, size);
      }
      for (int i = 0; i < size.artists(); i++) {
        writeArtist(music, i, size);
      }
      writePlaylist(music);
    } catch (IOException e) {
      throw new MediaException("cannot write the demo library into " + folder, e);
    }
    return new Written(movies, series, music, files);
  }

  /**
   * Creates the demo user and its local source over a written library, or points the existing demo
   * source at it, so that running the demo twice leaves one user and one source.
   */
  public static MediaSource install(
      Database database, SourceStore sources, Written library, Clock clock) {
    Instant now = clock.instant();
    UserStore users = new UserStore(database);
    User user =
        users
            .byUsername(DEMO_USER)
            .orElseGet(() -> users.create(DEMO_USER, null, Role.USER, true, now));
    String config = library.config().toJson();
    Duration interval = Duration.ofHours(1);
    for (MediaSource existing : sources.byUser(user.id())) {
      if (existing.name().equals(DEMO_SOURCE)) {
        sources.update(existing.id(), DEMO_SOURCE, config, null, true, interval, now);
        return sources.byId(existing.id()).orElseThrow();
      }
    }
    return sources.create(
        new NewSource(user.id(), SourceType.LOCAL, DEMO_SOURCE, config, null, interval), now);
  }

  private void writeMovie(Path root, int index) throws IOException {
    String title = names.uniqueTitle();
    int year = 1960 + random.nextInt(64);
    String name = title + " (" + year + ")";
    Path dir = root.resolve(name);
    touch(dir.resolve(name + ".mkv"));
    // Both NFO names occur in real libraries; write each for half the movies.
    Path nfo = index % 2 == 0 ? dir.resolve(name + ".nfo") : dir.resolve("movie.nfo");
    String watched =
        index % 5 == 0
            ? "  <playcount>"
                + (1 + random.nextInt(3))
                + "</playcount>\n"
                + "  <lastplayed>2024-0"
                + (1 + random.nextInt(9))
                + "-1"
                + random.nextInt(10)
                + " 20:30:00</lastplayed>\n"
            : "";
    write(
        nfo,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<movie>\n"
            + "  <title>"
            + title
            + "</title>\n"
            + "  <year>"
            + year
            + "</year>\n"
            + "  <plot>"
            + names.plot()
            + "</plot>\n"
            + names.genres("  ")
            + "  <studio>"
            + names.studio()
            + "</studio>\n"
            // A length from the index, not the random generator, so the rest of the library is
            // the same whatever the lengths are.
            + "  <runtime>"
            + (85 + index * 7 % 60)
            + "</runtime>\n"
            + "  <ratings><rating name=\"imdb\" default=\"true\"><value>"
            + (40 + random.nextInt(50)) / 10.0
            + "</value></rating></ratings>\n"
            + "  <uniqueid type=\"imdb\" default=\"true\">tt"
            + (1_000_000 + index)
            + "</uniqueid>\n"
            + "  <uniqueid type=\"tmdb\">"
            + (10_000 + index)
            + "</uniqueid>\n"
            + names.actors("  ", 3)
            + "  <director>"
            + names.person()
            + "</director>\n"
            + watched
            + "</movie>\n");
  }

  private void writeSeries(Path root, int index, Size size) throws IOException {
    String title = names.uniqueTitle();
    int year = 1990 + random.nextInt(34);
    String show = title + " (" + year + ")";
    Path dir = root.resolve(show);
    write(
        dir.resolve("tvshow.nfo"),
        "<tvshow>\n  <title>"
            + title
            + "</title>\n  <year>"
            + year
            + "</year>\n"
            + "  <plot>"
            + names.plot()
            + "</plot>\n"
            + names.genres("  ")
            + "  <uniqueid type=\"tvdb\" default=\"true\">"
            + (70_000 + index)
            + "</uniqueid>\n"
            + names.actors("  ", 4)
            + "</tvshow>\n");
    for (int s = 1; s <= size.seasonsPerSeries(); s++) {
      Path season = dir.resolve(String.format("Season %02d", s));
      for (int e = 1; e <= size.episodesPerSeason(); e++) {
        String episodeTitle = names.episodeTitle();
        String base = String.format("%s S%02dE%02d - %s", title, s, e, episodeTitle);
        touch(season.resolve(base + ".mkv"));
        write(
            season.resolve(base + ".nfo"),
            "<episodedetails>\n  <title>"
                + episodeTitle
                + "</title>\n"
                + "  <season>"
                + s
                + "</season>\n  <episode>"
                + e
                + "</episode>\n"
                + "  <aired>"
                + (year + s - 1)
                + "-0"
                + (1 + e % 9)
                + "-15</aired>\n"
                + "  <runtime>"
                + (40 + e % 15)
                + "</runtime>\n"
                + "  <plot>"
                + names.plot()
                + "</plot>\n"
                + "  <director>"
                + names.person()
                + "</director>\n</episodedetails>\n");
      }
    }
  }

  private void writeArtist(Path root, int index, Size size) throws IOException {
    String artist = names.uniqueArtist();
    Path dir = root.resolve(artist);
    for (int a = 0; a < size.albumsPerArtist(); a++) {
      String album = names.uniqueTitle();
      int year = 1965 + random.nextInt(59);
      Path albumDir = dir.resolve(album + " (" + year + ")");
      if (a == 0) {
        write(
            albumDir.resolve("album.nfo"),
            "<album>\n  <title>"
                + album
                + "</title>\n  <year>"
                + year
                + "</year>\n"
                + names.genres("  ")
                + "</album>\n");
      }
      for (int t = 1; t <= size.tracksPerAlbum(); t++) {
        String extension = new String[] {"flac", "mp3", "m4a", "ogg"}[(index + t) % 4];
        touch(albumDir.resolve(String.format("%02d - %s.%s", t, names.episodeTitle(), extension)));
      }
    }
  }

  /** A playlist of the first tracks of the library, as a music player would save it. */
  private void writePlaylist(Path music) throws IOException {
    if (!Files.isDirectory(music)) {
      return;
    }
    StringBuilder lines = new StringBuilder("#EXTM3U\n");
    try (var tracks = Files.walk(music)) {
      tracks
          .filter(path -> path.toString().endsWith(".flac"))
          .sorted()
          .limit(20)
          .forEach(
              path ->
                  lines.append(music.relativize(path).toString().replace('\\', '/')).append('\n'));
    }
    write(music.resolve("Road Trip.m3u"), lines.toString());
  }

  private void touch(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[0]);
    files++;
  }

  private void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    files++;
  }
}
