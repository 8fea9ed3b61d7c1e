package io.suasor.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which claimable runs a claim sees while it starts its walk at a lower bound of their due times
 * ({@link ClaimFloor}); run once per database by the subclasses. Two repositories on one database
 * stand for two processes: each keeps its own bound.
 */
abstract class ClaimFloorContract extends MigratedRepository {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  static NewRun run(Instant runAt) {
    return NewRun.of("sync", JobType.SYSTEM, Trigger.MANUAL, runAt).withConcurrencyLimit(0);
  }

  static List<JobRun> claim(JobRepository repository, Instant now) {
    return repository.claimDueRuns(Claim.of("node-a", now, 10, List.of("sync")));
  }

  @Test
  void aRunThisNodeEnqueuesIsClaimedAtOnceHoweverLongAgoItWasDue() {
    assertThat(claim(repo, T0)).isEmpty();

    JobRun old = repo.createJobRun(run(T0.minus(Duration.ofDays(3))), T0);
    JobRun batch = repo.createJobRuns(List.of(run(T0.minus(Duration.ofDays(2)))), T0).get(0);

    assertThat(claim(repo, T0.plusMillis(1)))
        .extracting(JobRun::id)
        .containsExactly(old.id(), batch.id());
  }

  @Test
  void runsGivenBackByThisNodeAreClaimedAtOnce() {
    JobRun held = repo.createJobRun(run(T0.minus(Duration.ofHours(5))), T0);
    assertThat(
            repo.claimDueRuns(
                Claim.of("node-a", T0, 10, List.of("sync")).aheadOnly(List.of("sync"))))
        .hasSize(1);
    assertThat(claim(repo, T0.plusSeconds(1))).isEmpty();

    assertThat(repo.releaseHeldRuns("node-a", List.of(held.id()), T0.plusSeconds(2))).isEqualTo(1);

    assertThat(claim(repo, T0.plusSeconds(3))).extracting(JobRun::id).containsExactly(held.id());
  }

  @Test
  void aRunAnotherProcessEnqueuesDueLongAgoIsClaimedWhenTheBoundIsReadAgain() {
    JobRepository other = new JdbcJobRepository(database);
    assertThat(claim(repo, T0)).isEmpty();
    JobRun late = other.createJobRun(run(T0.minus(Duration.ofHours(1))), T0);

    assertThat(claim(repo, T0.plus(ClaimFloor.AGE)))
        .extracting(JobRun::id)
        .containsExactly(late.id());
  }

  @Test
  void runsDueAfterTheBoundFromAnotherProcessAreClaimedAtOnce() {
    JobRepository other = new JdbcJobRepository(database);
    JobRun waiting = repo.createJobRun(run(T0.minus(Duration.ofMinutes(30))), T0);
    List<JobRun> first = claim(repo, T0);
    assertThat(first).extracting(JobRun::id).containsExactly(waiting.id());

    JobRun now = other.createJobRun(run(T0.plusSeconds(1)), T0.plusSeconds(1));
    JobRun retry = other.createJobRun(run(T0.plusSeconds(2)), T0.plusSeconds(1));

    assertThat(claim(repo, T0.plusSeconds(3)))
        .extracting(JobRun::id)
        .containsExactly(now.id(), retry.id());
  }
}
