package io.suasor.media.recommend;

import io.suasor.jobs.store.Database;
import io.suasor.media.model.ActivityProfile;
import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Recommendation;
import io.suasor.media.model.Recommender;
import io.suasor.media.model.Role;
import io.suasor.media.model.User;
import io.suasor.media.store.ActivityProfileStore;
import io.suasor.media.store.RecommendationStore;
import io.suasor.media.store.UserStore;
import io.suasor.media.testing.MediaFixture;
import io.suasor.media.testing.RecordingTracker;
import io.suasor.media.testing.TasteLibrary;
import io.suasor.media.testing.TasteLibrary.People;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in recommender and the recommendation service over a small scripted library: ana
 * watched Serenity, Firefly, The Expanse and Galaxy Quest and listened to Nina Simone's Pastel
 * Blues; the library holds one title planted to match her best (science fiction and adventure of
 * the 2000s with Nathan Fillion and Gina Torres, directed by Joss Whedon), partial matches, and
 * titles that match nothing. The tests are in {@link RankingContract} and {@link
 * RecommendationRunContract}, each subclassed once per database.
 */
abstract class RecommendationContract {
  static final String SF = "Science Fiction";

  @TempDir Path temp;
  MediaFixture fixture;
  TasteLibrary library;
  UserStore users;
  RecommendationStore recommendations;
  User ana;
  long serenity;
  long firefly;
  long expanse;
  long galaxyQuest;
  long pastelBlues;
  long planted;
  long slither;
  long castle;
  long alien;
  long darkMatter;
  long heat;
  long nottingHill;
  long planetEarth;
  long ninaSimone;
  long billieHoliday;
  List<Long> ninaAlbums;

  abstract Database database(Path folder);

