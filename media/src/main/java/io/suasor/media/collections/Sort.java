package io.suasor.media.collections;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The order of a smart collection's items. {@code descending} defaults to false for titles and true
 * for the rest (highest rated, newest, last played first); {@code seed} picks which stable shuffle
 * {@code random} is (null: the user's own).
 */
public record Sort(By by, boolean descending, Long seed) {
  public static final Sort DEFAULT = new Sort(By.TITLE, false, null);

  /** What the items are ordered by. */
  public enum By {
    TITLE("title", false),
    YEAR("year", true),
    RATING("rating", true),
    ADDED("added", true),
    RUNTIME("runtime", true),
    LAST_PLAYED("lastPlayed", true),
    RANDOM("random", false);

    private final String value;
    private final boolean descendingByDefault;

    By(String value, boolean descendingByDefault) {
      this.value = value;
      this.descendingByDefault = descendingByDefault;
    }

    public String value() {
      return value;
    }

    public boolean descendingByDefault() {
      return descendingByDefault;
    }

    /** The sort named {@code value}, or null when there is none of that name. */
    public static By of(String value) {
      return Arrays.stream(values()).filter(b -> b.value.equals(value)).findFirst().orElse(null);
    }

    public static String names() {
      return Arrays.stream(values()).map(By::value).collect(Collectors.joining(", "));
    }
  }
}
