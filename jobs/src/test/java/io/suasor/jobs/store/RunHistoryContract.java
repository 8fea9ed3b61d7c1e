package io.suasor.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.testing.TestRuns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run history's filters, each statement shaped by the filters it has (see {@link RunFilter}),
 * run once per database by its subclasses.
 */
abstract class RunHistoryContract extends MigratedRepository {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  JobRun created(String job, Long user, Instant at) {
    return repo.createJobRun(
        NewRun.of(job, JobType.SYSTEM, Trigger.MANUAL, at).withUserId(user), at);
  }

  List<Long> ids(RunPage page) {
    return page.runs().stream().map(JobRun::id).toList();
  }

  @Test
  void aTimeRangePagesNewestCreatedFirstThoughIdsRunOtherwise() {
    // Inserted out of creation order, as runs of nodes with skewed clocks or of a bulk insert are.
    List<JobRun> runs = new ArrayList<>();
    for (int second : new int[] {5, 1, 4, 2, 3, 9}) {
      runs.add(created("sync", null, T0.plusSeconds(second)));
    }
    RunQuery range = RunQuery.latest(2).withCreatedBetween(T0.plusSeconds(1), T0.plusSeconds(6));

    List<Long> seen = new ArrayList<>();
    RunPage page = repo.findRuns(range);
    seen.addAll(ids(page));
    while (page.nextCursor() != null) {
      page = repo.findRuns(range.withBeforeId(page.nextCursor()));
      seen.addAll(ids(page));
    }

    assertThat(seen)
        .containsExactly(
            runs.get(0).id(),
            runs.get(2).id(),
            runs.get(4).id(),
            runs.get(3).id(),
            runs.get(1).id());
  }

  @Test
  void anOpenEndedRangeAndOtherFiltersCombine() {
    JobRun early = created("sync", 7L, T0);
    JobRun late = created("sync", 7L, T0.plusSeconds(10));
    created("sync", 8L, T0.plusSeconds(10));
    created("scan", 7L, T0.plusSeconds(10));

    RunQuery since = RunQuery.latest(10).withCreatedBetween(T0.plusSeconds(5), null);
    assertThat(ids(repo.findRuns(since.withJobName("sync").withUserId(7L))))
        .containsExactly(late.id());
    RunQuery until = RunQuery.latest(10).withCreatedBetween(null, T0.plusSeconds(5));
    assertThat(ids(repo.findRuns(until))).containsExactly(early.id());
    assertThat(ids(repo.findRuns(since.withVisibleTo(8L).withJobName("scan")))).isEmpty();
  }

  @Test
  void eachStatusFindsExactlyItsRuns() {
    JobRun pending = created("sync", null, T0);
    JobRun cancelled = created("sync", null, T0);
    repo.requestCancel(cancelled.id(), T0);
    JobRun failed =
        TestRuns.ended(
            repo, NewRun.of("sync", JobType.SYSTEM, Trigger.MANUAL, T0), JobStatus.FAILED, T0);
    JobRun completed =
        TestRuns.ended(
            repo, NewRun.of("sync", JobType.SYSTEM, Trigger.MANUAL, T0), JobStatus.COMPLETED, T0);
    JobRun running = created("scan", null, T0);
    repo.claimRun(running.id(), "node", T0).orElseThrow();
    JobRun held = created("quick", null, T0);
    assertThat(
            repo.claimDueRuns(
                Claim.of("node", T0, 1, List.of("quick")).aheadOnly(List.of("quick"))))
        .as("held ahead: pending, with a node")
        .extracting(JobRun::id)
        .containsExactly(held.id());

    RunQuery all = RunQuery.latest(10);
    assertThat(ids(repo.findRuns(all.withStatus(JobStatus.PENDING))))
        .containsExactly(held.id(), pending.id());
    assertThat(ids(repo.findRuns(all.withStatus(JobStatus.RUNNING)))).containsExactly(running.id());
    assertThat(ids(repo.findRuns(all.withStatus(JobStatus.FAILED)))).containsExactly(failed.id());
    assertThat(ids(repo.findRuns(all.withStatus(JobStatus.CANCELLED))))
        .containsExactly(cancelled.id());
    assertThat(ids(repo.findRuns(all.withStatus(JobStatus.COMPLETED))))
        .containsExactly(completed.id());
    assertThat(repo.getActiveJobRuns())
        .extracting(JobRun::id)
        .containsExactly(pending.id(), running.id(), held.id());
  }

  @Test
  void theCursorOfTheLastPageIsNull() {
    for (int i = 0; i < 3; i++) {
      created("sync", null, T0.plusSeconds(i));
    }
    assertThat(repo.findRuns(RunQuery.latest(3)).nextCursor()).isNull();
    assertThat(repo.findRuns(RunQuery.latest(2)).nextCursor()).isNotNull();
    assertThat(
            repo.findRuns(RunQuery.latest(3).withCreatedBetween(T0, T0.plusSeconds(9)))
                .nextCursor())
        .isNull();
  }
}
