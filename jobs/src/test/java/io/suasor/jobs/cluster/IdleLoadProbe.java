package io.suasor.jobs.cluster;

import io.suasor.jobs.engine.JobEngine;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestJob;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * Measures what an idle engine node costs its PostgreSQL: statements per second over a window with
 * no work due, counted by pg_stat_statements (every statement the node sends, including transaction
 * control). Run by hand (see docs/CLUSTERING.md); not a test.
 */
public final class IdleLoadProbe {
  private IdleLoadProbe() {}

  public static void main(String[] args) throws Exception {
    Duration window = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 60);
    try (EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setServerConfig("shared_preload_libraries", "pg_stat_statements")
            .setServerConfig("pg_stat_statements.track_utility", "on")
            .start()) {
      try (Connection admin = pg.getPostgresDatabase().getConnection();
          Statement s = admin.createStatement()) {
        s.execute("CREATE DATABASE idle");
      }
      String url = pg.getJdbcUrl("postgres", "idle");
      try (Connection c = pg.getDatabase("postgres", "idle").getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE EXTENSION pg_stat_statements");
      }
      Database database = Database.postgres(url, "postgres", "postgres", 4);
      try (JobEngine engine =
          JobEngine.builder()
              .database(database)
              .nodeId("idle-node")
              .register(TestJob.noop("nightly.job"))
              .build()) {
        engine
            .service()
            .createJobSchedule(JobSchedule.of("nightly.job", JobType.SYSTEM, "daily at 03:00"));
        engine.start();
        Thread.sleep(5_000);
        try (Connection c = pg.getDatabase("postgres", "idle").getConnection();
            Statement s = c.createStatement()) {
          s.execute("SELECT pg_stat_statements_reset()");
          Instant from = Instant.now();
          Thread.sleep(window.toMillis());
          double seconds = Duration.between(from, Instant.now()).toMillis() / 1000.0;
          try (ResultSet r =
              s.executeQuery(
                  """
                  SELECT COALESCE(SUM(calls), 0) AS calls FROM pg_stat_statements
                  WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'idle')
                    AND query NOT LIKE '%pg_stat_statements%'
                  """)) {
            r.next();
            long calls = r.getLong("calls");
            System.out.printf(
                "idle node, default settings: %d statements in %.1f s = %.3f statements/s%n",
                calls, seconds, calls / seconds);
          }
          try (ResultSet r =
              s.executeQuery(
                  """
                  SELECT calls, query FROM pg_stat_statements
                  WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'idle')
                    AND query NOT LIKE '%pg_stat_statements%'
                  ORDER BY calls DESC
                  """)) {
            while (r.next()) {
              System.out.printf(
                  "%6d  %s%n", r.getLong(1), r.getString(2).replaceAll("\\s+", " ").trim());
            }
          }
        }
      }
    }
  }
}
