package io.suasor.jobs.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a schedule does with fire instants that passed while no node was running. */
public enum MisfirePolicy {
  /** Run once for all the missed instants, then go on from now. The default. */
  FIRE_ONCE,
  /** Run none of them; go on with the next instant after now. */
  SKIP,
  /** Run each missed instant, up to a bounded number, then go on from now. */
  CATCH_UP;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static MisfirePolicy fromValue(String value) {
    return Enums.parse(MisfirePolicy.class, value, "misfire policy");
  }
}
