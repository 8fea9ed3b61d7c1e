package io.suasor.media.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.jobs.store.Database;
import io.suasor.media.WorkCancelledException;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Notification;
import io.suasor.media.model.NotificationPriority;
import io.suasor.media.model.Role;
import io.suasor.media.model.User;
import io.suasor.media.store.NotificationStore;
import io.suasor.media.store.UserStore;
import io.suasor.media.testing.MediaFixture;
import io.suasor.media.testing.RecordingTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The new-release notification service over users' libraries written as a sync writes them, and a
 * release calendar given as an input; subclassed once per database.
 */
abstract class NotificationContract {
  static final String SF = "Science Fiction";

  @TempDir Path temp;
  MediaFixture fixture;
  NotifyLibrary library;
  UserStore users;
  NotificationStore notifications;
  User ana;
  User bo;
  long anasFilms;

  abstract Database database(Path folder);

  @BeforeEach
  void setUp() {
    fixture = new MediaFixture(database(temp));
    library = new NotifyLibrary(fixture);
    users = new UserStore(fixture.database);
    notifications = new NotificationStore(fixture.database);
    ana = user("ana");
    bo = user("bo");
    anasFilms = library.source(ana, "Films");
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void newItemsAreToldOnceGroupedBySeriesAndAlbum() {
    long heat = library.movie(anasFilms, "Heat", 8.3, List.of("Crime"));
    NotifyLibrary.Series firefly =
        library.series(anasFilms, "Firefly", 9.0, List.of(SF), Map.of(), 3);
    long blues = library.album(anasFilms, "Nina Simone", "Pastel Blues", List.of("Jazz"), 3);

    RecordingTracker first = runAll(Optional.empty());

    List<Notification> told = inbox(ana);
    assertThat(told).hasSize(3).allMatch(n -> n.kind().equals("library.new"));
    assertThat(told)
        .extracting(Notification::itemId)
        .containsExactlyInAnyOrder(heat, firefly.id(), blues);
    Notification series = only(told, firefly.id());
    assertThat(series.title()).isEqualTo("New series in your library: Firefly");
    assertThat(series.message()).isEqualTo("Firefly (2002) was added with 3 episodes.");
    assertThat(series.itemCount()).isEqualTo(3);
    assertThat(series.priority()).isEqualTo(NotificationPriority.NORMAL);
    assertThat(only(told, blues).title())
        .isEqualTo("New album in your library: Pastel Blues by Nina Simone");
    assertThat(only(told, heat).expiresAt())
        .isEqualTo(fixture.clock.instant().plus(Duration.ofDays(30)));
    assertThat(inbox(bo)).isEmpty();
    // Movie, series, season, three episodes, artist, album, three tracks.
    assertThat(first.stat("newItemsFound")).isEqualTo(11);
    assertThat(first.stat("newItemNotifications")).isEqualTo(3);
    assertThat(first.stat("notificationsCreated")).isEqualTo(3);
    assertThat(first.stat("usersProcessed")).isEqualTo(2);

    fixture.clock.advance(Duration.ofMinutes(5));
    RecordingTracker again = runAll(Optional.empty());
    assertThat(again.stat("notificationsCreated")).isZero();
    assertThat(inbox(ana)).hasSize(3);

    fixture.clock.advance(Duration.ofDays(1));
    library.episode(anasFilms, firefly, "Firefly", 4);
    library.episode(anasFilms, firefly, "Firefly", 5);
    runAll(Optional.empty());
    Notification more = inbox(ana).get(0);
    assertThat(more.title()).isEqualTo("Firefly: 2 new episodes");
    assertThat(more.message()).isEqualTo("S01E04 and S01E05 were added to your library.");
    assertThat(more.itemCount()).isEqualTo(2);
    assertThat(inbox(ana)).hasSize(4);
  }

  @Test
  void theWatermarkIsEachUsersOwnAndAnItemNewToOneLibraryIsNewToIt() {
    long old = library.movie(anasFilms, "Old film", 7.0, List.of("Drama"));
    fixture.clock.advance(Duration.ofDays(2));
    long heat = library.movie(anasFilms, "Heat", 8.3, List.of("Crime"));

    runAll(Optional.empty());
    // A first run looks back a day: the film of two days ago is not news.
    assertThat(inbox(ana)).extracting(Notification::itemId).containsExactly(heat);

    fixture.clock.advance(Duration.ofHours(3));
    long anasOther = library.source(ana, "Other disk");
    library.hold(anasOther, heat);
    long bosFilms = library.source(bo, "Films");
    library.hold(bosFilms, heat);
    library.hold(bosFilms, old);
    RecordingTracker tracker = runAll(Optional.empty());

    assertThat(inbox(ana)).hasSize(1);
    assertThat(inbox(bo)).extracting(Notification::itemId).containsExactlyInAnyOrder(heat, old);
    assertThat(tracker.stat("newItemsFound")).isEqualTo(2);
  }

  @Test
  void theDailyLimitCountsWhatWasSentTodayInTheUsersTimeZone() {
    // 10:00 UTC on 1 March is 23:00 in Auckland.
    prefer(ana, p -> p.zone("Pacific/Auckland").limit(2));
    for (int i = 1; i <= 5; i++) {
      library.movie(anasFilms, "Film " + i, 7.0, List.of("Drama"));
    }
    RecordingTracker first = runAll(Optional.empty());
    assertThat(inbox(ana)).hasSize(2);
    assertThat(first.stat("skippedByLimit")).isEqualTo(3);

    fixture.clock.advance(Duration.ofMinutes(30));
    library.movie(anasFilms, "Film 6", 7.0, List.of("Drama"));
    RecordingTracker sameDay = runAll(Optional.empty());
    assertThat(inbox(ana)).hasSize(2);
    assertThat(sameDay.stat("skippedByLimit")).isEqualTo(1);

    // 00:30 in Auckland: a new day there, though not in UTC.
    fixture.clock.advance(Duration.ofHours(1));
    library.movie(anasFilms, "Film 7", 7.0, List.of("Drama"));
    runAll(Optional.empty());
    assertThat(inbox(ana)).hasSize(3);
    assertThat(inbox(ana).get(0).title()).isEqualTo("New in your library: Film 7 (2020)");
  }

  @Test
  void preferencesChooseMediaTypesGenresAndAMinimumRating() {
    prefer(ana, p -> p.types(List.of(MediaType.MOVIE)).excluded(List.of("horror")).minRating(7.0));
    prefer(bo, p -> p.off());
    long heat = library.movie(anasFilms, "Heat", 8.3, List.of("Crime"));
    long unrated = library.movie(anasFilms, "Unrated", null, List.of("Drama"));
    library.movie(anasFilms, "Scream", 7.5, List.of("Horror"));
    library.movie(anasFilms, "Meh", 5.0, List.of("Drama"));
    library.series(anasFilms, "Firefly", 9.0, List.of(SF), Map.of(), 2);
    library.movie(library.source(bo, "Films"), "Bo's film", 8.0, List.of("Drama"));

    RecordingTracker tracker = runAll(Optional.empty());

    assertThat(inbox(ana))
        .extracting(Notification::itemId)
        .containsExactlyInAnyOrder(heat, unrated);
    assertThat(tracker.stat("skippedByPreferences")).isEqualTo(3);
    assertThat(inbox(bo)).isEmpty();
    assertThat(tracker.stat("usersSkipped")).isEqualTo(1);
    assertThat(tracker.stat("usersProcessed")).isEqualTo(1);
  }

  @Test
  void releasesOfFollowedSeriesAndFilmsComeFromTheCalendarLeavingOutWhatTheUserHas() {
    LocalDate today = LocalDate.of(2026, 3, 1);
    prefer(ana, p -> p.zone("Europe/Berlin").preferred(List.of(SF)).excluded(List.of("Horror")));
    prefer(bo, p -> p.off());
    NotifyLibrary.Series firefly =
        library.series(
            anasFilms, "Firefly", 9.0, List.of(SF), Map.of(ExternalProvider.TMDB, "1437"), 3);
    NotifyLibrary.Series castle =
        library.series(
            anasFilms, "Castle", 7.6, List.of("Crime"), Map.of(ExternalProvider.TMDB, "1419"), 1);
    NotifyLibrary.Series expanse =
        library.series(
            anasFilms, "The Expanse", 8.5, List.of(SF), Map.of(ExternalProvider.TMDB, "63639"), 1);
    library.movie(anasFilms, "Heat", 8.3, List.of("Crime"), Map.of(ExternalProvider.TMDB, "949"));
    library.played(
        ana, firefly.episodes().get(0), fixture.clock.instant().minus(Duration.ofDays(10)));
    library.favourite(ana, castle.id());
    library.played(
        ana, expanse.episodes().get(0), fixture.clock.instant().minus(Duration.ofDays(200)));
    FixedReleaseCalendar calendar =
        new FixedReleaseCalendar()
            .episode("1437", "Firefly", 1, 3, "Our Mrs. Reynolds", today.minusDays(1))
            .episode("1437", "Firefly", 2, 1, "The Return", today.plusDays(3))
            .episode("1437", "Firefly", 2, 2, "Far Away", today.plusDays(30))
            .episode("1419", "Castle", 9, 1, "Hell to Pay", today.minusDays(2))
            .episode("63639", "The Expanse", 7, 1, "Not followed", today.plusDays(1))
            .movie("Heat", today.plusDays(2), "949", List.of("Crime"), 8.3)
            .movie("Dune: Part Three", today.plusDays(5), "1170608", List.of(SF), 8.1)
            .movie("Scream VII", today.plusDays(1), "1275068", List.of("Horror", SF), 7.0)
            .movie("Paddington", today.minusDays(3), "516729", List.of("Family"), 7.5);

    RecordingTracker tracker = runAll(Optional.of(calendar));

    List<Notification> releases =
        inbox(ana).stream().filter(n -> n.kind().startsWith("release.")).toList();
    assertThat(releases)
        .extracting(Notification::title)
        .containsExactlyInAnyOrder(
            "Firefly S02E01: The Return",
            "Castle S09E01: Hell to Pay",
            "Coming soon: Dune: Part Three (2026)");
    Notification returning = titled(releases, "Firefly S02E01: The Return");
    assertThat(returning.priority()).isEqualTo(NotificationPriority.HIGH);
    assertThat(returning.kind()).isEqualTo("release.episode");
    assertThat(returning.message()).isEqualTo("Airs on 4 March 2026.");
    assertThat(returning.releaseDate()).isEqualTo(today.plusDays(3));
    // Shown until the end of the seventh day after it airs, in the user's zone.
    assertThat(returning.expiresAt())
        .isEqualTo(today.plusDays(11).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant());
    assertThat(titled(releases, "Castle S09E01: Hell to Pay").message())
        .isEqualTo("Aired on 27 February 2026.");
    Notification dune = titled(releases, "Coming soon: Dune: Part Three (2026)");
    assertThat(dune.priority()).isEqualTo(NotificationPriority.LOW);
    assertThat(dune.externalIds()).isEqualTo(Map.of(ExternalProvider.TMDB, "1170608"));
    assertThat(dune.mediaType()).isEqualTo(MediaType.MOVIE);
    assertThat(tracker.stat("episodeNotifications")).isEqualTo(2);
    assertThat(tracker.stat("movieNotifications")).isEqualTo(1);
    // Firefly S01E03 and Heat are Ana's already; Scream is a horror film, Paddington no film
    // of a genre she prefers.
    assertThat(tracker.stat("skippedOwnedOrWatched")).isEqualTo(2);
    assertThat(tracker.stat("followedSeries")).isEqualTo(2);
    assertThat(calendar.episodeQuestions.get()).isEqualTo(2);
    assertThat(calendar.movieQuestions.get()).isEqualTo(1);

    fixture.clock.advance(Duration.ofHours(1));
    RecordingTracker again = runAll(Optional.of(calendar));
    assertThat(again.stat("notificationsCreated")).isZero();
    assertThat(again.stat("duplicates")).isEqualTo(3);
  }

  @Test
  void theDailyLimitKeepsAFollowedSeriesEpisodeBeforeNewItemsAndFilms() {
    LocalDate today = LocalDate.of(2026, 3, 1);
    prefer(ana, p -> p.limit(2));
    NotifyLibrary.Series firefly =
        library.series(
            anasFilms, "Firefly", 9.0, List.of(SF), Map.of(ExternalProvider.TMDB, "1437"), 1);
    library.favourite(ana, firefly.id());
    FixedReleaseCalendar calendar =
        new FixedReleaseCalendar()
            .episode("1437", "Firefly", 2, 1, "The Return", today.plusDays(3))
            .movie("Dune: Part Three", today.plusDays(5), "1170608", List.of(SF), 8.1);

    RecordingTracker tracker = runAll(Optional.of(calendar));

    assertThat(inbox(ana))
        .extracting(Notification::kind)
        .containsExactlyInAnyOrder("release.episode", "library.new");
    assertThat(tracker.stat("skippedByLimit")).isEqualTo(1);

    // The film left out is told the next day, while it is still coming.
    fixture.clock.advance(Duration.ofDays(1));
    runAll(Optional.of(calendar));
    assertThat(inbox(ana).get(0).title()).isEqualTo("Coming soon: Dune: Part Three (2026)");
  }

  @Test
  void aCalendarThatFailsForOneSeriesLeavesTheRestToldAndSaysSo() {
    LocalDate today = LocalDate.of(2026, 3, 1);
    NotifyLibrary.Series firefly =
        library.series(
            anasFilms, "Firefly", 9.0, List.of(SF), Map.of(ExternalProvider.TMDB, "1437"), 1);
    library.favourite(ana, firefly.id());
    FixedReleaseCalendar calendar =
        new FixedReleaseCalendar()
            .failing("1437")
            .movie("Dune: Part Three", today.plusDays(5), "1170608", List.of(SF), 8.1);

    NotificationReport report =
        service(Optional.of(calendar)).notifyAll(RecordingTracker.watching());

    assertThat(inbox(ana))
        .extracting(Notification::kind)
        .containsExactlyInAnyOrder("library.new", "release.movie");
    assertThat(report.notes())
        .containsExactly("episodes of Firefly: TMDB answered 503 for the episodes of series 1437");
    assertThat(report.failures()).isEmpty();
  }

  @Test
  void aRunCancelledBetweenUsersLeavesTheOthersToTheNextRunAndTellsNothingTwice() {
    User cy = user("cy");
    for (User user : List.of(bo, cy)) {
      library.movie(library.source(user, "Films"), user.username() + "'s film", 7.0, List.of());
    }
    library.movie(anasFilms, "Heat", 8.3, List.of("Crime"));

    RecordingTracker cancelling = RecordingTracker.cancellingAfter(1);
    assertThatThrownBy(() -> service(Optional.empty()).notifyAll(cancelling))
        .isInstanceOf(WorkCancelledException.class);
    assertThat(cancelling.total()).isEqualTo(3);
    assertThat(cancelling.stat("usersProcessed")).isEqualTo(1);
    assertThat(inbox(ana)).hasSize(1);
    assertThat(inbox(bo)).isEmpty();

    fixture.clock.advance(Duration.ofMinutes(1));
    RecordingTracker rest = runAll(Optional.empty());
    assertThat(rest.stat("notificationsCreated")).isEqualTo(2);
    assertThat(inbox(ana)).hasSize(1);
    assertThat(inbox(bo)).hasSize(1);
    assertThat(inbox(cy)).hasSize(1);
  }

  @Test
  void twoRunsAtOnceForOneUserTellEachThingOnce() throws Exception {
    for (int i = 1; i <= 4; i++) {
      library.movie(anasFilms, "Film " + i, 7.0, List.of("Drama"));
    }
    CountDownLatch start = new CountDownLatch(1);
    Callable<NotificationReport> run =
        () -> {
          start.await();
          return service(Optional.empty()).notifyUser(ana.id(), RecordingTracker.watching());
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<NotificationReport>> runs = new ArrayList<>();
      runs.add(pool.submit(run));
      runs.add(pool.submit(run));
      start.countDown();
      long created = runs.get(0).get().created() + runs.get(1).get().created();
      assertThat(created).isEqualTo(4);
    } finally {
      pool.shutdownNow();
    }
    assertThat(inbox(ana)).hasSize(4).extracting(Notification::dedupeKey).doesNotHaveDuplicates();
  }

  @Test
  void theInboxListsUnreadFirstThenNewestInPages() {
    for (int i = 1; i <= 5; i++) {
      library.movie(anasFilms, "Film " + i, 7.0, List.of("Drama"));
      runAll(Optional.empty());
      fixture.clock.advance(Duration.ofMinutes(20));
    }
    List<Notification> all = inbox(ana);
    assertThat(all).hasSize(5);
    assertThat(notifications.markRead(all.get(0).id(), ana.id())).isTrue();
    assertThat(notifications.markRead(all.get(0).id(), bo.id())).isFalse();
    assertThat(notifications.unreadCount(ana.id(), fixture.clock.instant())).isEqualTo(4);

    List<Long> paged = new ArrayList<>();
    Optional<Long> cursor = Optional.empty();
    do {
      List<Notification> page = notifications.page(ana.id(), fixture.clock.instant(), 2, cursor);
      page.forEach(n -> paged.add(n.id()));
      cursor = page.size() < 2 ? Optional.empty() : Optional.of(page.get(page.size() - 1).id());
    } while (cursor.isPresent());
    // Films 4, 3, 2, 1 unread, newest first, then film 5, read.
    List<Long> expected =
        new ArrayList<>(all.subList(1, 5).stream().map(Notification::id).toList());
    expected.add(all.get(0).id());
    assertThat(paged).containsExactlyElementsOf(expected);

    assertThat(notifications.markAllRead(ana.id(), fixture.clock.instant())).isEqualTo(4);
    assertThat(notifications.unreadCount(ana.id(), fixture.clock.instant())).isZero();
    fixture.clock.advance(Duration.ofDays(31));
    assertThat(inbox(ana)).isEmpty();
  }

  // --- helpers

  User user(String name) {
    return users.create(name, null, Role.USER, true, fixture.clock.instant());
  }

  NotificationService service(Optional<ReleaseCalendar> calendar) {
    return new NotificationService(
        fixture.database, fixture.clock, NotificationSettings.defaults(), calendar);
  }

  RecordingTracker runAll(Optional<ReleaseCalendar> calendar) {
    RecordingTracker tracker = RecordingTracker.watching();
    NotificationReport report = service(calendar).notifyAll(tracker);
    assertThat(report.failures()).isEmpty();
    return tracker;
  }

  List<Notification> inbox(User user) {
    return notifications.page(user.id(), fixture.clock.instant(), 500, Optional.empty());
  }

  static Notification only(List<Notification> list, long itemId) {
    return list.stream().filter(n -> n.itemId() == itemId).findFirst().orElseThrow();
  }

  static Notification titled(List<Notification> list, String title) {
    return list.stream().filter(n -> n.title().equals(title)).findFirst().orElseThrow();
  }

  /** A user's preferences, built up from the defaults. */
  static final class Preferences {
    ZoneId zone = ZoneId.of("UTC");
    boolean enabled = true;
    int limit = JobPreferences.DEFAULT_MAX_NOTIFICATIONS_PER_DAY;
    List<MediaType> types = List.of();
    Double minRating;
    List<String> preferred = List.of();
    List<String> excluded = List.of();

    Preferences zone(String id) {
      zone = ZoneId.of(id);
      return this;
    }

    Preferences off() {
      enabled = false;
      return this;
    }

    Preferences limit(int perDay) {
      limit = perDay;
      return this;
    }

    Preferences types(List<MediaType> chosen) {
      types = chosen;
      return this;
    }

    Preferences minRating(double rating) {
      minRating = rating;
      return this;
    }

    Preferences preferred(List<String> genres) {
      preferred = genres;
      return this;
    }

    Preferences excluded(List<String> genres) {
      excluded = genres;
      return this;
    }
  }

  void prefer(User user, UnaryOperator<Preferences> change) {
    Preferences p = change.apply(new Preferences());
    JobPreferences defaults = JobPreferences.defaults(user.id(), fixture.clock.instant());
    users.savePreferences(
        new JobPreferences(
            user.id(),
            p.zone,
            defaults.analysisEnabled(),
            defaults.recommendationsEnabled(),
            defaults.recommender(),
            null,
            null,
            defaults.maxRecommendations(),
            p.enabled,
            p.limit,
            p.types,
            p.minRating,
            p.preferred,
            p.excluded,
            fixture.clock.instant()));
  }
}
