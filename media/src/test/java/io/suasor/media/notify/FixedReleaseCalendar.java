package io.suasor.media.notify;

import io.suasor.media.MediaException;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A release calendar answering from a fixed list, as a provider would for the dates asked, and
 * counting how often it is asked. It stands in for the TMDB-backed calendar, which is built and
 * tested (against a local server answering in TMDB's shapes) on its own; the notification tests
 * take the calendar as an input, so they run the same with either.
 */
final class FixedReleaseCalendar implements ReleaseCalendar {
  private final List<UpcomingRelease> movies = new ArrayList<>();
  private final Map<String, List<UpcomingRelease>> episodes = new java.util.HashMap<>();
  private final java.util.Set<String> failing = new java.util.HashSet<>();
  final AtomicInteger movieQuestions = new AtomicInteger();
  final AtomicInteger episodeQuestions = new AtomicInteger();

  FixedReleaseCalendar movie(
      String title, LocalDate date, String tmdb, List<String> genres, Double rating) {
    movies.add(
        new UpcomingRelease(
            MediaType.MOVIE,
            title,
            date.getYear(),
            date,
            Map.of(ExternalProvider.TMDB, tmdb),
            genres,
            rating,
            title + " is a film.",
            null,
            null,
            null));
    return this;
  }

  /** An episode of the series TMDB knows as {@code seriesTmdb}. */
  FixedReleaseCalendar episode(
      String seriesTmdb, String series, int season, int number, String title, LocalDate date) {
    episodes
        .computeIfAbsent(seriesTmdb, id -> new ArrayList<>())
        .add(
            new UpcomingRelease(
                MediaType.EPISODE,
                title,
                date.getYear(),
                date,
                Map.of(ExternalProvider.TMDB, seriesTmdb + "-" + season + "-" + number),
                List.of(),
                null,
                null,
                series,
                season,
                number));
    return this;
  }

  /** Asking for the episodes of this series fails, as a provider that is down would. */
  FixedReleaseCalendar failing(String seriesTmdb) {
    failing.add(seriesTmdb);
    return this;
  }

  @Override
  public List<UpcomingRelease> movies(LocalDate from, LocalDate to) {
    movieQuestions.incrementAndGet();
    return movies.stream()
        .filter(r -> !r.releaseDate().isBefore(from) && !r.releaseDate().isAfter(to))
        .toList();
  }

  @Override
  public List<UpcomingRelease> episodes(
      Map<ExternalProvider, String> seriesIds, LocalDate from, LocalDate to) {
    episodeQuestions.incrementAndGet();
    String id = seriesIds.get(ExternalProvider.TMDB);
    if (failing.contains(id)) {
      throw new MediaException("TMDB answered 503 for the episodes of series " + id);
    }
    return episodes.getOrDefault(id, List.of()).stream()
        .filter(r -> !r.releaseDate().isBefore(from) && !r.releaseDate().isAfter(to))
        .toList();
  }
}
