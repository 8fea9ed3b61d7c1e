package io.suasor.media.analysis;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Seconds spent per key (a genre, a person, a decade, …), and the keys with the most of them. */
final class HoursBy<K> {
  /** How many entries each of the profile's lists keeps. */
  static final int TOP = 10;

  private final Map<K, Double> seconds = new HashMap<>();
  private final Comparator<K> ties;

  /** {@code ties} orders keys with equal time, so that every run lists them alike. */
  HoursBy(Comparator<K> ties) {
    this.ties = ties;
  }

  void add(K key, double spent) {
    if (spent > 0) {
      seconds.merge(key, spent, Double::sum);
    }
  }

  /**
   * The {@link #TOP} keys with the most time, most first, each made into an entry from its share of
   * {@code totalSeconds} and its hours.
   */
  <T> List<T> top(double totalSeconds, Entry<K, T> entry) {
    return seconds.entrySet().stream()
        .sorted(
            Map.Entry.<K, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey(ties)))
        .limit(TOP)
        .map(
            e ->
                entry.make(
                    e.getKey(),
                    Rounding.share(totalSeconds == 0 ? 0 : e.getValue() / totalSeconds),
                    Rounding.hours(e.getValue())))
        .toList();
  }

  /** Makes a list entry of a key, its share and its hours. */
  @FunctionalInterface
  interface Entry<K, T> {
    T make(K key, double share, double hours);
  }
}
