package io.suasor.media.analysis;

import io.suasor.jobs.store.Database;
import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.store.ItemStore;
import io.suasor.media.store.NewItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small library whose numbers the activity tests add up by hand: two series (episodes without
 * genres, year or cast of their own, so they inherit their series'), three films (one without a
 * length, one with six billed actors) and an artist with an album of two tracks.
 */
final class ActivityLibrary {
  static final int EPISODE_SECONDS = 45 * 60;
  static final int FIREFLY_EPISODE_SECONDS = 40 * 60;

  final long expanse;
  final List<Long> expanseEpisodes = new ArrayList<>();
  final long firefly;
  final List<Long> fireflyEpisodes = new ArrayList<>();
  final long serenity;
  final long heat;
  final long lostReel;
  final long nina;
  final long sinnerman;
  final long beMyHusband;

  ActivityLibrary(Database database, Instant now) {
    ItemStore items = new ItemStore(database);
    expanse =
        add(
            items,
            now,
            MediaType.SERIES,
            metadata(
                "The Expanse",
                2015,
                null,
                List.of("Drama", "Science Fiction"),
                actors("Steven Strait", "Dominique Tipper")),
            null,
            null,
            Numbering.NONE);
    long expanseSeason =
        add(
            items,
            now,
            MediaType.SEASON,
            metadata("Season 1", null, null, List.of(), List.of()),
            expanse,
            expanse,
            Numbering.season(1));
    for (int e = 1; e <= 7; e++) {
      expanseEpisodes.add(
          add(
              items,
              now,
              MediaType.EPISODE,
              metadata("Expanse " + e, null, EPISODE_SECONDS, List.of(), List.of()),
              expanseSeason,
              expanse,
              Numbering.episode(1, e)));
    }
    firefly =
        add(
            items,
            now,
            MediaType.SERIES,
            metadata(
                "Firefly",
                2002,
                null,
                List.of("Science Fiction", "Western"),
                actors("Nathan Fillion")),
            null,
            null,
            Numbering.NONE);
    for (int e = 1; e <= 3; e++) {
      // No series link: the episode reaches its series through its season.
      long season =
          add(
              items,
              now,
              MediaType.SEASON,
              metadata("Firefly season " + e, null, null, List.of(), List.of()),
              firefly,
              firefly,
              Numbering.season(e));
      fireflyEpisodes.add(
          add(
              items,
              now,
              MediaType.EPISODE,
              metadata("Firefly " + e, null, FIREFLY_EPISODE_SECONDS, List.of(), List.of()),
              season,
              null,
              Numbering.episode(e, 1)));
    }
    List<Credit> serenityCredits = new ArrayList<>(actors("Nathan Fillion"));
    serenityCredits.add(new Credit("Joss Whedon", CreditRole.DIRECTOR, null, 0));
    serenity =
        movie(
            items,
            now,
            "Serenity",
            2005,
            120 * 60,
            List.of("Action", "Science Fiction"),
            serenityCredits);
    List<Credit> heatCredits =
        new ArrayList<>(
            actors(
                "Al Pacino",
                "Robert De Niro",
                "Val Kilmer",
                "Jon Voight",
                "Tom Sizemore",
                "Diane Venora"));
    heatCredits.add(new Credit("Michael Mann", CreditRole.DIRECTOR, null, 0));
    heat = movie(items, now, "Heat", 1995, 170 * 60, List.of("Crime", "Drama"), heatCredits);
    lostReel = movie(items, now, "The Lost Reel", 1999, null, List.of("Drama"), List.of());
    nina =
        add(
            items,
            now,
            MediaType.ARTIST,
            metadata("Nina Simone", null, null, List.of("Jazz"), List.of()),
            null,
            null,
            Numbering.NONE);
    List<Credit> artist = List.of(new Credit("Nina Simone", CreditRole.ARTIST, null, 0));
    long album =
        add(
            items,
            now,
            MediaType.ALBUM,
            metadata("Pastel Blues", 1965, null, List.of("Blues", "Jazz"), artist),
            nina,
            null,
            Numbering.NONE);
    sinnerman =
        add(
            items,
            now,
            MediaType.TRACK,
            metadata("Sinnerman", null, 600, List.of(), artist),
            album,
            null,
            Numbering.track(1, 5));
    beMyHusband =
        add(
            items,
            now,
            MediaType.TRACK,
            metadata("Be My Husband", null, 180, List.of(), artist),
            album,
            null,
            Numbering.track(1, 1));
  }

  private static long movie(
      ItemStore items,
      Instant now,
      String title,
      int year,
      Integer seconds,
      List<String> genres,
      List<Credit> credits) {
    return add(
        items,
        now,
        MediaType.MOVIE,
        metadata(title, year, seconds, genres, credits),
        null,
        null,
        Numbering.NONE);
  }

  private static long add(
      ItemStore items,
      Instant now,
      MediaType type,
      ItemMetadata metadata,
      Long parent,
      Long series,
      Numbering numbering) {
    return items.insert(new NewItem(type, metadata, parent, series, numbering), now).id();
  }

  private static ItemMetadata metadata(
      String title, Integer year, Integer seconds, List<String> genres, List<Credit> credits) {
    return new ItemMetadata(
        title, null, null, year, null, null, null, null, seconds, Map.of(), genres, List.of(),
        credits);
  }

  private static List<Credit> actors(String... names) {
    List<Credit> credits = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      credits.add(new Credit(names[i], CreditRole.ACTOR, null, i));
    }
    return credits;
  }
}
