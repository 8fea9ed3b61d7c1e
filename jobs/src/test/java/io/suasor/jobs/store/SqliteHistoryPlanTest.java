package io.suasor.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How SQLite reads {@code job_runs} for the history's status filters and the active runs. SQLite
 * keeps no statistics here, so its plan follows fixed rules and is the same on an empty file as on
 * ten million runs, where a full scan of the table took 1.5 to 2.7 s (issue 16): every statement
 * must search an index, or read ids from a partial index, never scan the table itself.
 */
class SqliteHistoryPlanTest {
  @TempDir Path folder;
  Database database;

  @BeforeEach
  void migrate() {
    database = TestDatabases.sqlite(folder);
    JdbcJobRepository.migrate(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @ParameterizedTest
  @EnumSource(JobStatus.class)
  void eachStatusFilterReadsAnIndex(JobStatus status) {
    RunFilter filter = RunFilter.of(RunQuery.latest(50).withStatus(status));
    List<String> plan = plan(filter.sql(), filter.values());
    if (status == JobStatus.COMPLETED) {
      // Nearly every run: the newest ones by id are the first fifty of them.
      assertThat(plan).containsExactly("SCAN job_runs");
    } else {
      assertThat(plan).noneMatch(step -> step.equals("SCAN job_runs")).isNotEmpty();
    }
  }

  @Test
  void activeRunsAreFoundByTheirPartialIndexes() {
    List<String> plan = plan(RunStore.ACTIVE, List.of());
    assertThat(plan)
        .contains("SEARCH job_runs USING INTEGER PRIMARY KEY (rowid=?)")
        .noneMatch(step -> step.equals("SCAN job_runs"));
    for (String index : List.of("job_runs_claim", "job_runs_held", "job_runs_running")) {
      assertThat(plan)
          .anyMatch(step -> step.endsWith("INDEX " + index) || step.contains(index + " "));
    }
  }

  private List<String> plan(String sql, List<Object> values) {
    return database.read(
        "explain",
        c -> {
          List<String> steps = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 0; i < values.size(); i++) {
              s.setObject(i + 1, values.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                steps.add(r.getString("detail"));
              }
            }
          }
          return steps;
        });
  }
}
