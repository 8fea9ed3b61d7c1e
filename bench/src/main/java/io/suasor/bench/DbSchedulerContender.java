package io.suasor.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * db-scheduler with one of its two polling strategies. It deletes a one-off task's row when the
 * execution completes: it keeps no history.
 */
final class DbSchedulerContender implements Contender {
  /** The table of db-scheduler's README for PostgreSQL. */
  private static final String TABLE =
      """
      CREATE TABLE scheduled_tasks (
          task_name TEXT NOT NULL,
          task_instance TEXT NOT NULL,
          task_data BYTEA,
          execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
          picked BOOLEAN NOT NULL,
          picked_by TEXT,
          last_success TIMESTAMP WITH TIME ZONE,
          last_failure TIMESTAMP WITH TIME ZONE,
          consecutive_failures INT,
          last_heartbeat TIMESTAMP WITH TIME ZONE,
          version BIGINT NOT NULL,
          priority SMALLINT,
          PRIMARY KEY (task_name, task_instance)
      );
      CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
      CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
      CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
      """;

  private static final int BATCH = 1_000;

  private final HikariDataSource pool;
  private final OneTimeTask<Long> task;
  private final Scheduler scheduler;
  private int nextId;

  DbSchedulerContender(Target target, BenchSettings settings, boolean lockAndFetch)
      throws SQLException {
    pool = target.pool("db-scheduler", settings.poolSize());
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(TABLE);
    }
    task = Tasks.oneTime("bench-noop", Long.class).execute((i, ctx) -> Probe.executed(i.getData()));
    SchedulerBuilder builder =
        Scheduler.create(pool, task)
            .threads(settings.workerThreads())
            .pollingInterval(settings.pollInterval());
    // The strategies with db-scheduler's own default limits.
    builder =
        lockAndFetch
            ? builder.pollUsingLockAndFetch(0.5, 1.0)
            : builder.pollUsingFetchAndLockOnExecute(0.5, 3.0);
    scheduler = builder.build();
  }

  @Override
  public void createDueNow(int runs, boolean reportProgress) {
    Instant now = Instant.now();
    List<TaskInstance<?>> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < runs; i++) {
      batch.add(task.instance("r" + nextId++, 0L));
      if (batch.size() == BATCH) {
        scheduler.scheduleBatch(batch, now);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      scheduler.scheduleBatch(batch, now);
    }
  }

  @Override
  public void start() {
    scheduler.start();
  }

  @Override
  public void createDueAt(List<Instant> dues) {
    List<SchedulableInstance<?>> batch = new ArrayList<>(BATCH);
    for (Instant due : dues) {
      batch.add(SchedulableInstance.of(task.instance("r" + nextId++, due.toEpochMilli()), due));
      if (batch.size() == BATCH) {
        scheduler.scheduleBatch(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      scheduler.scheduleBatch(batch);
    }
  }

  @Override
  public void close() {
    scheduler.stop();
    pool.close();
  }
}
