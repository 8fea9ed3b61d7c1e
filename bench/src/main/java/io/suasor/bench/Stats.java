package io.suasor.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/** Medians and extremes of a few measured rounds. */
final class Stats {
  private Stats() {}

  static OptionalDouble median(List<Double> values) {
    if (values.isEmpty()) {
      return OptionalDouble.empty();
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return OptionalDouble.of(
        sorted.size() % 2 == 1
            ? sorted.get(middle)
            : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
  }

  static double min(List<Double> values) {
    return Collections.min(values);
  }

  static double max(List<Double> values) {
    return Collections.max(values);
  }
}
