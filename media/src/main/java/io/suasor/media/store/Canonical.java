package io.suasor.media.store;

import io.suasor.media.model.Credit;
import io.suasor.media.model.ItemMetadata;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Metadata in the form the database gives it back (lists de-duplicated and sorted), so that what a
 * source says can be compared with what is stored, and an unchanged item is not written again.
 */
public final class Canonical {
  private Canonical() {}

  public static ItemMetadata of(ItemMetadata m) {
    Map<String, Credit> credits = new LinkedHashMap<>();
    for (Credit credit : m.credits()) {
      credits.putIfAbsent(credit.person() + "\u0000" + credit.role(), credit);
    }
    List<Credit> sortedCredits =
        credits.values().stream()
            .sorted(
                Comparator.comparing(Credit::role)
                    .thenComparingInt(Credit::order)
                    .thenComparing(Credit::person))
            .toList();
    return new ItemMetadata(
        m.title(),
        m.originalTitle(),
        m.sortTitle(),
        m.year(),
        m.premiered(),
        m.overview(),
        m.studio(),
        m.rating(),
        m.durationSeconds(),
        m.externalIds(),
        List.copyOf(new TreeSet<>(m.genres())),
        List.copyOf(new TreeSet<>(m.tags())),
        sortedCredits);
  }

  public static boolean same(ItemMetadata a, ItemMetadata b) {
    return of(a).equals(of(b));
  }
}
