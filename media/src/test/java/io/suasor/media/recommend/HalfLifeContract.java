package io.suasor.media.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.media.model.User;
import io.suasor.media.testing.RecordingTracker;
import io.suasor.media.testing.TasteLibrary.People;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run's taste half-life, fitted on the users' latest titles ({@link HalfLifeFit}): each of
 * thirty users follows two actors of their own, and asks for five titles. Where tastes move on
 * (what they watched months ago gave way to what they watch now, and their latest titles are of the
 * new), a shorter half-life finds the latest titles; where they hold (one actor all year, a burst
 * of another lately, and the latest titles of the first), a longer one does.
 */
abstract class HalfLifeContract extends RecommendationContract {
  static final int USERS = HalfLifeFit.MIN_USERS;
  static final int LIST = 5;

  @Test
  void tastesThatMoveOnAreReadWithAShorterHalfLife() {
    usersWhoseTastesMovedOn();
    RecordingTracker tracker = RecordingTracker.watching();

    RecommendationReport report = service().recommendAll(7, tracker);

    assertThat(tracker.stat("tasteHalfLifeDays")).isEqualTo(90);
    assertThat(tracker.stat("tasteHalfLifeFittedOnUsers")).isEqualTo(USERS);
    assertThat(report.tasteHalfLife())
        .startsWith("taste half-life 90 days, fitted: of 30 users' latest 5 titles, held out,")
        // Held-out titles found with 90 days only: after that, the old actor's films lead.
        .containsPattern("found 90 days [1-9]\\d*, 180 days 0, 365 days 0, 730 days 0$");
  }

  @Test
  void aUsersOwnRunReusesTheDaysFitAndALaterOneFitsAgain() {
    Instant now = fixture.clock.instant();
    usersWhoseTastesMovedOn();
    RecommendationService service = service();
    String daily = service.recommendAll(7, RecordingTracker.watching()).tasteHalfLife();
    fixture.clock.advance(Duration.ofHours(3));

    RecommendationReport own = service.recommendFor(ana.id(), 8, RecordingTracker.watching());

    assertThat(daily).contains("fitted");
    assertThat(own.tasteHalfLife()).isEqualTo(daily + "; reused from the fit at " + now);

    fixture.clock.advance(RecommendationService.REFIT_AFTER);
    RecommendationReport later = service.recommendFor(ana.id(), 9, RecordingTracker.watching());

    assertThat(later.tasteHalfLife()).doesNotContain("reused");
  }

  @Test
  void tastesThatHoldAreReadWithALongerHalfLife() {
    Instant now = fixture.clock.instant();
    for (int u = 0; u < USERS; u++) {
      User user = user("keeper" + u);
      prefer(user, p -> p.max(LIST));
      List<Long> always = films("Always " + u, 14);
      List<Long> burst = films("Lately " + u, 14);
      for (int i = 0; i < 5; i++) {
        library.finished(user.id(), always.get(i), now.minus(Duration.ofDays(1 + i)));
      }
      for (int i = 5; i < 14; i++) {
        library.finished(user.id(), always.get(i), now.minus(Duration.ofDays(40 + 45 * (i - 5))));
      }
      for (int i = 0; i < 6; i++) {
        library.finished(user.id(), burst.get(i), now.minus(Duration.ofDays(10 + 2 * i)));
      }
    }
    RecordingTracker tracker = RecordingTracker.watching();

    RecommendationReport report = service().recommendAll(7, tracker);

    assertThat(tracker.stat("tasteHalfLifeDays")).isGreaterThan(180);
    assertThat(report.tasteHalfLife())
        .containsPattern("fitted: .* found 90 days 0, 180 days 0, 365 days \\d+, 730 days [1-9]");
  }

  @Test
  void withTooFewUsersToTellTheConfiguredHalfLifeStands() {
    User bo = user("bo");
    for (long film : films("Bo's star", 12)) {
      library.finished(bo.id(), film, fixture.clock.instant().minus(Duration.ofDays(3)));
    }
    RecordingTracker tracker = RecordingTracker.watching();

    RecommendationReport report = service().recommendAll(7, tracker);

    assertThat(tracker.stat("tasteHalfLifeDays"))
        .isEqualTo(RecommenderSettings.DEFAULT_TASTE_HALF_LIFE.toDays());
    assertThat(tracker.stat("tasteHalfLifeFittedOnUsers")).isZero();
    // Bo has enough history to be tested, ana (five titles) not.
    assertThat(report.tasteHalfLife())
        .isEqualTo(
            "taste half-life 180 days, as configured: 1 user with enough history, 30 needed to"
                + " fit it");
    assertThat(active(bo)).isNotEmpty();
  }

  /** Each watched eight films of one actor five months ago, and eight of another lately. */
  private void usersWhoseTastesMovedOn() {
    Instant now = fixture.clock.instant();
    for (int u = 0; u < USERS; u++) {
      User user = user("mover" + u);
      prefer(user, p -> p.max(LIST));
      List<Long> before = films("Then " + u, 8 + LIST);
      List<Long> lately = films("Now " + u, 8);
      for (int i = 0; i < 8; i++) {
        library.finished(user.id(), before.get(i), now.minus(Duration.ofDays(150 + 7 * i)));
        // The latest five of these are held out; three weeks' worth stay in the taste.
        library.finished(user.id(), lately.get(i), now.minus(Duration.ofDays(1 + 2 * i)));
      }
    }
  }

  /** {@code count} dramas alike in all but their titles, each with the one actor. */
  private List<Long> films(String actor, int count) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(
            i ->
                library.movie(
                    actor + " film " + i,
                    2010,
                    7.0,
                    List.of("Drama"),
                    People.of(List.of(actor), List.of())))
        .toList();
  }
}
