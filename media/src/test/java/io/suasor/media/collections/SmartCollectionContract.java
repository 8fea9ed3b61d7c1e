package io.suasor.media.collections;

import static io.suasor.media.collections.PlantedLibrary.actor;
import static io.suasor.media.collections.PlantedLibrary.artist;
import static io.suasor.media.collections.PlantedLibrary.director;

import io.suasor.jobs.store.Database;
import io.suasor.media.collections.PlantedLibrary.Title;
import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.Role;
import io.suasor.media.model.User;
import io.suasor.media.store.UserStore;
import io.suasor.media.testing.MediaFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A planted library for smart collections: five films, two series, an artist with an album, and
 * ana's data of them (Alpha finished and a favourite, Bravo 40 % in, every episode of Foxtrot
 * finished, one of Golf's two, half a track of India). The tests are in {@link RuleContract} and
 * {@link SmartCollectionRunContract}, each subclassed once per database.
 */
abstract class SmartCollectionContract {
  @TempDir Path temp;
  MediaFixture fixture;
  PlantedLibrary library;
  UserStore users;
  SmartCollectionService service;
  User ana;
  long alpha;
  long bravo;
  long charlie;
  long delta;
  long echo;
  long foxtrot;
  long golf;
  long hotelBand;
  long india;

  abstract Database database(Path folder);

  @BeforeEach
  void plant() {
    fixture = new MediaFixture(database(temp));
    fixture.clock.set(Instant.parse("2026-06-15T12:00:00Z"));
    library = new PlantedLibrary(fixture.database, fixture.clock);
    users = new UserStore(fixture.database);
    service = new SmartCollectionService(fixture.database, fixture.clock);
    ana = user("ana");
    alpha =
        library.movie(
            new Title(
                "Alpha",
                1994,
                8.1,
                100,
                List.of("Drama"),
                List.of(actor("Ann Actor"), director("Dee Rector")),
                40));
    bravo =
        library.movie(
            new Title(
                "Bravo",
                1999,
                6.5,
                130,
                List.of("Comedy", "Drama"),
                List.of(actor("Ann Actor")),
                10));
    charlie =
        library.movie(
            new Title(
                "Charlie",
                2005,
                7.3,
                95,
                List.of("Christmas", "Family"),
                List.of(director("Dee Rector")),
                3));
    delta = library.movie(new Title("Delta", 1989, null, 85, List.of("Horror"), List.of(), 100));
    echo = library.movie(new Title("Echo", null, 9.0, null, List.of("Drama"), List.of(), 1));
    List<Long> foxtrotParts =
        library.series(new Title("Foxtrot", 2010, 8.5, null, List.of("Drama"), List.of(), 50), 3);
    foxtrot = foxtrotParts.get(0);
    List<Long> golfParts =
        library.series(new Title("Golf", 2015, 7.0, null, List.of("Comedy"), List.of(), 60), 2);
    golf = golfParts.get(0);
    hotelBand = library.artist("Hotel Band", 70);
    List<Long> indiaParts =
        library.album(
            hotelBand,
            new Title("India", 2001, 7.9, null, List.of("Rock"), List.of(artist("Hotel Band")), 70),
            3);
    india = indiaParts.get(0);

    library.played(ana.id(), alpha, 1, 100, true, 5);
    library.played(ana.id(), bravo, 0, 40, false, 2);
    for (long episode : foxtrotParts.subList(1, 4)) {
      library.played(ana.id(), episode, 1, 100, false, 1);
    }
    library.played(ana.id(), golfParts.get(1), 1, 100, false, 3);
    library.played(ana.id(), indiaParts.get(1), 0, 50, false, 4);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  User user(String name) {
    return users.create(name, null, Role.USER, true, fixture.clock.instant());
  }

  void zone(User user, String zone) {
    JobPreferences defaults = JobPreferences.defaults(user.id(), fixture.clock.instant());
    users.savePreferences(
        new JobPreferences(
            user.id(),
            ZoneId.of(zone),
            defaults.analysisEnabled(),
            defaults.recommendationsEnabled(),
            defaults.recommender(),
            null,
            null,
            defaults.maxRecommendations(),
            defaults.notificationsEnabled(),
            defaults.maxNotificationsPerDay(),
            List.of(),
            null,
            List.of(),
            List.of(),
            fixture.clock.instant()));
  }

  /** What the rules (the JSON of {@code rules} alone) select for the user, in order. */
  List<Long> select(User user, String rules, String sort, Integer limit) {
    String document =
        "{\"rules\":"
            + rules
            + (sort == null ? "" : ",\"sort\":" + sort)
            + (limit == null ? "" : ",\"limit\":" + limit)
            + "}";
    return service.evaluate(RuleParser.parse(document), user.id());
  }

  List<Long> select(String rules) {
    return select(ana, rules, null, null);
  }
}
