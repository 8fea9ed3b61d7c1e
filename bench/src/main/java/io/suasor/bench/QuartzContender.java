package io.suasor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz with its clustered JDBC job store. A fired one-shot trigger and its non-durable job are
 * deleted: no history is kept.
 */
final class QuartzContender implements Contender {
  private static final int BATCH = 1_000;
  private static int instances;

  private final Scheduler scheduler;
  private int nextId;

  QuartzContender(Target target, BenchSettings settings) throws Exception {
    createTables(target);
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "bench" + ++instances);
    p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.idleWaitTime", millis(settings.pollInterval()));
    p.setProperty(
        "org.quartz.scheduler.batchTriggerAcquisitionMaxCount",
        String.valueOf(settings.workerThreads()));
    p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(settings.workerThreads()));
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", "bench");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    // Burn-down runs are all due at once; none may take Quartz's misfire path.
    p.setProperty("org.quartz.jobStore.misfireThreshold", "3600000");
    p.setProperty("org.quartz.dataSource.bench.provider", "hikaricp");
    p.setProperty("org.quartz.dataSource.bench.driver", "org.postgresql.Driver");
    p.setProperty("org.quartz.dataSource.bench.URL", target.jdbcUrl());
    p.setProperty("org.quartz.dataSource.bench.user", target.user());
    p.setProperty("org.quartz.dataSource.bench.password", target.password());
    p.setProperty(
        "org.quartz.dataSource.bench.maxConnections", String.valueOf(settings.poolSize()));
    scheduler = new StdSchedulerFactory(p).getScheduler();
  }

  private static String millis(java.time.Duration d) {
    return String.valueOf(d.toMillis());
  }

  private static void createTables(Target target) throws IOException, SQLException {
    String ddl;
    try (InputStream in =
        Scheduler.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
      ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection c =
            java.sql.DriverManager.getConnection(
                target.jdbcUrl(), target.user(), target.password());
        Statement s = c.createStatement()) {
      for (String statement : ddl.split(";")) {
        String sql =
            statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
        if (!sql.isBlank() && !sql.strip().equalsIgnoreCase("COMMIT")) {
          s.execute(sql);
        }
      }
    }
  }

  /** The job Quartz runs; lateness is measured against the trigger's own scheduled fire time. */
  public static final class Noop implements Job {
    @Override
    public void execute(JobExecutionContext context) {
      boolean measured = context.getMergedJobDataMap().getBoolean("measured");
      Probe.executed(measured ? context.getScheduledFireTime().getTime() : 0);
    }
  }

  @Override
  public void createDueNow(int runs, boolean reportProgress) throws SchedulerException {
    Date now = new Date();
    schedule(java.util.Collections.nCopies(runs, now), false);
  }

  @Override
  public void start() throws SchedulerException {
    scheduler.start();
  }

  @Override
  public void createDueAt(List<Instant> dues) throws SchedulerException {
    schedule(dues.stream().map(Date::from).toList(), true);
  }

  private void schedule(List<Date> dues, boolean measured) throws SchedulerException {
    Map<JobDetail, Set<? extends Trigger>> batch = new HashMap<>();
    for (Date due : dues) {
      String id = "r" + nextId++;
      JobDetail job =
          JobBuilder.newJob(Noop.class).withIdentity(id).usingJobData("measured", measured).build();
      batch.put(job, Set.of(TriggerBuilder.newTrigger().withIdentity(id).startAt(due).build()));
      if (batch.size() == BATCH) {
        scheduler.scheduleJobs(batch, false);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      scheduler.scheduleJobs(batch, false);
    }
  }

  @Override
  public void close() throws SchedulerException {
    scheduler.shutdown(true);
  }
}
