package io.suasor.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementCacheTest {
  @TempDir Path folder;
  private Database database;

  @BeforeEach
  void open() {
    database = TestDatabases.sqlite(folder);
    database.write(
        "create table",
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE counters (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
            s.execute("INSERT INTO counters (id, n) VALUES (1, 0)");
          }
          return null;
        });
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aTextPreparedAgainOnTheSameConnectionReusesItsStatement() {
    List<PreparedStatement> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      database.write(
          "read",
          c -> {
            try (StatementCache.Lease lease =
                StatementCache.prepare(c, "SELECT n FROM counters WHERE id = ?")) {
              seen.add(lease.statement());
            }
            return null;
          });
    }
    assertThat(seen).hasSize(3).allSatisfy(s -> assertThat(s).isSameAs(seen.get(0)));
  }

  @Test
  void aTextBorrowedTwiceAtOnceGetsTwoStatementsThatBothWork() {
    database.write(
        "nested",
        c -> {
          String sql = "SELECT n FROM counters WHERE id = ?";
          try (StatementCache.Lease outer = StatementCache.prepare(c, sql);
              StatementCache.Lease inner = StatementCache.prepare(c, sql)) {
            assertThat(inner.statement()).isNotSameAs(outer.statement());
            outer.statement().setLong(1, 1);
            inner.statement().setLong(1, 1);
            try (ResultSet a = outer.statement().executeQuery();
                ResultSet b = inner.statement().executeQuery()) {
              assertThat(a.next()).isTrue();
              assertThat(b.next()).isTrue();
            }
          }
          return null;
        });
    Optional<Integer> n =
        database.read("read", c -> Jdbc.queryOne(c, "SELECT n FROM counters", r -> r.getInt(1)));
    assertThat(n).contains(0);
  }

  @Test
  void aReusedQueryHoldsNoSnapshotAndSeesLaterWrites() throws Exception {
    String read = "SELECT n FROM counters WHERE id = ?";
    for (int i = 1; i <= 5; i++) {
      int expected = i - 1;
      Optional<Integer> n =
          database.read("read", c -> Jdbc.queryOne(c, read, r -> r.getInt(1), 1L));
      assertThat(n).contains(expected);
      database.write(
          "increment", c -> Jdbc.update(c, "UPDATE counters SET n = n + 1 WHERE id = ?", 1L));
    }
    // Idle cached statements keep no read transaction open, so a full checkpoint completes.
    int busy =
        database.write(
            "checkpoint",
            c -> Jdbc.queryOne(c, "PRAGMA wal_checkpoint(TRUNCATE)", r -> r.getInt(1)).orElse(1));
    assertThat(busy).isZero();
  }

  @Test
  void aConnectionKeepsOnlyItsMostRecentlyUsedTexts() {
    database.write(
        "many texts",
        c -> {
          PreparedStatement first;
          try (StatementCache.Lease lease = StatementCache.prepare(c, "SELECT 0")) {
            first = lease.statement();
          }
          for (int i = 1; i <= StatementCache.PER_CONNECTION; i++) {
            try (StatementCache.Lease lease = StatementCache.prepare(c, "SELECT " + i)) {
              assertThat(lease.statement()).isNotNull();
            }
          }
          assertThat(first.isClosed()).isTrue();
          return null;
        });
  }

  @Test
  void postgresStatementsArePassedThroughAndClosed() {
    try (Database postgres = TestDatabases.postgres(1)) {
      PreparedStatement used =
          postgres.write(
              "read",
              c -> {
                try (StatementCache.Lease lease = StatementCache.prepare(c, "SELECT 1")) {
                  return lease.statement();
                }
              });
      boolean closed = postgres.write("check", c -> used.isClosed());
      assertThat(closed).isTrue();
    }
  }
}
