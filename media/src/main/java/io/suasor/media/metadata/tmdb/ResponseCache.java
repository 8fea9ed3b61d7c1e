package io.suasor.media.metadata.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * TMDB's answers by request, each for {@code ttl}, at most {@code capacity} characters of JSON in
 * all (the least recently used go first): bounded by size rather than count, since a film's details
 * with its full credits weigh a hundred times a search that found nothing. "Not found" is
 * remembered too, so a title TMDB does not know is not asked for again within a refresh.
 */
final class ResponseCache {
  /** What an answer without a body ("not found") is counted as. */
  private static final int EMPTY_WEIGHT = 64;

  private record Entry(Optional<JsonNode> answer, Instant expires, long weight) {}

  private final long capacity;
  private final Duration ttl;
  private final InstantSource clock;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long weight;

  ResponseCache(long capacity, Duration ttl, InstantSource clock) {
    this.capacity = capacity;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The remembered answer, when there is a live one; an empty inner optional is "not found". */
  synchronized Optional<Optional<JsonNode>> get(String request) {
    Entry entry = entries.get(request);
    if (entry == null) {
      return Optional.empty();
    }
    if (!entry.expires().isAfter(clock.instant())) {
      remove(request);
      return Optional.empty();
    }
    return Optional.of(entry.answer());
  }

  synchronized void put(String request, Optional<JsonNode> answer) {
    long size = request.length() + answer.map(a -> (long) a.toString().length()).orElse(0L);
    long entryWeight = Math.max(EMPTY_WEIGHT, size);
    if (ttl.isZero() || entryWeight > capacity) {
      return;
    }
    remove(request);
    entries.put(request, new Entry(answer, clock.instant().plus(ttl), entryWeight));
    weight += entryWeight;
    Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
    while (weight > capacity && eldest.hasNext()) {
      weight -= eldest.next().getValue().weight();
      eldest.remove();
    }
  }

  /** Characters of JSON held now. */
  synchronized long weight() {
    return weight;
  }

  private void remove(String request) {
    Entry old = entries.remove(request);
    if (old != null) {
      weight -= old.weight();
    }
  }
}
