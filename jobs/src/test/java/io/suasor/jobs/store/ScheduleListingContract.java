package io.suasor.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reads of many schedules that stand in for reading them all: pages, the system's, the chained
 * ones, a user's, and those of unregistered jobs; run on each database by its subclasses.
 */
abstract class ScheduleListingContract extends MigratedRepository {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  JobSchedule schedule(String name, String job, String frequency, Long userId) {
    return repo.createJobSchedule(
        JobSchedule.of(job, JobType.SYSTEM, frequency).withName(name).withUserId(userId), T0);
  }

  static List<String> names(List<JobSchedule> schedules) {
    return schedules.stream().map(JobSchedule::name).toList();
  }

  @Test
  void pagesGoOnInNameOrderFromTheCursorAndTheLastHasNone() {
    schedule("c", "c.job", "daily", null);
    schedule("a", "a.job", "daily", 1L);
    schedule("d", "d.job", "daily", 2L);
    schedule("b", "b.job", "daily", null);
    schedule("e", "e.job", "daily", 1L);

    SchedulePage first = repo.findSchedules(null, null, 2);
    SchedulePage second = repo.findSchedules(null, first.nextCursor(), 2);
    SchedulePage last = repo.findSchedules(null, second.nextCursor(), 2);

    assertThat(names(first.schedules())).containsExactly("a", "b");
    assertThat(names(second.schedules())).containsExactly("c", "d");
    assertThat(names(last.schedules())).containsExactly("e");
    assertThat(last.nextCursor()).isNull();
    SchedulePage ofUserOne = repo.findSchedules(1L, null, 10);
    assertThat(names(ofUserOne.schedules())).containsExactly("a", "b", "c", "e");
    assertThat(ofUserOne.nextCursor()).isNull();
  }

  @Test
  void systemSchedulesAreThoseOfNoUser() {
    schedule("sys.b", "b.job", "daily", null);
    schedule("user.a", "a.job", "daily", 7L);
    schedule("sys.a", "a.job", "weekly", null);

    assertThat(names(repo.findSystemSchedules())).containsExactly("sys.a", "sys.b");
  }

  @Test
  void chainedSchedulesAreThoseThatFollowAJobWhoeverTheyBelongTo() {
    schedule("plain", "a.job", "daily", null);
    schedule("follows.a", "b.job", "after a.job", null);
    schedule("user.follows.b", "c.job", "after b.job", 3L);
    JobSchedule unchained = schedule("was.chained", "d.job", "after a.job", null);
    repo.updateJobSchedule(unchained.withFrequency("every 1h", "UTC"), T0);

    assertThat(names(repo.findChainedSchedules())).containsExactly("follows.a", "user.follows.b");
  }

  @Test
  void aUsersSchedulesAreOnlyTheirs() {
    schedule("u1.b", "b.job", "daily", 1L);
    schedule("u2.a", "a.job", "daily", 2L);
    schedule("u1.a", "a.job", "daily", 1L);
    schedule("sys", "a.job", "daily", null);

    assertThat(names(repo.findUserSchedules(1L))).containsExactly("u1.a", "u1.b");
    assertThat(repo.findUserSchedules(3L)).isEmpty();
  }

  @Test
  void namesOfOtherJobsAreTheSchedulesOfNoneOfTheGivenJobs() {
    schedule("known", "known.job", "daily", null);
    schedule("ghost.user", "ghost.job", "daily", 4L);
    schedule("ghost", "ghost.job", "daily", null);
    schedule("other", "other.job", "daily", null);

    assertThat(repo.findScheduleNamesOfOtherJobs(List.of("known.job", "other.job")))
        .containsExactly("ghost", "ghost.user");
    assertThat(repo.findScheduleNamesOfOtherJobs(List.of()))
        .containsExactly("ghost", "ghost.user", "known", "other");
  }
}
