package io.suasor.media.model;

import java.util.Locale;

/**
 * How much a notification matters: a followed series' new episode is high, something new in the
 * user's library normal, a film they might like low. A daily limit is filled in this order.
 */
public enum NotificationPriority {
  HIGH,
  NORMAL,
  LOW;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static NotificationPriority of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
