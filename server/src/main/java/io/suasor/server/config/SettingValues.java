package io.suasor.server.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The raw value of each setting that was given, with where it came from, and the typed readings the
 * loader checks: a wrong value is reported with its origin and what to write instead.
 */
final class SettingValues {
  private final Map<Setting, SettingValue> given = new EnumMap<>(Setting.class);

  void put(Setting setting, String value, Origin origin) {
    given.put(setting, new SettingValue(setting, value.trim(), origin));
  }

  /** The value given for {@code setting}, if any. */
  Optional<SettingValue> given(Setting setting) {
    return Optional.ofNullable(given.get(setting));
  }

  Optional<String> text(Setting setting) {
    return given(setting).map(SettingValue::value).filter(v -> !v.isBlank());
  }

  /** The origin and every way to set it, for messages. */
  String describe(Setting setting) {
    return given(setting).map(v -> v.origin().phrase()).orElse("the default of " + setting.key())
        + " ("
        + setting.key()
        + " in a config file, "
        + setting.env()
        + " or "
        + setting.option()
        + ")";
  }

  ConfigException wrong(Setting setting, String what) {
    String shown = setting.secret() ? "" : " is '" + text(setting).orElse("") + "';";
    return new ConfigException(describe(setting) + shown + " " + what);
  }

  Path path(Setting setting, Path fallback) {
    Optional<String> value = text(setting);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Path.of(value.get());
    } catch (InvalidPathException e) {
      throw wrong(setting, "set it to a folder path (" + e.getReason() + ")");
    }
  }

  long number(Setting setting, long fallback, long min, long max) {
    Optional<String> value = text(setting);
    if (value.isEmpty()) {
      return fallback;
    }
    long parsed;
    try {
      parsed = Long.parseLong(value.get());
    } catch (NumberFormatException e) {
      parsed = Long.MIN_VALUE;
    }
    if (parsed < min || parsed > max) {
      throw wrong(setting, "set it to a whole number from " + min + " to " + max);
    }
    return parsed;
  }

  int number(Setting setting, int fallback, int min, int max) {
    return (int) number(setting, (long) fallback, min, max);
  }

  Duration duration(Setting setting, Duration fallback, Duration least) {
    Optional<String> value = text(setting);
    if (value.isEmpty()) {
      return fallback;
    }
    Optional<Duration> parsed = Durations.parse(value.get());
    if (parsed.isEmpty() || parsed.get().compareTo(least) < 0) {
      throw wrong(
          setting,
          "set it to a duration of at least "
              + least.toMillis()
              + "ms, written as a number and a unit (ms, s, m, h, d), e.g. 30s or 7d");
    }
    return parsed.get();
  }

  /** One of {@code choices}, lower case. */
  String choice(Setting setting, String fallback, String... choices) {
    String value = text(setting).orElse(fallback).toLowerCase(java.util.Locale.ROOT);
    for (String choice : choices) {
      if (choice.equals(value)) {
        return value;
      }
    }
    throw wrong(setting, "set it to one of " + String.join(", ", choices));
  }
}
