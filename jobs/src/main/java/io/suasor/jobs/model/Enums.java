package io.suasor.jobs.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses the lower-case text form shared by every enum the engine stores and exchanges. */
final class Enums {
  private Enums() {}

  static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
    if (value != null) {
      String wanted = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(wanted)) {
          return constant;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown "
            + what
            + " '"
            + value
            + "'; use one of "
            + list(Arrays.asList(type.getEnumConstants())));
  }

  static String list(Collection<? extends Enum<?>> constants) {
    return constants.stream()
        .map(c -> c.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