  @BeforeEach
  void setUp() {
    fixture = new MediaFixture(database(temp));
    library = new TasteLibrary(fixture.database, fixture.clock);
    users = new UserStore(fixture.database);
    recommendations = new RecommendationStore(fixture.database);
    ana = user("ana");
    People whedon =
        People.of(List.of("Nathan Fillion", "Gina Torres", "Alan Tudyk"), List.of("Joss Whedon"));
    serenity = library.movie("Serenity", 2005, 8.0, List.of(SF, "Adventure"), whedon);
    firefly = library.series("Firefly", 2002, 9.0, List.of(SF, "Western"), whedon, 4);
    expanse =
        library.series(
            "The Expanse",
            2015,
            8.5,
            List.of(SF, "Drama"),
            People.of(List.of("Steven Strait", "Dominique Tipper"), List.of()),
            4);
    galaxyQuest =
        library.movie(
            "Galaxy Quest",
            1999,
            7.4,
            List.of(SF, "Comedy"),
            People.of(List.of("Tim Allen", "Sigourney Weaver"), List.of("Dean Parisot")));
    planted =
        library.movie(
            "Lightyear Drift",
            2004,
            7.9,
            List.of(SF, "Adventure"),
            People.of(List.of("Nathan Fillion", "Gina Torres"), List.of("Joss Whedon")));
    slither =
        library.movie(
            "Slither",
            2006,
            6.5,
            List.of("Horror", SF, "Comedy"),
            People.of(List.of("Nathan Fillion", "Elizabeth Banks"), List.of("James Gunn")));
    castle =
        library.series(
            "Castle",
            2009,
            7.6,
            List.of("Crime", "Comedy"),
            People.of(List.of("Nathan Fillion", "Stana Katic"), List.of()),
            3);
    alien =
        library.movie(
            "Alien",
            1979,
            8.5,
            List.of(SF, "Horror"),
            People.of(List.of("Sigourney Weaver", "Tom Skerritt"), List.of("Ridley Scott")));
    darkMatter =
        library.series(
            "Dark Matter",
            2015,
            6.9,
            List.of(SF, "Adventure"),
            People.of(List.of("Marc Bendavid"), List.of()),
            3);
    heat =
        library.movie(
            "Heat",
            1995,
            8.3,
            List.of("Crime", "Drama"),
            People.of(List.of("Al Pacino", "Robert De Niro"), List.of("Michael Mann")));
    nottingHill =
        library.movie(
            "Notting Hill",
            1999,
            7.2,
            List.of("Romance", "Comedy"),
            People.of(List.of("Hugh Grant", "Julia Roberts"), List.of("Roger Michell")));
    planetEarth = library.series("Planet Earth", 2006, 9.4, List.of("Documentary"), People.NONE, 2);
    ninaSimone = library.artist("Nina Simone", List.of("Jazz", "Soul"));
    pastelBlues = library.album(ninaSimone, "Pastel Blues", 1965, 8.0, List.of("Jazz", "Soul"));
    ninaAlbums =
        List.of(
            library.album(ninaSimone, "Wild Is the Wind", 1966, 7.8, List.of("Jazz", "Soul")),
            library.album(ninaSimone, "Little Girl Blue", 1959, 7.9, List.of("Jazz")),
            library.album(ninaSimone, "Baltimore", 1978, 6.5, List.of("Jazz", "Soul")));
    billieHoliday = library.artist("Billie Holiday", List.of("Jazz"));
    library.album(billieHoliday, "Lady in Satin", 1958, 7.9, List.of("Jazz"));
    long metallica = library.artist("Metallica", List.of("Metal"));
    library.album(metallica, "Master of Puppets", 1986, 9.0, List.of("Metal"));
    library.fillers(200, 13);
    likesWhatAnaLikes(ana);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  /** Ana's history, a few weeks old: finished titles, one rated, one album listened to. */
  void likesWhatAnaLikes(User user) {
    Instant now = fixture.clock.instant();
    library.finished(user.id(), serenity, now.minus(Duration.ofDays(20)));
    library.finished(user.id(), firefly, now.minus(Duration.ofDays(10)));
    library.finished(user.id(), expanse, now.minus(Duration.ofDays(30)));
    library.rated(user.id(), galaxyQuest, 9, now.minus(Duration.ofDays(40)));
    library.finished(user.id(), pastelBlues, now.minus(Duration.ofDays(15)));
  }

  User user(String name) {
    return users.create(name, null, Role.USER, true, fixture.clock.instant());
  }

  RecommendationService service() {
    return service(SuggestionSource.none());
  }

  RecommendationService service(SuggestionSource others) {
    return new RecommendationService(
        fixture.database, fixture.clock, RecommenderSettings.defaults(), others);
  }

  RecommendationReport runAll() {
    return service().recommendAll(7, RecordingTracker.watching());
  }

  List<Recommendation> active(User user) {
    return recommendations.byUser(user.id(), true, fixture.clock.instant(), 100);
  }

  List<Long> itemIds(List<Recommendation> list) {
    return list.stream().map(Recommendation::mediaItemId).toList();
  }

  void prefer(User user, UnaryOperator<Preferences> change) {
    Preferences p = change.apply(new Preferences());
    users.savePreferences(
        new JobPreferences(
            user.id(),
            java.time.ZoneId.of(p.timeZone),
            true,
            p.enabled,
            p.recommender,
            null,
            p.recommender == Recommender.BUILTIN ? null : "test-model",
            p.max,
            true,
            JobPreferences.DEFAULT_MAX_NOTIFICATIONS_PER_DAY,
            p.mediaTypes,
            p.minRating,
            p.preferred,
            p.excluded,
            fixture.clock.instant()));
  }

  void profile(User user, String json) {
    new ActivityProfileStore(fixture.database)
        .save(new ActivityProfile(user.id(), json, fixture.clock.instant(), 0));
  }

  /** Job preferences as a test changes them; the defaults otherwise. */
  static final class Preferences {
    String timeZone = "UTC";
    boolean enabled = true;
    Recommender recommender = Recommender.BUILTIN;
    int max = JobPreferences.DEFAULT_MAX_RECOMMENDATIONS;
    List<MediaType> mediaTypes = List.of();
    Double minRating;
    List<String> preferred = List.of();
    List<String> excluded = List.of();

    Preferences max(int value) {
      max = value;
      return this;
    }

    Preferences types(MediaType... types) {
      mediaTypes = List.of(types);
      return this;
    }

    Preferences minRating(double value) {
      minRating = value;
      return this;
    }

    Preferences preferred(String... genres) {
      preferred = List.of(genres);
      return this;
    }

    Preferences excluded(String... genres) {
      excluded = List.of(genres);
      return this;
    }

    Preferences off() {
      enabled = false;
      return this;
    }

    Preferences recommender(Recommender value) {
      recommender = value;
      return this;
    }

    Preferences zone(String zone) {
      timeZone = zone;
      return this;
    }
  }
}
