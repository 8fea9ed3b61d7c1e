package io.suasor.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

class PostgresJobRepositoryTest extends JobRepositoryContract {
  @Override
  Database newDatabase() {
    return TestDatabases.postgres(10);
  }

  /**
   * V9: autovacuum of the runs after 1 % of them changed rather than 20 %, with the index clean-up,
   * so that a large history's claim index is cleaned of claimed runs' entries.
   */
  @Test
  void theRunsAreVacuumedAfterOnePercentChangedAndAnalysedAfterTenThousandChanges() {
    List<String> options =
        database.read(
            "read the options of job_runs",
            c ->
                Jdbc.queryOne(
                        c,
                        "SELECT array_to_string(reloptions, ',') FROM pg_class"
                            + " WHERE relname = 'job_runs'",
                        r -> List.of(r.getString(1).split(",")))
                    .orElseThrow());

    assertThat(options)
        .contains(
            "autovacuum_vacuum_scale_factor=0.01",
            "autovacuum_vacuum_threshold=10000",
            "vacuum_index_cleanup=on",
            "autovacuum_analyze_scale_factor=0",
            "autovacuum_analyze_threshold=10000");
  }

  /** No trigger announces a give-back (see V6): the statement that gives runs back does. */
  @Test
  void givingBackHeldRunsWakesTheListeningNodesAndHoldingThemDoesNot() throws Exception {
    JobRun held = unlimited("free");
    try (Connection listener = database.dedicatedConnection()) {
      try (Statement listen = listener.createStatement()) {
        listen.execute("LISTEN suasor_jobs");
      }
      PGConnection notices = listener.unwrap(PGConnection.class);
      Claim ahead = Claim.of("node-a", T0, 10, List.of("free")).aheadOnly(List.of("free"));
      assertThat(repo.claimDueRuns(ahead)).extracting(JobRun::id).containsExactly(held.id());
      // Delivered in commit order: what the claim sent, if anything, comes before the give-back's.
      assertThat(repo.releaseHeldRuns("node-b", List.of(held.id()), T0)).isZero();
      assertThat(repo.releaseHeldRuns("node-a", List.of(held.id()), T0)).isEqualTo(1);

      List<String> received = new ArrayList<>();
      while (received.isEmpty()) {
        PGNotification[] batch = notices.getNotifications(10_000);
        assertThat(batch).as("a notification within 10 s").isNotNull().isNotEmpty();
        for (PGNotification n : batch) {
          received.add(n.getParameter());
        }
      }
      assertThat(received).containsExactly("run");
    }
  }
}
