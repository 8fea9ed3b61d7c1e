package io.suasor.media.collections;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.SettableClock;
import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.model.UserItemData;
import io.suasor.media.store.ItemStore;
import io.suasor.media.store.NewItem;
import io.suasor.media.store.UserDataStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes described items straight into the stores, each added the given number of days before the
 * clock's time, and a user's data of them. Episodes and tracks have no year, genre or people of
 * their own, so that rules on those select only the titles planted for them.
 */
final class PlantedLibrary {
  private final ItemStore items;
  private final UserDataStore data;
  private final SettableClock clock;

  PlantedLibrary(Database database, SettableClock clock) {
    this.items = new ItemStore(database);
    this.data = new UserDataStore(database);
    this.clock = clock;
  }

  /** What describes a planted title. */
  record Title(
      String title,
      Integer year,
      Double rating,
      Integer minutes,
      List<String> genres,
      List<Credit> credits,
      int addedDaysAgo) {}

  static Credit actor(String name) {
    return new Credit(name, CreditRole.ACTOR, null, 0);
  }

  static Credit director(String name) {
    return new Credit(name, CreditRole.DIRECTOR, null, 0);
  }

  static Credit artist(String name) {
    return new Credit(name, CreditRole.ARTIST, null, 0);
  }

  long movie(Title title) {
    return insert(MediaType.MOVIE, title, null, null, Numbering.NONE);
  }

  /** A series with one season of {@code episodes}; returns the series and then its episodes. */
  List<Long> series(Title title, int episodes) {
    List<Long> ids = new ArrayList<>();
    long series = insert(MediaType.SERIES, title, null, null, Numbering.NONE);
    ids.add(series);
    long season = part(MediaType.SEASON, "Season 1", title, series, null, Numbering.season(1));
    for (int e = 1; e <= episodes; e++) {
      ids.add(
          part(
              MediaType.EPISODE,
              title.title() + " " + e,
              title,
              season,
              series,
              Numbering.episode(1, e)));
    }
    return ids;
  }

  long artist(String name, int addedDaysAgo) {
    return insert(
        MediaType.ARTIST,
        new Title(name, null, null, null, List.of(), List.of(), addedDaysAgo),
        null,
        null,
        Numbering.NONE);
  }

  /** An album of {@code tracks} under the artist; returns the album and then its tracks. */
  List<Long> album(long artist, Title title, int tracks) {
    List<Long> ids = new ArrayList<>();
    long album = insert(MediaType.ALBUM, title, artist, null, Numbering.NONE);
    ids.add(album);
    for (int t = 1; t <= tracks; t++) {
      ids.add(
          part(
              MediaType.TRACK, title.title() + " " + t, title, album, null, Numbering.track(1, t)));
    }
    return ids;
  }

  void played(long user, long item, int plays, double percent, boolean favourite, int daysAgo) {
    Instant when = clock.instant().minus(Duration.ofDays(daysAgo));
    data.save(
        new UserItemData(
            user, item, plays, when, percent, favourite, null, false, clock.instant()));
  }

  private long part(
      MediaType type, String name, Title of, long parent, Long series, Numbering numbering) {
    Title plain = new Title(name, null, null, null, List.of(), List.of(), of.addedDaysAgo());
    return insert(type, plain, parent, series, numbering);
  }

  private long insert(MediaType type, Title title, Long parent, Long series, Numbering numbering) {
    ItemMetadata metadata =
        new ItemMetadata(
            title.title(),
            null,
            null,
            title.year(),
            null,
            null,
            null,
            title.rating(),
            title.minutes() == null ? null : title.minutes() * 60,
            Map.of(),
            title.genres(),
            List.of(),
            title.credits());
    Instant added = clock.instant().minus(Duration.ofDays(title.addedDaysAgo()));
    return items.insert(new NewItem(type, metadata, parent, series, numbering), added).id();
  }
}
