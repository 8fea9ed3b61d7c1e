package io.suasor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the database did, from outside the contender: pg_stat_statements and pg_stat_database
 * of one database, and the CPU time of the server's processes from /proc. Its own queries run in
 * the {@code postgres} database, so they do not count against the measured one.
 */
final class DbMeter implements AutoCloseable {
  /** Linux's USER_HZ: /proc reports CPU time in ticks of 10 ms. */
  private static final double MILLIS_PER_TICK = 10.0;

  private final String adminUrl;
  private final Connection admin;
  private final long postmasterPid;

  record Snapshot(long calls, double execMillis, double planMillis, long xacts, double cpuMillis) {}

  DbMeter(String adminUrl) throws SQLException {
    this.adminUrl = adminUrl;
    this.admin = DriverManager.getConnection(adminUrl, "postgres", "postgres");
    try (Statement s = admin.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      try (ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
        r.next();
        postmasterPid = parentOf(r.getLong(1));
      }
    }
  }

  String createDatabase(String name) throws SQLException {
    try (Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    }
    return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
  }

  void dropDatabase(String name) throws SQLException {
    try (Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  /** Forgets the statements of one database, so that what follows is the measured phase alone. */
  void resetStatements(String database) throws SQLException {
    try (PreparedStatement s =
        admin.prepareStatement(
            "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = ?),"
                + " 0)")) {
      s.setString(1, database);
      s.execute();
    }
  }

  Snapshot snapshot(String database) throws SQLException {
    long calls;
    double exec;
    double plan;
    long xacts;
    try (Statement clear = admin.createStatement()) {
      clear.execute("SELECT pg_stat_clear_snapshot()");
    }
    try (PreparedStatement s =
        admin.prepareStatement(
            """
            SELECT COALESCE(SUM(calls), 0), COALESCE(SUM(total_exec_time), 0),
                   COALESCE(SUM(total_plan_time), 0)
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = ?)
            """)) {
      s.setString(1, database);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        calls = r.getLong(1);
        exec = r.getDouble(2);
        plan = r.getDouble(3);
      }
    }
    try (PreparedStatement s =
        admin.prepareStatement(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = ?")) {
      s.setString(1, database);
      try (ResultSet r = s.executeQuery()) {
        xacts = r.next() ? r.getLong(1) : 0;
      }
    }
    return new Snapshot(calls, exec, plan, xacts, serverCpuMillis());
  }

  /** The statements of one database that took the most execution time, for the report. */
  List<Map<String, Object>> topStatements(String database, int limit) throws SQLException {
    List<Map<String, Object>> top = new ArrayList<>();
    try (PreparedStatement s =
        admin.prepareStatement(
            """
            SELECT calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g'),
                   shared_blks_hit + shared_blks_read
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = ?)
            ORDER BY total_exec_time DESC
            LIMIT ?
            """)) {
      s.setString(1, database);
      s.setInt(2, limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("calls", r.getLong(1));
          row.put("totalMs", r.getDouble(2));
          row.put("rows", r.getLong(3));
          row.put("blocksPerCall", r.getLong(5) / (double) Math.max(1, r.getLong(1)));
          String query = r.getString(4);
          row.put("query", query.length() > 160 ? query.substring(0, 160) + "…" : query);
          top.add(row);
        }
      }
    }
    return top;
  }

  /**
   * CPU time of the whole server: the postmaster, its live children, and (through the postmaster's
   * cutime and cstime) the children that already exited.
   */
  private double serverCpuMillis() {
    long ticks = 0;
    try (var processes = Files.list(Path.of("/proc"))) {
      for (Path dir : (Iterable<Path>) processes::iterator) {
        String name = dir.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        long[] stat = stat(Long.parseLong(name));
        if (stat == null) {
          continue;
        }
        long pid = Long.parseLong(name);
        if (pid == postmasterPid) {
          ticks += stat[1] + stat[2] + stat[3] + stat[4];
        } else if (stat[0] == postmasterPid) {
          ticks += stat[1] + stat[2];
        }
      }
    } catch (IOException e) {
      return Double.NaN;
    }
    return ticks * MILLIS_PER_TICK;
  }

  private static long parentOf(long pid) {
    long[] stat = stat(pid);
    return stat == null ? -1 : stat[0];
  }

  /** ppid, utime, stime, cutime, cstime of a process, or null when it is gone. */
  private static long[] stat(long pid) {
    String text;
    try {
      text = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    } catch (IOException e) {
      return null;
    }
    // The command name may hold spaces; the fields after its closing parenthesis do not.
    String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
    return new long[] {
      Long.parseLong(f[1]),
      Long.parseLong(f[11]),
      Long.parseLong(f[12]),
      Long.parseLong(f[13]),
      Long.parseLong(f[14])
    };
  }

  @Override
  public void close() throws SQLException {
    admin.close();
  }
}
