package io.suasor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Samples pg_stat_activity of one database every 100 ms on a thread of its own, from the {@code
 * postgres} database: how many connections are open, and how many run a statement at that moment.
 */
final class ActivitySampler implements AutoCloseable {
  private final Thread thread;
  private volatile boolean running = true;
  private int samples;
  private int maxOpen;
  private int maxActive;
  private long activeSum;

  /** Counts of one sampling window. */
  record Activity(int maxOpen, int maxActive, double meanActive) {}

  ActivitySampler(String adminUrl, String database) throws SQLException {
    Connection admin = DriverManager.getConnection(adminUrl, "postgres", "postgres");
    thread =
        new Thread(
            () -> {
              try (admin;
                  PreparedStatement s =
                      admin.prepareStatement(
                          "SELECT COUNT(*), COUNT(*) FILTER (WHERE state = 'active')"
                              + " FROM pg_stat_activity WHERE datname = ?")) {
                s.setString(1, database);
                while (running) {
                  try (ResultSet r = s.executeQuery()) {
                    r.next();
                    record(r.getInt(1), r.getInt(2));
                  }
                  Thread.sleep(100);
                }
              } catch (SQLException | InterruptedException e) {
                running = false;
              }
            },
            "activity-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private synchronized void record(int open, int active) {
    samples++;
    maxOpen = Math.max(maxOpen, open);
    maxActive = Math.max(maxActive, active);
    activeSum += active;
  }

  /** Stops sampling and returns what was seen. */
  Activity finish() throws InterruptedException {
    running = false;
    thread.join(2_000);
    synchronized (this) {
      return new Activity(maxOpen, maxActive, samples == 0 ? 0 : activeSum / (double) samples);
    }
  }

  @Override
  public void close() throws InterruptedException {
    finish();
  }
}
