package io.suasor.media.store;

import io.suasor.media.model.Credit;
import io.suasor.media.model.MediaType;
import java.util.List;

/**
 * The few facts of an item that weighing a play of it needs: what it is, how long it runs, what it
 * hangs under, its genres and credits.
 *
 * @param parentId a season's series, an episode's season, an album's artist, a track's album
 * @param seriesId an episode's series
 */
public record ItemSummary(
    long id,
    MediaType type,
    String title,
    Integer year,
    Integer durationSeconds,
    Long parentId,
    Long seriesId,
    List<String> genres,
    List<Credit> credits) {
  public ItemSummary {
    genres = List.copyOf(genres);
    credits = List.copyOf(credits);
  }
}
