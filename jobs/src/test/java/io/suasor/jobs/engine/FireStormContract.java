package io.suasor.jobs.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.testing.TestJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many users' schedules due at one instant (a fire storm, issue 16), more than one firing batch:
 * every schedule gets exactly one run of the instant, whether one node fires them or several nodes
 * fire at once; run once per database by its subclasses.
 */
abstract class FireStormContract extends EngineNodes {
  static final Instant THREE_AM = Instant.parse("2026-03-01T03:00:00Z");
  static final String JOB = "user.digest";
  static final int SCHEDULES = ScheduleFirer.BATCH * 2 + 100;

  @Override
  Instant start() {
    return THREE_AM.minusSeconds(60);
  }

  JobEngine node(String nodeId) {
    JobEngine engine =
        JobEngine.builder()
            .sharedDatabase(database)
            .clock(clock)
            .nodeId(nodeId)
            .shutdownGrace(Duration.ofMillis(500))
            .register(TestJob.noop(JOB).type(JobType.USER))
            .build();
    engines.add(engine);
    return engine;
  }

  /** One schedule per user, daily at 03:00 UTC, created a minute before the instant. */
  void createSchedules(JobEngine engine) {
    for (long user = 1; user <= SCHEDULES; user++) {
      engine
          .repository()
          .createJobSchedule(
              JobSchedule.builder(JOB)
                  .name("digest-" + user)
                  .jobType(JobType.USER)
                  .userId(user)
                  .frequency("daily at 03:00")
                  .nextRunTime(THREE_AM)
                  .build(),
              clock.instant());
    }
  }

  @Test
  void oneNodeFiresEveryScheduleOnceInOnePass() {
    JobEngine node = node("node-a");
    createSchedules(node);
    clock.set(THREE_AM);

    node.tick();

    assertOneRunPerSchedule();
    assertThat(node.awaitIdle(Duration.ofSeconds(60))).isTrue();
  }

  @Test
  void threeNodesFiringAtOnceMakeOneRunPerSchedule() throws Exception {
    List<JobEngine> nodes = List.of(node("node-a"), node("node-b"), node("node-c"));
    createSchedules(nodes.get(0));
    clock.set(THREE_AM);

    ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> passes = new ArrayList<>();
      for (JobEngine node : nodes) {
        passes.add(
            pool.submit(
                () -> {
                  start.await();
                  return node.tick();
                }));
      }
      start.countDown();
      for (Future<Integer> pass : passes) {
        pass.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertOneRunPerSchedule();
    for (JobEngine node : nodes) {
      assertThat(node.awaitIdle(Duration.ofSeconds(60))).isTrue();
    }
  }

  @Test
  void schedulesDueTogetherMoveOnInTheirOwnTextAndZone() {
    JobEngine node = node("node-a");
    // Schedules that share a text, in other zones, and other texts, among a storm's: one pass
    // reads each text once, and must not give one schedule another's zone or text.
    List<String[]> others =
        List.of(
            new String[] {"daily at 03:00", "Europe/Berlin", "2026-03-02T02:00:00Z"},
            new String[] {"daily at 03:00", "America/New_York", "2026-03-01T08:00:00Z"},
            new String[] {"daily at 04:00", "UTC", "2026-03-01T04:00:00Z"},
            new String[] {"every 15m", "UTC", "2026-03-01T03:15:00Z"});
    for (int i = 0; i < others.size(); i++) {
      node.repository()
          .createJobSchedule(
              JobSchedule.builder(JOB)
                  .name("other-" + i)
                  .jobType(JobType.USER)
                  .userId(SCHEDULES + 1L + i)
                  .frequency(others.get(i)[0])
                  .timeZone(others.get(i)[1])
                  .nextRunTime(THREE_AM)
                  .build(),
              clock.instant());
    }
    createSchedules(node);
    clock.set(THREE_AM);

    node.tick();

    for (int i = 0; i < others.size(); i++) {
      JobSchedule moved = node.repository().getJobSchedule("other-" + i).orElseThrow();
      assertThat(moved.nextRunTime())
          .as(others.get(i)[0] + " in " + others.get(i)[1])
          .isEqualTo(Instant.parse(others.get(i)[2]));
    }
    assertThat(count("SELECT COUNT(*) FROM job_schedules WHERE next_run_time = ? + 86400000"))
        .isEqualTo(SCHEDULES);
    assertThat(node.awaitIdle(Duration.ofSeconds(60))).isTrue();
  }

  private void assertOneRunPerSchedule() {
    assertThat(count("SELECT COUNT(*) FROM job_runs WHERE scheduled_for = ?")).isEqualTo(SCHEDULES);
    assertThat(count("SELECT COUNT(DISTINCT schedule_id) FROM job_runs WHERE scheduled_for = ?"))
        .isEqualTo(SCHEDULES);
    assertThat(count("SELECT COUNT(*) FROM job_runs WHERE scheduled_for <> ?")).isZero();
    // Every schedule moved on to the next day's 03:00.
    assertThat(
            count(
                "SELECT COUNT(*) FROM job_schedules WHERE next_run_time = ? + 86400000"
                    + " AND last_run_time = ?",
                THREE_AM.toEpochMilli()))
        .isEqualTo(SCHEDULES);
  }

  private long count(String sql) {
    return count(sql, null);
  }

  private long count(String sql, Long second) {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, THREE_AM.toEpochMilli());
      if (second != null) {
        s.setLong(2, second);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
