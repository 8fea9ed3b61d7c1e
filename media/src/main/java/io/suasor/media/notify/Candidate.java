package io.suasor.media.notify;

import io.suasor.media.model.MediaType;
import io.suasor.media.store.NewNotification;
import java.util.List;

/**
 * A notification a run might send, with what the user's preferences are checked against.
 *
 * @param genres the genres of what it tells of (a series' for its episodes)
 * @param rating its rating, 0 to 10, null when unknown (an unreleased film has no votes yet)
 * @param general whether it is about something the user did not choose (a film among all those
 *     coming out): then, when the user named preferred genres, it must have one of them
 */
record Candidate(NewNotification note, List<String> genres, Double rating, boolean general) {
  static final String LIBRARY_NEW = "library.new";
  static final String RELEASE_EPISODE = "release.episode";
  static final String RELEASE_MOVIE = "release.movie";

  Candidate {
    genres = List.copyOf(genres);
  }

  MediaType mediaType() {
    return note.mediaType();
  }

  /** The statistic counting the notifications of a kind that were sent. */
  static String statistic(String kind) {
    return switch (kind) {
      case LIBRARY_NEW -> "newItemNotifications";
      case RELEASE_EPISODE -> "episodeNotifications";
      case RELEASE_MOVIE -> "movieNotifications";
      default -> throw new IllegalArgumentException("no notification kind " + kind);
    };
  }
}
