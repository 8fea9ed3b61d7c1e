package io.suasor.media.collections;

import io.suasor.media.model.CreditRole;
import io.suasor.media.model.MediaType;
import java.time.MonthDay;
import java.util.List;

/**
 * One condition of a smart collection's rules, as {@link RuleParser} reads it from JSON: the
 * combinations all, any and not, and the conditions on an item and on the user's data of it.
 * docs/COLLECTIONS.md describes each one's JSON form.
 */
public sealed interface Rule {
  /** Every one of the rules holds. */
  record All(List<Rule> rules) implements Rule {
    public All {
      rules = List.copyOf(rules);
    }
  }

  /** At least one of the rules holds. */
  record Any(List<Rule> rules) implements Rule {
    public Any {
      rules = List.copyOf(rules);
    }
  }

  /** The rule does not hold. */
  record Not(Rule rule) implements Rule {}

  /** The item has one of the genres (compared without case). */
  record Genre(List<String> genres) implements Rule {
    public Genre {
      genres = List.copyOf(genres);
    }
  }

  /** One of the people is credited on the item, in the role when one is given (null: any). */
  record Person(List<String> names, CreditRole role) implements Rule {
    public Person {
      names = List.copyOf(names);
    }
  }

  /** The item's year is within the bounds; a null bound is open. */
  record Years(Integer from, Integer to) implements Rule {}

  /** The item's rating (0–10) is within the bounds; a null bound is open. */
  record Rating(Double min, Double max) implements Rule {}

  /** The user's progress through the item. */
  record Status(WatchStatus status) implements Rule {}

  /** The user marked the item a favourite (or, with false, did not). */
  record Favorite(boolean favorite) implements Rule {}

  /** The item came into the library at most this many days ago. */
  record AddedWithin(int days) implements Rule {}

  /** The item is of one of the media types. */
  record Types(List<MediaType> types) implements Rule {
    public Types {
      types = List.copyOf(types);
    }
  }

  /** The item's running time in minutes is within the bounds; a null bound is open. */
  record Runtime(Integer minMinutes, Integer maxMinutes) implements Rule {}

  /**
   * Today, in the user's time zone, is within the window (both days included); a window whose end
   * comes before its start wraps the year's end, e.g. 15 December to 6 January.
   */
  record Season(MonthDay from, MonthDay to) implements Rule {
    public boolean contains(MonthDay day) {
      if (!from.isAfter(to)) {
        return !day.isBefore(from) && !day.isAfter(to);
      }
      return !day.isBefore(from) || !day.isAfter(to);
    }
  }
}
