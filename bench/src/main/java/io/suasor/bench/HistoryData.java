package io.suasor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills {@code job_runs} of a migrated database with ended runs straight in SQL: {@code
 * generate_series} over a year ending at {@code now}, the server's nine system and user jobs, users
 * 1 to {@link #USERS} for the user jobs, 95 % completed, 4 % failed, 1 % cancelled. The table's
 * secondary indexes are dropped while it fills and rebuilt after (one sort per index instead of ten
 * million insertions each), from their own definitions, so the schema stays the migrations'.
 */
final class HistoryData {
  static final int USERS = 10_000;
  static final Duration SPAN = Duration.ofDays(365);
  private static final int CHUNK = 1_000_000;

  /** Jobs of users first: a row's job is picked by hash, and those below 4 get a user. */
  static final List<String> JOBS =
      List.of(
          "system.user.activity.analysis",
          "system.recommendation",
          "system.smart.collections",
          "system.favorites.sync",
          "system.media.sync",
          "system.metadata.refresh",
          "system.library.cleanup",
          "system.database.maintenance",
          "system.new.release.notification");

  private static final String INSERT =
      """
      INSERT INTO job_runs (job_name, job_type, user_id, status, trigger_kind, attempt, run_at,
          start_time, end_time, progress, total_items, processed_items, error_message, node_id,
          concurrency_key, concurrency_limit, created_at, updated_at)
      SELECT j.name, CASE WHEN j.k < 4 THEN 'user' ELSE 'system' END, u.id,
             CASE WHEN s.h < 95 THEN 'completed' WHEN s.h < 99 THEN 'failed' ELSE 'cancelled' END,
             'schedule', 1, t.at, t.at + 5, t.at + 5 + (g %% 5000),
             100, 10, 10,
             CASE WHEN s.h BETWEEN 95 AND 98 THEN 'the source did not answer' END,
             'node-' || (g %% 3), j.name || '|' || COALESCE(u.id::text, '-'), 1, t.at,
             t.at + 5 + (g %% 5000)
      FROM generate_series(?::bigint, ?::bigint) AS g
      CROSS JOIN LATERAL (SELECT ((g * 2654435761) %% 1000003) AS h) AS r
      CROSS JOIN LATERAL (SELECT (r.h %% 9)::int AS k) AS jk
      CROSS JOIN LATERAL (SELECT jk.k AS k, (ARRAY[%s])[jk.k + 1] AS name) AS j
      CROSS JOIN LATERAL (SELECT CASE WHEN j.k < 4 THEN 1 + (r.h / 9) %% %d END AS id) AS u
      CROSS JOIN LATERAL (SELECT (r.h / 97) %% 100 AS h) AS s
      CROSS JOIN LATERAL (SELECT ? + (g - 1) * ? AS at) AS t
      """;

  private HistoryData() {}

  /** How many runs the table holds. */
  static long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM job_runs")) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Creates the database {@code name} on the server of {@code adminUrl} unless it exists. */
  static void createDatabase(String adminUrl, String name) throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "postgres");
        Statement s = admin.createStatement();
        ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
      if (!r.next()) {
        s.execute("CREATE DATABASE " + name);
      }
    }
  }

  /**
   * Fills {@code job_runs} with {@code runs} ended runs over the year before now, unless it holds
   * nearly that many already (an earlier run of a bench made them).
   */
  static void ensure(String url, long runs) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      long have = count(c);
      if (have < runs * 99 / 100) {
        System.err.printf("generating %,d runs (the table had %,d)%n", runs, have);
        try (Statement s = c.createStatement()) {
          s.execute("TRUNCATE job_runs CASCADE");
        }
        fill(c, runs, Instant.now());
      }
    }
  }

  /** Adds {@code runs} ended runs, created evenly over the year before {@code now}. */
  static void fill(Connection c, long runs, Instant now) throws SQLException {
    fill(c, runs, now.minus(SPAN), SPAN);
  }

  /** Adds {@code runs} ended runs, created evenly over {@code span} from {@code first}. */
  static void fill(Connection c, long runs, Instant firstCreated, Duration span)
      throws SQLException {
    List<String> indexes = secondaryIndexes(c);
    try (Statement s = c.createStatement()) {
      for (String index : indexes) {
        s.execute("DROP INDEX " + index.substring(0, index.indexOf('\t')));
      }
    }
    long first = firstCreated.toEpochMilli();
    long step = Math.max(1, span.toMillis() / runs);
    String names = String.join(", ", JOBS.stream().map(n -> "'" + n + "'").toList());
    insertInChunks(c, INSERT.formatted(names, USERS), runs, first, step);
    try (Statement s = c.createStatement()) {
      for (String index : indexes) {
        long began = System.nanoTime();
        s.execute(index.substring(index.indexOf('\t') + 1));
        System.err.printf(
            "  %s rebuilt in %.1f s%n",
            index.substring(0, index.indexOf('\t')), (System.nanoTime() - began) / 1e9);
      }
      s.execute("VACUUM ANALYZE job_runs");
    }
  }

  /**
   * Runs {@code sql}, an insert of the runs numbered from its first to its second parameter created
   * at its third plus (number - 1) times its fourth, a million runs at a time.
   */
  static void insertInChunks(Connection c, String sql, long runs, long first, long step)
      throws SQLException {
    for (long from = 1; from <= runs; from += CHUNK) {
      long to = Math.min(runs, from + CHUNK - 1);
      long began = System.nanoTime();
      try (PreparedStatement insert = c.prepareStatement(sql)) {
        insert.setLong(1, from);
        insert.setLong(2, to);
        insert.setLong(3, first);
        insert.setLong(4, step);
        insert.executeUpdate();
      }
      System.err.printf(
          "  runs %,d to %,d inserted in %.1f s%n", from, to, (System.nanoTime() - began) / 1e9);
    }
  }

  /** Each secondary index of {@code job_runs} as "name TAB its CREATE statement". */
  private static List<String> secondaryIndexes(Connection c) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                """
                SELECT indexname, indexdef FROM pg_indexes
                WHERE tablename = 'job_runs' AND indexname <> 'job_runs_pkey'
                ORDER BY indexname
                """)) {
      while (r.next()) {
        found.add(r.getString(1) + "\t" + r.getString(2));
      }
    }
    return found;
  }
}
