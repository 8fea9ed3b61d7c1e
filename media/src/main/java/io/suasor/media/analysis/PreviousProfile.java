package io.suasor.media.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.suasor.media.model.ActivityProfile;
import io.suasor.media.store.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the profile being replaced said, as far as the trend needs: its plays, hours and genre
 * shares. It is read leniently: a document of an older shape, or one that cannot be read, gives
 * zeros for what it lacks rather than failing the user's analysis.
 */
record PreviousProfile(
    Instant computedAt, long plays, double hoursTotal, Map<String, Double> genres) {
  static final PreviousProfile NONE = new PreviousProfile(null, 0, 0, Map.of());

  static PreviousProfile of(Optional<ActivityProfile> stored) {
    if (stored.isEmpty()) {
      return NONE;
    }
    JsonNode document = read(stored.get().profile());
    Map<String, Double> genres = new HashMap<>();
    for (JsonNode genre : document.path("genres")) {
      if (genre.hasNonNull("name")) {
        genres.put(genre.get("name").asText(), genre.path("share").asDouble());
      }
    }
    return new PreviousProfile(
        stored.get().computedAt(),
        document.path("plays").asLong(),
        document.path("hoursTotal").asDouble(),
        genres);
  }

  /**
   * The change to a profile of {@code plays}, {@code hoursTotal} and {@code current} genres; none
   * at all when nothing was computed before. A genre missing from one side's top list had no share
   * there worth showing, so it counts as zero.
   */
  ActivityDocument.Trend trendTo(
      long plays, double hoursTotal, List<ActivityDocument.GenreShare> current) {
    if (computedAt == null) {
      return new ActivityDocument.Trend(null, 0, 0, List.of());
    }
    Map<String, Double> now = new HashMap<>();
    current.forEach(genre -> now.put(genre.name(), genre.share()));
    List<ActivityDocument.GenreShift> shifts = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(now.keySet());
    names.addAll(genres.keySet());
    for (String name : names) {
      double change = Rounding.share(now.getOrDefault(name, 0.0) - genres.getOrDefault(name, 0.0));
      if (change != 0) {
        shifts.add(new ActivityDocument.GenreShift(name, change));
      }
    }
    shifts.sort(
        Comparator.comparingDouble((ActivityDocument.GenreShift s) -> -Math.abs(s.change()))
            .thenComparing(ActivityDocument.GenreShift::name));
    return new ActivityDocument.Trend(
        computedAt,
        plays - this.plays,
        Rounding.places(hoursTotal - this.hoursTotal, 2),
        List.copyOf(shifts.subList(0, Math.min(HoursBy.TOP, shifts.size()))));
  }

  private static JsonNode read(String profile) {
    try {
      return Json.mapper().readTree(profile);
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }
}
