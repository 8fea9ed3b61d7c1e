package io.suasor.media.collections;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How far a user got with an item. Watched: played through (a play counted, or at least {@link
 * #FINISHED_PERCENT} %); in progress: started but not finished; unwatched: never started. A series,
 * season or album is watched when every episode or track is, unwatched when none was started.
 */
public enum WatchStatus {
  WATCHED("watched"),
  UNWATCHED("unwatched"),
  IN_PROGRESS("inProgress");

  /** How far into an item a user must be for it to count as watched without a counted play. */
  public static final int FINISHED_PERCENT = 90;

  private final String value;

  WatchStatus(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  /** The status named {@code value}, or null when there is none of that name. */
  public static WatchStatus of(String value) {
    return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst().orElse(null);
  }

  public static String names() {
    return Arrays.stream(values()).map(WatchStatus::value).collect(Collectors.joining(", "));
  }
}
