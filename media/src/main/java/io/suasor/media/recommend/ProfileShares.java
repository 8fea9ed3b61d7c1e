package io.suasor.media.recommend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.MediaException;
import io.suasor.media.model.MediaType;
import io.suasor.media.store.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a stored activity profile (the analysis job's JSON document) the recommender uses:
 * the shares of time spent per genre, person, decade and media type. A list the profile lacks is
 * empty; shares are fractions 0–1.
 */
record ProfileShares(
    List<Named> genres, List<Named> people, List<Decade> decades, List<Kind> mediaTypes) {
  record Named(String name, String role, double share) {}

  record Decade(int decade, double share) {}

  record Kind(MediaType type, double share) {}

  static final ProfileShares NONE = new ProfileShares(List.of(), List.of(), List.of(), List.of());

  /** Reads a profile document; one that is not a JSON object fails saying so. */
  static ProfileShares parse(String document) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(document);
    } catch (JsonProcessingException e) {
      throw new MediaException("the stored activity profile is not JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw new MediaException("the stored activity profile is not a JSON object");
    }
    List<Named> genres = new ArrayList<>();
    List<Named> people = new ArrayList<>();
    List<Decade> decades = new ArrayList<>();
    List<Kind> kinds = new ArrayList<>();
    for (JsonNode genre : root.path("genres")) {
      if (genre.path("name").isTextual()) {
        genres.add(new Named(genre.get("name").asText(), null, share(genre)));
      }
    }
    for (JsonNode person : root.path("people")) {
      if (person.path("name").isTextual() && person.path("role").isTextual()) {
        people.add(
            new Named(person.get("name").asText(), person.get("role").asText(), share(person)));
      }
    }
    for (JsonNode decade : root.path("decades")) {
      if (decade.path("decade").canConvertToInt()) {
        decades.add(new Decade(decade.get("decade").asInt(), share(decade)));
      }
    }
    for (JsonNode kind : root.path("mediaTypes")) {
      MediaType type = mediaType(kind.path("type").asText(""));
      if (type != null) {
        kinds.add(new Kind(RecommendedKinds.candidateKind(type), share(kind)));
      }
    }
    return new ProfileShares(genres, people, decades, kinds);
  }

  boolean isEmpty() {
    return genres.isEmpty() && people.isEmpty() && decades.isEmpty() && mediaTypes.isEmpty();
  }

  private static double share(JsonNode node) {
    double share = node.path("share").asDouble(0);
    return Double.isFinite(share) ? Math.max(0, Math.min(1, share)) : 0;
  }

  private static MediaType mediaType(String text) {
    for (MediaType type : MediaType.values()) {
      if (type.value().equalsIgnoreCase(text)) {
        return type;
      }
    }
    return null;
  }
}
