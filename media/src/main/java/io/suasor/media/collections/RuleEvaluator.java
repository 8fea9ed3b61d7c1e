package io.suasor.media.collections;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the items a smart collection's rules select, in its order and up to its limit, with one SQL
 * statement (the same on SQLite and PostgreSQL): the rules become the condition ({@link RuleSql}),
 * the sort a key computed beside each match, ties broken by title and id so that the order is the
 * same on every run.
 */
public final class RuleEvaluator {
  /**
   * A stable shuffle of ids: the seeded id scattered by a multiplier, then squared, modulo a prime
   * below 2^31 (squaring, because sums and products alone would only rotate one order for every
   * seed). No factor reaches 2^31, so no product overflows either database's 64-bit integers.
   */
  private static final long SHUFFLE_MODULUS = 2_147_483_647L;

  private static final long SHUFFLE_MULTIPLIER = 1_103_515_245L;
  private static final String TITLE_KEY = "LOWER(COALESCE(i.sort_title, i.title))";
  private static final String FROM =
      " FROM media_items i LEFT JOIN user_item_data d ON d.item_id = i.id AND d.user_id = ?"
          + " WHERE ";

  private final Database database;

  public RuleEvaluator(Database database) {
    this.database = database;
  }

  /** The ids of the selected items, in order. */
  public List<Long> evaluate(SmartRules rules, RuleContext context) {
    return database.read(
        "evaluate smart collection rules for user " + context.userId(),
        c -> evaluate(c, rules, context));
  }

  /** How many items the rules select before the limit. */
  public long count(SmartRules rules, RuleContext context) {
    RuleSql.Fragment condition = RuleSql.condition(rules.rules(), context);
    List<Object> params = new ArrayList<>();
    params.add(context.userId());
    params.addAll(condition.params());
    return database.read(
        "count the matches of smart collection rules for user " + context.userId(),
        c ->
            Jdbc.queryOne(
                    c,
                    "SELECT COUNT(*) AS matches" + FROM + condition.sql(),
                    row -> row.getLong("matches"),
                    params.toArray())
                .orElse(0L));
  }

  static List<Long> evaluate(Connection c, SmartRules rules, RuleContext context)
      throws SQLException {
    List<Object> params = new ArrayList<>();
    String key = sortKey(rules.sort(), context, params);
    params.add(context.userId());
    RuleSql.Fragment condition = RuleSql.condition(rules.rules(), context);
    params.addAll(condition.params());
    params.add(rules.limit());
    Sort sort = rules.sort();
    String direction = sort.descending() ? " DESC" : " ASC";
    String order =
        switch (sort.by()) {
          case TITLE -> "title_key" + direction + ", id";
          case RANDOM -> "sort_key, id";
          default ->
              "CASE WHEN sort_key IS NULL THEN 1 ELSE 0 END, sort_key"
                  + direction
                  + ", title_key, id";
        };
    String sql =
        "SELECT id FROM (SELECT i.id AS id, "
            + key
            + " AS sort_key, "
            + TITLE_KEY
            + " AS title_key"
            + FROM
            + condition.sql()
            + ") matched ORDER BY "
            + order
            + " LIMIT ?";
    return Jdbc.query(c, sql, row -> row.getLong("id"), params.toArray());
  }

  private static String sortKey(Sort sort, RuleContext context, List<Object> params) {
    return switch (sort.by()) {
      case TITLE -> TITLE_KEY;
      case YEAR -> "i.year";
      case RATING -> "i.rating";
      case ADDED -> "i.added_at";
      case RUNTIME -> "i.duration_seconds";
      case LAST_PLAYED -> {
        params.add(context.userId());
        params.add(context.userId());
        yield """
            COALESCE(d.last_played_at, CASE
                WHEN i.type = 'series' THEN (SELECT MAX(pd.last_played_at) FROM media_items p
                    JOIN user_item_data pd ON pd.item_id = p.id AND pd.user_id = ?
                    WHERE p.series_id = i.id)
                WHEN i.type IN ('season', 'album') THEN (SELECT MAX(pd.last_played_at)
                    FROM media_items p JOIN user_item_data pd ON pd.item_id = p.id
                    AND pd.user_id = ? WHERE p.parent_id = i.id)
                END)""";
      }
      case RANDOM -> {
        // The user's own shuffle unless the sort names one; stable from run to run.
        long seed = sort.seed() != null ? sort.seed() : context.userId();
        params.add(Math.floorMod(seed, SHUFFLE_MODULUS));
        params.add(Math.floorMod(seed, SHUFFLE_MODULUS));
        String scattered =
            "(((i.id + ?) % "
                + SHUFFLE_MODULUS
                + ") * "
                + SHUFFLE_MULTIPLIER
                + " % "
                + SHUFFLE_MODULUS
                + ")";
        yield "(" + scattered + " * " + scattered + " % " + SHUFFLE_MODULUS + ")";
      }
    };
  }
}
