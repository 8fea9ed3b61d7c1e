package io.suasor.media.recommend.ai;

import io.suasor.media.model.MediaType;
import java.util.List;

/**
 * What an AI recommender is asked.
 *
 * @param profileSummary the user's taste in words and figures (from the activity profile)
 * @param library a sample of the library's titles
 * @param count how many suggestions to ask for, at least 1
 * @param mediaTypes the kinds of title wanted; empty for movies, series, artists and albums
 * @param excludedTitles titles not to suggest (finished, dismissed, recently recommended)
 */
public record TastePrompt(
    String profileSummary,
    List<LibrarySample> library,
    int count,
    List<MediaType> mediaTypes,
    List<String> excludedTitles) {
  /** What "any kind" means to a model: whole titles, not seasons, episodes or tracks. */
  static final List<MediaType> ANY_KIND =
      List.of(MediaType.MOVIE, MediaType.SERIES, MediaType.ARTIST, MediaType.ALBUM);

  public TastePrompt {
    if (count < 1) {
      throw new IllegalArgumentException(
          "ask an AI recommender for at least 1 title, not " + count);
    }
    profileSummary = profileSummary == null ? "" : profileSummary;
    library = List.copyOf(library);
    mediaTypes = List.copyOf(mediaTypes);
    excludedTitles = List.copyOf(excludedTitles);
  }

  /** The kinds of title the model may suggest. */
  List<MediaType> wantedTypes() {
    return mediaTypes.isEmpty() ? ANY_KIND : mediaTypes;
  }
}
