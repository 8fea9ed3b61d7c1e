package io.suasor.media.metadata.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * TMDB's answers by request, at most {@code capacity} of them (the least recently used goes first),
 * each for {@code ttl}. "Not found" is remembered too, so a title TMDB does not know is not asked
 * for again within a refresh.
 */
final class ResponseCache {
  private record Entry(Optional<JsonNode> answer, Instant expires) {}

  private final int capacity;
  private final Duration ttl;
  private final InstantSource clock;
  private final LinkedHashMap<String, Entry> entries;

  ResponseCache(int capacity, Duration ttl, InstantSource clock) {
    this.capacity = capacity;
    this.ttl = ttl;
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > ResponseCache.this.capacity;
          }
        };
  }

  /** The remembered answer, when there is a live one; an empty inner optional is "not found". */
  synchronized Optional<Optional<JsonNode>> get(String request) {
    Entry entry = entries.get(request);
    if (entry == null) {
      return Optional.empty();
    }
    if (!entry.expires().isAfter(clock.instant())) {
      entries.remove(request);
      return Optional.empty();
    }
    return Optional.of(entry.answer());
  }

  synchronized void put(String request, Optional<JsonNode> answer) {
    if (capacity > 0 && !ttl.isZero()) {
      entries.put(request, new Entry(answer, clock.instant().plus(ttl)));
    }
  }
}
