package io.suasor.media.metadata.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.jobs.testing.SettableClock;
import io.suasor.media.store.Json;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {
  private final SettableClock clock = SettableClock.at("2026-03-01T10:00:00Z");

  private static Optional<JsonNode> answer(int chars) {
    return Optional.of(Json.mapper().createObjectNode().put("x", "y".repeat(chars - 8)));
  }

  @Test
  void theLeastRecentlyUsedAnswersGoWhenTheSizeIsExceeded() {
    ResponseCache cache = new ResponseCache(1_000, Duration.ofHours(1), clock);
    cache.put("a", answer(400));
    cache.put("b", answer(400));
    cache.get("a");

    cache.put("c", answer(400));

    assertThat(cache.get("a")).isPresent();
    assertThat(cache.get("b")).isEmpty();
    assertThat(cache.get("c")).isPresent();
    assertThat(cache.weight()).isLessThanOrEqualTo(1_000);
  }

  @Test
  void notFoundIsRememberedAndEverythingExpires() {
    ResponseCache cache = new ResponseCache(1_000, Duration.ofHours(1), clock);
    cache.put("missing", Optional.empty());
    assertThat(cache.get("missing")).hasValue(Optional.empty());

    clock.advance(Duration.ofHours(1));

    assertThat(cache.get("missing")).isEmpty();
    assertThat(cache.weight()).isZero();
  }

  @Test
  void anAnswerLargerThanTheWholeCacheIsNotKept() {
    ResponseCache cache = new ResponseCache(100, Duration.ofHours(1), clock);
    cache.put("big", answer(500));
    assertThat(cache.get("big")).isEmpty();
    assertThat(cache.weight()).isZero();
  }
}
