package io.suasor.media.collections;

import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;

/**
 * Whose collection is evaluated and when: the user's data and "today" (for seasons and recently
 * added) come from here, the day in the user's own time zone.
 */
public record RuleContext(long userId, Instant now, ZoneId zone) {
  public MonthDay today() {
    return MonthDay.from(now.atZone(zone));
  }
}
