package io.suasor.media.notify;

import io.suasor.media.model.ExternalProvider;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What is being released outside the user's libraries: films coming to cinemas and episodes of
 * series airing. New-release notifications read it; a metadata provider such as TMDB answers it.
 * Both methods throw a {@link io.suasor.media.MediaException} saying what failed when the provider
 * cannot be asked.
 */
public interface ReleaseCalendar {
  /** Films released (or to be released) between {@code from} and {@code to}, both included. */
  List<UpcomingRelease> movies(LocalDate from, LocalDate to);

  /**
   * Episodes of the series known by {@code seriesIds} (any of IMDb, TMDB, TVDB) airing between
   * {@code from} and {@code to}, both included; empty when the provider does not know the series.
   */
  List<UpcomingRelease> episodes(
      Map<ExternalProvider, String> seriesIds, LocalDate from, LocalDate to);
}
