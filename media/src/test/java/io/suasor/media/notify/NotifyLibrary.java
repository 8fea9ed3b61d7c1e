package io.suasor.media.notify;

import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.model.SourceType;
import io.suasor.media.model.User;
import io.suasor.media.model.UserItemData;
import io.suasor.media.store.ItemStore;
import io.suasor.media.store.NewItem;
import io.suasor.media.store.NewSource;
import io.suasor.media.store.UserDataStore;
import io.suasor.media.testing.MediaFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes items into users' sources as a sync would (an item, then its reference in a source,
 * stamped with when the source first held it), and users' plays and favourites, for the
 * notification tests.
 */
final class NotifyLibrary {
  private final MediaFixture fixture;
  private final ItemStore items;
  private final UserDataStore data;

  NotifyLibrary(MediaFixture fixture) {
    this.fixture = fixture;
    this.items = new ItemStore(fixture.database);
    this.data = new UserDataStore(fixture.database);
  }

  /** A series of one season, with the ids of its parts. */
  record Series(long id, long season, List<Long> episodes) {}

  long source(User owner, String name) {
    return fixture
        .sources
        .create(
            new NewSource(owner.id(), SourceType.LOCAL, name, "{}", null, Duration.ofHours(1)),
            fixture.clock.instant())
        .id();
  }

  long movie(long source, String title, Double rating, List<String> genres) {
    return movie(source, title, rating, genres, Map.of());
  }

  long movie(
      long source,
      String title,
      Double rating,
      List<String> genres,
      Map<ExternalProvider, String> ids) {
    long id = insert(MediaType.MOVIE, metadata(title, 2020, rating, genres, ids), null, null);
    hold(source, id);
    return id;
  }

  Series series(
      long source,
      String title,
      Double rating,
      List<String> genres,
      Map<ExternalProvider, String> ids,
      int episodes) {
    long series = insert(MediaType.SERIES, metadata(title, 2002, rating, genres, ids), null, null);
    hold(source, series);
    long season =
        insert(
            MediaType.SEASON, ItemMetadata.titled("Season 1", 2002), series, Numbering.season(1));
    hold(source, season);
    List<Long> parts = new java.util.ArrayList<>();
    for (int e = 1; e <= episodes; e++) {
      parts.add(episode(source, new Series(series, season, List.of()), title, e));
    }
    return new Series(series, season, parts);
  }

  long episode(long source, Series series, String title, int number) {
    long id =
        items
            .insert(
                new NewItem(
                    MediaType.EPISODE,
                    ItemMetadata.titled(title + " episode " + number, 2002),
                    series.season(),
                    series.id(),
                    Numbering.episode(1, number)),
                fixture.clock.instant())
            .id();
    hold(source, id);
    return id;
  }

  /** An artist's album of {@code tracks} tracks, all new to the source. */
  long album(long source, String artist, String title, List<String> genres, int tracks) {
    long artistId =
        insert(MediaType.ARTIST, metadata(artist, null, null, genres, Map.of()), null, null);
    hold(source, artistId);
    long album =
        insert(MediaType.ALBUM, metadata(title, 1965, 8.0, genres, Map.of()), artistId, null);
    hold(source, album);
    for (int t = 1; t <= tracks; t++) {
      long track =
          insert(
              MediaType.TRACK,
              ItemMetadata.titled(title + " track " + t, 1965),
              album,
              Numbering.track(1, t));
      hold(source, track);
    }
    return album;
  }

  /** The source holds the item from now on (as a sync writes its reference). */
  void hold(long source, long item) {
    Instant now = fixture.clock.instant();
    fixture.database.write(
        "reference item " + item,
        c ->
            Jdbc.update(
                c,
                """
                INSERT INTO item_refs (source_id, source_item_id, item_id, fingerprint,
                    last_synced_at, added_at)
                VALUES (?, ?, ?, '', ?, ?)
                """,
                source,
                "item-" + item,
                item,
                now,
                now));
  }

  void played(User user, long item, Instant when) {
    data.save(new UserItemData(user.id(), item, 1, when, 100, false, null, false, when));
  }

  void favourite(User user, long item) {
    Instant now = fixture.clock.instant();
    data.save(new UserItemData(user.id(), item, 0, null, 0, true, null, false, now));
  }

  private long insert(MediaType type, ItemMetadata metadata, Long parent, Numbering numbering) {
    return items
        .insert(
            new NewItem(
                type, metadata, parent, null, numbering == null ? Numbering.NONE : numbering),
            fixture.clock.instant())
        .id();
  }

  private static ItemMetadata metadata(
      String title,
      Integer year,
      Double rating,
      List<String> genres,
      Map<ExternalProvider, String> ids) {
    return new ItemMetadata(
        title, null, null, year, null, null, null, rating, null, ids, genres, List.of(), List.of());
  }
}
