package io.suasor.media.collections;

import io.suasor.media.model.CreditRole;
import io.suasor.media.model.MediaType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Translates rules into one SQL condition over {@code media_items i} left-joined to the user's
 * {@code user_item_data d}, with its parameters in order. Every condition is two-valued (an item
 * without a year is simply not of the 1990s), so that {@code not} negates what the user expects.
 * The SQL is the same on SQLite and PostgreSQL.
 */
final class RuleSql {
  /** A series' parts are its episodes, a season's its episodes, an album's its tracks. */
  private static final String SERIES_PARTS = "p.series_id = i.id AND p.type = 'episode'";

  private static final String CHILD_PARTS = "p.parent_id = i.id";
  private static final String STARTED = "(%1$s.play_count > 0 OR %1$s.played_percentage > 0)";
  private static final String NOT_FINISHED =
      "(%1$s.play_count = 0 AND %1$s.played_percentage < " + WatchStatus.FINISHED_PERCENT + ")";

  private final RuleContext context;
  private final StringBuilder sql = new StringBuilder();
  private final List<Object> params = new ArrayList<>();

  private RuleSql(RuleContext context) {
    this.context = context;
  }

  /** The condition's SQL text and parameters. */
  record Fragment(String sql, List<Object> params) {}

  static Fragment condition(Rule rule, RuleContext context) {
    RuleSql builder = new RuleSql(context);
    builder.rule(rule);
    return new Fragment(builder.sql.toString(), List.copyOf(builder.params));
  }

  private void rule(Rule rule) {
    if (rule instanceof Rule.All all) {
      joined(all.rules(), " AND ");
    } else if (rule instanceof Rule.Any any) {
      joined(any.rules(), " OR ");
    } else if (rule instanceof Rule.Not not) {
      sql.append("NOT (");
      rule(not.rule());
      sql.append(')');
    } else if (rule instanceof Rule.Genre genre) {
      // Uncorrelated, so that the database finds the genre's items once, not once per item.
      sql.append("i.id IN (SELECT g.item_id FROM item_genres g WHERE LOWER(g.genre) IN ");
      lowered(genre.genres());
      sql.append(')');
    } else if (rule instanceof Rule.Person person) {
      person(person);
    } else if (rule instanceof Rule.Years years) {
      range("i.year", years.from(), years.to());
    } else if (rule instanceof Rule.Rating rating) {
      range("i.rating", rating.min(), rating.max());
    } else if (rule instanceof Rule.Status status) {
      status(status.status());
    } else if (rule instanceof Rule.Favorite favorite) {
      sql.append(favorite.favorite() ? "(" : "NOT (");
      sql.append("d.item_id IS NOT NULL AND d.favorite = ?)");
      params.add(Boolean.TRUE);
    } else if (rule instanceof Rule.AddedWithin added) {
      sql.append("i.added_at >= ?");
      params.add(context.now().minus(Duration.ofDays(added.days())));
    } else if (rule instanceof Rule.Types types) {
      sql.append("i.type IN ");
      in(types.types().stream().map(MediaType::value).toList());
    } else if (rule instanceof Rule.Runtime runtime) {
      range("i.duration_seconds", seconds(runtime.minMinutes()), seconds(runtime.maxMinutes()));
    } else if (rule instanceof Rule.Season season) {
      // The same for every item: the whole rule is on or off today.
      sql.append(season.contains(context.today()) ? "1 = 1" : "1 = 0");
    } else {
      throw new IllegalArgumentException("no SQL for " + rule);
    }
  }

  private void joined(List<Rule> rules, String operator) {
    sql.append('(');
    for (int i = 0; i < rules.size(); i++) {
      if (i > 0) {
        sql.append(operator);
      }
      sql.append('(');
      rule(rules.get(i));
      sql.append(')');
    }
    sql.append(')');
  }

  private void person(Rule.Person person) {
    sql.append(
        "(i.id IN (SELECT c.item_id FROM item_credits c WHERE c.person_id IN"
            + " (SELECT id FROM people WHERE LOWER(name) IN ");
    lowered(person.names());
    sql.append(')');
    if (person.role() != null) {
      sql.append(" AND c.role = ?");
      params.add(person.role().value());
    }
    sql.append(')');
    if (person.role() == null || person.role() == CreditRole.ARTIST) {
      // An artist is its own name; credits of the artist item may not repeat it.
      sql.append(" OR (i.type = 'artist' AND LOWER(i.title) IN ");
      lowered(person.names());
      sql.append(')');
    }
    sql.append(')');
  }

  private void status(WatchStatus status) {
    switch (status) {
      case WATCHED -> watched();
      case UNWATCHED -> {
        sql.append("NOT (");
        started();
        sql.append(')');
      }
      case IN_PROGRESS -> {
        sql.append('(');
        started();
        sql.append(" AND NOT (");
        watched();
        sql.append("))");
      }
    }
  }

  /** Played through: a leaf by its own data, a series, season or album by all of its parts. */
  private void watched() {
    sql.append("CASE WHEN i.type = 'series' THEN ");
    allPartsFinished(SERIES_PARTS);
    sql.append(" WHEN i.type IN ('season', 'album') THEN ");
    allPartsFinished(CHILD_PARTS);
    sql.append(" ELSE (d.item_id IS NOT NULL AND (d.play_count > 0 OR d.played_percentage >= ")
        .append(WatchStatus.FINISHED_PERCENT)
        .append(")) END");
  }

  /** Begun: its own data says so, or any of its parts'. */
  private void started() {
    sql.append("((d.item_id IS NOT NULL AND ").append(STARTED.formatted("d")).append(')');
    sql.append(" OR (i.type = 'series' AND ");
    anyPartStarted(SERIES_PARTS);
    sql.append(") OR (i.type IN ('season', 'album') AND ");
    anyPartStarted(CHILD_PARTS);
    sql.append("))");
  }

  private void allPartsFinished(String parts) {
    sql.append("(EXISTS (SELECT 1 FROM media_items p WHERE ")
        .append(parts)
        .append(") AND NOT EXISTS (SELECT 1 FROM media_items p LEFT JOIN user_item_data pd")
        .append(" ON pd.item_id = p.id AND pd.user_id = ? WHERE ")
        .append(parts)
        .append(" AND (pd.item_id IS NULL OR ")
        .append(NOT_FINISHED.formatted("pd"))
        .append(")))");
    params.add(context.userId());
  }

  private void anyPartStarted(String parts) {
    // From the parts to the user's data of each, by key: not the other way round, through all of
    // the user's data for every title.
    sql.append("EXISTS (SELECT 1 FROM media_items p WHERE ")
        .append(parts)
        .append(" AND EXISTS (SELECT 1 FROM user_item_data pd")
        .append(" WHERE pd.user_id = ? AND pd.item_id = p.id AND ")
        .append(STARTED.formatted("pd"))
        .append("))");
    params.add(context.userId());
  }

  private void range(String column, Object low, Object high) {
    sql.append('(').append(column).append(" IS NOT NULL");
    if (low != null) {
      sql.append(" AND ").append(column).append(" >= ?");
      params.add(low);
    }
    if (high != null) {
      sql.append(" AND ").append(column).append(" <= ?");
      params.add(high);
    }
    sql.append(')');
  }

  private static Integer seconds(Integer minutes) {
    return minutes == null ? null : minutes * 60;
  }

  private void lowered(List<String> values) {
    in(values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
  }

  private void in(List<String> values) {
    sql.append('(').append(String.join(", ", Collections.nCopies(values.size(), "?"))).append(')');
    params.addAll(values);
  }
}
