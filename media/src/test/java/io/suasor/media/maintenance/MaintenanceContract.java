package io.suasor.media.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.JdbcJobRepository;
import io.suasor.jobs.store.JobRepository;
import io.suasor.jobs.testing.TestRuns;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.NotificationPriority;
import io.suasor.media.model.Recommendation;
import io.suasor.media.model.Role;
import io.suasor.media.store.NewNotification;
import io.suasor.media.store.NotificationStore;
import io.suasor.media.store.RecommendationStore;
import io.suasor.media.store.TokenStore;
import io.suasor.media.store.UserStore;
import io.suasor.media.testing.MediaFixture;
import io.suasor.media.testing.RecordingTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Database maintenance prunes exactly what is past retention; on SQLite and PostgreSQL. */
abstract class MaintenanceContract {
  @TempDir Path temp;
  MediaFixture fixture;
  JobRepository jobs;
  long user;
  Instant now;

  abstract Database database(Path folder);

  @BeforeEach
  void setUp() {
    fixture = new MediaFixture(database(temp.resolve("db")));
    JdbcJobRepository.migrate(fixture.database);
    jobs = new JdbcJobRepository(fixture.database);
    now = fixture.clock.instant();
    user = new UserStore(fixture.database).create("ana", null, Role.USER, true, now).id();
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void prunesExactlyWhatIsPastRetentionInBatchesAndThenNothing() {
    // Retention: runs 30 days after they end, the rest 7, 30 and 7 days after they expire.
    endedRun(daysAgo(40));
    endedRun(daysAgo(31));
    endedRun(daysAgo(29));
    jobs.createJobRun(NewRun.of("system.media.sync", JobType.SYNC, Trigger.MANUAL, now), now);
    NotificationStore notifications = new NotificationStore(fixture.database);
    List<Instant> expiries = List.of(daysAgo(9), daysAgo(8), daysAgo(6), now.plusSeconds(60));
    for (int i = 0; i < expiries.size(); i++) {
      notifications.create(user, note("k" + i, expiries.get(i)), daysAgo(20));
    }
    notifications.create(user, note("forever", null), daysAgo(20));
    RecommendationStore recommendations = new RecommendationStore(fixture.database);
    for (Instant expiry : new Instant[] {daysAgo(31), daysAgo(29), null}) {
      recommendations.create(recommendation(expiry));
    }
    TokenStore tokens = new TokenStore(fixture.database);
    tokens.issue(user, "old", daysAgo(90), daysAgo(8));
    tokens.issue(user, "recent", daysAgo(90), daysAgo(6));
    tokens.issue(user, "forever", daysAgo(90));
    DatabaseMaintenanceService service =
        new DatabaseMaintenanceService(
            fixture.database,
            jobs,
            fixture.clock,
            new Retention(
                Duration.ofDays(30),
                Duration.ofDays(7),
                Duration.ofDays(30),
                Duration.ofDays(7),
                1));

    RecordingTracker tracker = RecordingTracker.watching();
    MaintenanceReport report = service.maintain(tracker);

    assertThat(report.runsPruned()).isEqualTo(2);
    assertThat(report.notificationsPruned()).isEqualTo(2);
    assertThat(report.recommendationsPruned()).isEqualTo(1);
    assertThat(report.tokensPruned()).isEqualTo(1);
    assertThat(report.problems()).isEmpty();
    assertThat(report.database()).containsEntry("integrityProblems", 0L);
    assertThat(jobs.getRecentJobRuns(10)).hasSize(2);
    assertThat(notifications.count()).isEqualTo(3);
    assertThat(recommendations.count()).isEqualTo(2);
    assertThat(tokens.byUser(user)).extracting(t -> t.name()).containsExactly("recent", "forever");
    assertThat(tracker.stats()).containsAllEntriesOf(Map.of("runsPruned", 2L, "tokensPruned", 1L));

    assertThat(service.maintain(RecordingTracker.watching()).pruned()).isZero();
  }

  private void endedRun(Instant endedAt) {
    TestRuns.ended(
        jobs,
        NewRun.of("system.media.sync", JobType.SYNC, Trigger.MANUAL, endedAt),
        JobStatus.COMPLETED,
        endedAt);
  }

  private Recommendation recommendation(Instant expiresAt) {
    return new Recommendation(
        0,
        user,
        null,
        MediaType.MOVIE,
        "Heat",
        1995,
        List.of("Crime"),
        List.of(),
        List.of(),
        List.of(),
        List.of("Crime"),
        "because",
        "content",
        null,
        null,
        null,
        Map.of(),
        0.5,
        0.8,
        expiresAt,
        false,
        null,
        false,
        false,
        true,
        daysAgo(60));
  }

  private Instant daysAgo(int days) {
    return now.minus(Duration.ofDays(days));
  }

  private static NewNotification note(String key, Instant expiry) {
    return new NewNotification(
        "library.new",
        NotificationPriority.NORMAL,
        key,
        "t",
        "m",
        null,
        1,
        null,
        null,
        java.util.Map.of(),
        expiry);
  }
}
