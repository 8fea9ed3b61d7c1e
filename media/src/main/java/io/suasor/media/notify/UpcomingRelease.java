package io.suasor.media.notify;

import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A film or an episode released on {@code releaseDate}, as a metadata provider describes it.
 *
 * @param type {@link MediaType#MOVIE} or {@link MediaType#EPISODE}
 * @param externalIds the release's own ids (an episode's, not its series')
 * @param rating the provider's average vote, 0 to 10, or null when it has none
 * @param seriesTitle an episode's series; null for a film
 * @param seasonNumber an episode's season; null for a film
 * @param episodeNumber an episode's number in its season; null for a film
 */
public record UpcomingRelease(
    MediaType type,
    String title,
    Integer year,
    LocalDate releaseDate,
    Map<ExternalProvider, String> externalIds,
    List<String> genres,
    Double rating,
    String overview,
    String seriesTitle,
    Integer seasonNumber,
    Integer episodeNumber) {
  public UpcomingRelease {
    externalIds = Map.copyOf(externalIds);
    genres = List.copyOf(genres);
  }
}
