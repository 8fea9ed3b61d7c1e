package io.suasor.media.maintenance;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What optimising and checking a database means on each engine: on SQLite {@code PRAGMA optimize},
 * an incremental vacuum, {@code quick_check} and {@code foreign_key_check}; on PostgreSQL {@code
 * ANALYZE} and a look for invalid indexes. Both also count the media rows that break the domain's
 * own rules (an episode without its series, user data of a removed item).
 */
final class DatabaseChecks {
  private final Database database;

  DatabaseChecks(Database database) {
    this.database = database;
  }

  boolean isSqlite() {
    return database.dialect().id().equals("sqlite");
  }

  /** Optimises; adds its figures to {@code stats}. */
  void optimise(Map<String, Long> stats) {
    if (isSqlite()) {
      database.write(
          "optimise SQLite",
          c -> {
            execute(c, "PRAGMA optimize");
            long mode = single(c, "PRAGMA auto_vacuum");
            long freeBefore = single(c, "PRAGMA freelist_count");
            if (mode == 2) {
              execute(c, "PRAGMA incremental_vacuum");
            } else if (freeBefore > 0) {
              // Incremental vacuum needs auto_vacuum=INCREMENTAL, which only a full VACUUM can
              // switch on in an existing file; done once, every later run is incremental.
              execute(c, "PRAGMA auto_vacuum = INCREMENTAL");
              execute(c, "VACUUM");
              stats.put("vacuumedFully", 1L);
            }
            stats.put("pagesReclaimed", freeBefore - single(c, "PRAGMA freelist_count"));
            return null;
          });
    } else {
      database.write(
          "analyse PostgreSQL",
          c -> {
            execute(c, "ANALYZE");
            stats.put("analyzed", 1L);
            return null;
          });
    }
  }

  /** Checks integrity; returns the problems found, adding their counts to {@code stats}. */
  List<String> check(Map<String, Long> stats) {
    List<String> problems = new ArrayList<>();
    database.read(
        "check database",
        c -> {
          if (isSqlite()) {
            for (String line : Jdbc.query(c, "PRAGMA quick_check", row -> row.getString(1))) {
              if (!line.equals("ok")) {
                problems.add("quick_check: " + line);
              }
            }
            int violations =
                Jdbc.query(c, "PRAGMA foreign_key_check", row -> row.getString(1)).size();
            stats.put("foreignKeyViolations", (long) violations);
            if (violations > 0) {
              problems.add(violations + " rows break a foreign key");
            }
          } else {
            List<String> invalid =
                Jdbc.query(
                    c,
                    """
                    SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                    WHERE NOT i.indisvalid OR NOT i.indisready
                    """,
                    row -> row.getString("relname"));
            stats.put("invalidIndexes", (long) invalid.size());
            invalid.forEach(name -> problems.add("invalid index " + name));
          }
          long dangling =
              count(
                  c,
                  """
                  SELECT COUNT(*) FROM media_items
                  WHERE (type IN ('season', 'episode', 'album', 'track') AND parent_id IS NULL)
                     OR (type = 'episode' AND series_id IS NULL)
                  """);
          long orphanedData =
              count(
                  c,
                  """
                  SELECT COUNT(*) FROM user_item_data d
                  WHERE NOT EXISTS (SELECT 1 FROM media_items i WHERE i.id = d.item_id)
                  """);
          stats.put("itemsMissingParent", dangling);
          stats.put("userDataOfRemovedItems", orphanedData);
          if (dangling + orphanedData > 0) {
            problems.add(
                dangling
                    + " items miss their parent and "
                    + orphanedData
                    + " user data rows name removed items (library cleanup repairs both)");
          }
          return null;
        });
    stats.put("integrityProblems", (long) problems.size());
    return problems;
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long single(Connection c, String sql) throws SQLException {
    return Jdbc.queryOne(c, sql, row -> row.getLong(1)).orElse(0L);
  }

  private static long count(Connection c, String sql) throws SQLException {
    return single(c, sql);
  }
}
