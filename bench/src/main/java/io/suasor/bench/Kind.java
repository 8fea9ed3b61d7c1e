package io.suasor.bench;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/** Every contender of the table, with its version, its settings and the scenarios it runs. */
enum Kind {
  SUASOR_POSTGRES(
      "suasor (PostgreSQL)",
      "0.1.0-SNAPSHOT",
      "pollInterval = the common polling interval; sleeps until the next known due run;"
          + " NewRun.UNLIMITED concurrency; keeps a history row per run",
      EnumSet.of(
          Scenario.BURN_DOWN,
          Scenario.PROGRESS,
          Scenario.LATENESS,
          Scenario.IDLE,
          Scenario.ENQUEUE)),
  SUASOR_POSTGRES_POLL_30S(
      "suasor (PostgreSQL, poll 30 s)",
      "0.1.0-SNAPSHOT",
      "the engine's default pollInterval of 30 s; everything else as above",
      EnumSet.of(Scenario.LATENESS, Scenario.IDLE)),
  SUASOR_SQLITE(
      "suasor (SQLite)",
      "0.1.0-SNAPSHOT",
      "sqlite-jdbc 3.50.3.0, WAL, one writer connection + 4 readers (the engine's own pools)",
      EnumSet.of(Scenario.BURN_DOWN, Scenario.LATENESS, Scenario.ENQUEUE)),
  DB_SCHEDULER_FETCH(
      "db-scheduler (fetch)",
      "16.12.0",
      "pollUsingFetchAndLockOnExecute(0.5, 3.0); deletes a one-off execution's row when it ends",
      EnumSet.of(Scenario.BURN_DOWN, Scenario.LATENESS, Scenario.IDLE)),
  DB_SCHEDULER_LOCK_AND_FETCH(
      "db-scheduler (lock-and-fetch)",
      "16.12.0",
      "pollUsingLockAndFetch(0.5, 1.0); deletes a one-off execution's row when it ends",
      EnumSet.of(Scenario.BURN_DOWN, Scenario.LATENESS, Scenario.IDLE)),
  JOBRUNR(
      "JobRunr",
      "8.7.0",
      "PostgresStorageProvider, andWorkerCount(threads), andPollInterval(max(poll, 5 s): JobRunr"
          + " refuses less than 5 s); keeps succeeded"
          + " jobs (deleted after 36 h by default)",
      EnumSet.of(Scenario.BURN_DOWN, Scenario.LATENESS, Scenario.IDLE)),
  QUARTZ(
      "Quartz",
      "2.5.2",
      "JobStoreTX + PostgreSQLDelegate, isClustered=true, acquireTriggersWithinLock=true,"
          + " batchTriggerAcquisitionMaxCount=threads, idleWaitTime=poll, misfireThreshold=1 h;"
          + " deletes a fired one-shot trigger and its job",
      EnumSet.of(Scenario.BURN_DOWN, Scenario.LATENESS, Scenario.IDLE));

  final String label;
  final String version;
  final String settings;
  final Set<Scenario> scenarios;

  Kind(String label, String version, String settings, Set<Scenario> scenarios) {
    this.label = label;
    this.version = version;
    this.settings = settings;
    this.scenarios = scenarios;
  }

  boolean isAnchor() {
    return !name().startsWith("SUASOR");
  }

  boolean usesSqlite() {
    return this == SUASOR_SQLITE;
  }

  Contender create(Target target, BenchSettings settings) throws Exception {
    return switch (this) {
      case SUASOR_POSTGRES, SUASOR_SQLITE ->
          new SuasorContender(target, settings, settings.pollInterval());
      case SUASOR_POSTGRES_POLL_30S ->
          new SuasorContender(target, settings, Duration.ofSeconds(30));
      case DB_SCHEDULER_FETCH -> new DbSchedulerContender(target, settings, false);
      case DB_SCHEDULER_LOCK_AND_FETCH -> new DbSchedulerContender(target, settings, true);
      case JOBRUNR -> new JobRunrContender(target, settings);
      case QUARTZ -> new QuartzContender(target, settings);
    };
  }
}
