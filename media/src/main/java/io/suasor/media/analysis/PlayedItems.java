package io.suasor.media.analysis;

import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.MediaType;
import io.suasor.media.store.ItemSummary;
import io.suasor.media.store.ItemSummaryStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the items of a page of plays into {@link PlayedItem}s, reading only those items and the
 * series, albums and artists above them. Summaries are kept in a bounded least-recently-used cache,
 * so a long history of the same few series is read from the database once.
 */
final class PlayedItems {
  /** Track → album → artist, or episode → season → series when the series link is missing. */
  private static final int MAX_ANCESTORS = 2;

  /**
   * The top-billed actors only: the leads say something of a taste, the thirtieth extra does not,
   * and whole casts would fill the people counts with names that no share ever shows.
   */
  static final int ACTORS_PER_ITEM = 5;

  private final ItemSummaryStore store;
  private final Map<Long, ItemSummary> cache;

  PlayedItems(ItemSummaryStore store, int cacheSize) {
    this.store = store;
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, ItemSummary> eldest) {
            return size() > cacheSize;
          }
        };
  }

  /** The played items among {@code ids} that are still in the library, by id. */
  Map<Long, PlayedItem> resolve(Collection<Long> ids) {
    Map<Long, ItemSummary> known = new HashMap<>();
    Set<Long> wanted = new HashSet<>(ids);
    for (int level = 0; level <= MAX_ANCESTORS && !wanted.isEmpty(); level++) {
      load(wanted, known);
      Set<Long> above = new HashSet<>();
      for (Long id : wanted) {
        ItemSummary item = known.get(id);
        Long up = item == null ? null : up(item);
        if (up != null && !known.containsKey(up)) {
          above.add(up);
        }
      }
      wanted = above;
    }
    Map<Long, PlayedItem> played = new HashMap<>();
    for (Long id : ids) {
      ItemSummary item = known.get(id);
      if (item != null) {
        played.put(id, played(chain(item, known)));
      }
    }
    return played;
  }

  private void load(Set<Long> ids, Map<Long, ItemSummary> into) {
    List<Long> missing = new ArrayList<>();
    for (Long id : ids) {
      ItemSummary cached = cache.get(id);
      if (cached == null) {
        missing.add(id);
      } else {
        into.put(id, cached);
      }
    }
    for (ItemSummary item : store.summaries(missing)) {
      cache.put(item.id(), item);
      into.put(item.id(), item);
    }
  }

  private static Long up(ItemSummary item) {
    return item.seriesId() != null ? item.seriesId() : item.parentId();
  }

  /** The item, then the items above it, nearest first. */
  private static List<ItemSummary> chain(ItemSummary item, Map<Long, ItemSummary> known) {
    List<ItemSummary> chain = new ArrayList<>();
    chain.add(item);
    ItemSummary current = item;
    while (chain.size() <= MAX_ANCESTORS) {
      Long up = up(current);
      current = up == null ? null : known.get(up);
      if (current == null) {
        break;
      }
      chain.add(current);
    }
    return chain;
  }

  private static PlayedItem played(List<ItemSummary> chain) {
    ItemSummary item = chain.get(0);
    Integer year = null;
    List<String> genres = List.of();
    Set<PlayedItem.Person> people = new LinkedHashSet<>();
    PlayedItem.Titled series = null;
    PlayedItem.Titled artist = null;
    for (ItemSummary link : chain) {
      if (year == null) {
        year = link.year();
      }
      if (genres.isEmpty()) {
        genres = link.genres();
      }
      people.addAll(people(link));
      if (series == null && link.type() == MediaType.SERIES) {
        series = new PlayedItem.Titled(link.id(), link.title());
      }
      if (artist == null && link.type() == MediaType.ARTIST) {
        artist = new PlayedItem.Titled(link.id(), link.title());
      }
    }
    return new PlayedItem(
        item.id(),
        item.type(),
        item.durationSeconds(),
        year,
        genres,
        List.copyOf(people),
        series,
        artist);
  }

  private static List<PlayedItem.Person> people(ItemSummary item) {
    List<PlayedItem.Person> people = new ArrayList<>();
    item.credits().stream()
        .filter(credit -> credit.role() == CreditRole.ACTOR)
        .sorted(Comparator.comparingInt(Credit::order))
        .limit(ACTORS_PER_ITEM)
        .forEach(credit -> people.add(new PlayedItem.Person(credit.person(), "actor")));
    item.credits().stream()
        .filter(credit -> credit.role() != CreditRole.ACTOR)
        .forEach(
            credit -> people.add(new PlayedItem.Person(credit.person(), credit.role().value())));
    return people;
  }
}
