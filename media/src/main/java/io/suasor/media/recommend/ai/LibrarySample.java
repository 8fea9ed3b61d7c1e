package io.suasor.media.recommend.ai;

import io.suasor.media.model.MediaType;
import java.util.List;

/**
 * One title of the user's library shown to the model, so that it knows what the library holds and
 * what the user's taste is made of.
 *
 * @param year null when unknown
 * @param people actors, directors or artists, most prominent first
 */
public record LibrarySample(
    String title, Integer year, MediaType type, List<String> genres, List<String> people) {
  public LibrarySample {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a library sample needs a title");
    }
    if (type == null) {
      throw new IllegalArgumentException("the library sample '" + title + "' needs a media type");
    }
    genres = List.copyOf(genres);
    people = List.copyOf(people);
  }
}
