package io.suasor.media.source.local;

import io.suasor.media.model.Credit;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.source.WatchState;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The fields of a Kodi-style NFO file that Suasor reads; absent fields are null or empty. {@code
 * kind} is the root element: movie, tvshow, episodedetails, artist, album, musicvideo.
 */
public record NfoDocument(
    String kind,
    String title,
    String originalTitle,
    String sortTitle,
    Integer year,
    LocalDate premiered,
    String plot,
    List<String> genres,
    List<String> tags,
    String studio,
    Double rating,
    Integer runtimeMinutes,
    Map<ExternalProvider, String> uniqueIds,
    List<Credit> credits,
    Integer season,
    Integer episode,
    WatchState watchState) {

  public NfoDocument {
    genres = List.copyOf(genres);
    tags = List.copyOf(tags);
    uniqueIds = Map.copyOf(uniqueIds);
    credits = List.copyOf(credits);
  }

  /** The year, or the premiere's year when only that is given. */
  public Integer effectiveYear() {
    if (year != null) {
      return year;
    }
    return premiered == null ? null : premiered.getYear();
  }
}
