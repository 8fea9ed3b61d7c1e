package io.suasor.media.notify;

import io.suasor.media.WorkTracker;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.NotificationPriority;
import io.suasor.media.store.NewNotification;
import io.suasor.media.store.NotificationFacts;
import io.suasor.media.store.NotificationFacts.Described;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Releases from a {@link ReleaseCalendar} as a user's candidates: episodes of the series they
 * follow (high priority) and films (low), released within the last days or coming in the next ones,
 * leaving out what their library holds or they watched. One run asks the calendar once per date
 * range and once per series, whatever the number of users; an answer that failed is not asked again
 * in the run, and each failure is reported once.
 */
final class ReleaseNews {
  private static final int OVERVIEW_MAX = 200;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  /** A calendar answer: the releases, or why there are none. */
  private record Answer(List<UpcomingRelease> releases, String failure) {}

  /** A user's release candidates, and what was left out or failed. */
  record Found(
      List<Candidate> candidates, int checked, int ownedOrWatched, List<String> failures) {}

  private final ReleaseCalendar calendar;
  private final NotificationFacts facts;
  private final NotificationSettings settings;
  private final Map<String, Answer> movies = new HashMap<>();
  private final Map<Long, Answer> episodes = new HashMap<>();

  ReleaseNews(ReleaseCalendar calendar, NotificationFacts facts, NotificationSettings settings) {
    this.calendar = calendar;
    this.facts = facts;
    this.settings = settings;
  }

  Found find(
      long userId, List<Described> followed, LocalDate today, ZoneId zone, WorkTracker work) {
    LocalDate from = today.minusDays(settings.releasesBack());
    LocalDate to = today.plusDays(settings.releasesAhead());
    List<Candidate> candidates = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    int checked = 0;
    int owned = 0;
    for (Described series : followed) {
      work.checkCancelled();
      if (series.externalIds().isEmpty()) {
        continue;
      }
      Answer answer = episodes.computeIfAbsent(series.id(), id -> episodesOf(series, from, to));
      if (answer.failure() != null) {
        failures.add(answer.failure());
        continue;
      }
      for (UpcomingRelease release : answer.releases()) {
        checked++;
        if (hasEpisode(userId, series, release)) {
          owned++;
        } else {
          candidates.add(episode(series, release, today, zone));
        }
      }
    }
    work.checkCancelled();
    Answer films = movies.computeIfAbsent(from + "/" + to, range -> moviesBetween(from, to));
    if (films.failure() != null) {
      failures.add(films.failure());
    } else {
      for (UpcomingRelease release : films.releases()) {
        checked++;
        if (facts.ownsOrWatched(userId, MediaType.MOVIE, release.externalIds())) {
          owned++;
        } else {
          candidates.add(movie(release, today, zone));
        }
      }
    }
    return new Found(candidates, checked, owned, failures);
  }

  private Answer episodesOf(Described series, LocalDate from, LocalDate to) {
    try {
      return new Answer(calendar.episodes(series.externalIds(), from, to), null);
    } catch (RuntimeException e) {
      return new Answer(List.of(), "episodes of " + series.title() + ": " + e.getMessage());
    }
  }

  private Answer moviesBetween(LocalDate from, LocalDate to) {
    try {
      return new Answer(calendar.movies(from, to), null);
    } catch (RuntimeException e) {
      return new Answer(List.of(), "films from " + from + " to " + to + ": " + e.getMessage());
    }
  }

  private boolean hasEpisode(long userId, Described series, UpcomingRelease release) {
    if (release.seasonNumber() != null
        && release.episodeNumber() != null
        && facts.ownsOrWatchedEpisode(
            userId, series.id(), release.seasonNumber(), release.episodeNumber())) {
      return true;
    }
    return facts.ownsOrWatched(userId, MediaType.EPISODE, release.externalIds());
  }

  private Candidate episode(
      Described series, UpcomingRelease release, LocalDate today, ZoneId zone) {
    boolean numbered = release.seasonNumber() != null && release.episodeNumber() != null;
    String number =
        numbered ? "S%02dE%02d".formatted(release.seasonNumber(), release.episodeNumber()) : null;
    String key =
        "release:episode:"
            + series.id()
            + ":"
            + (numbered ? number.toLowerCase(Locale.ROOT) : idKey(release));
    String title =
        series.title()
            + (number == null ? "" : " " + number)
            + (release.title() == null || release.title().isBlank() ? "" : ": " + release.title());
    String when =
        release.releaseDate().isAfter(today)
            ? "Airs on " + DAY.format(release.releaseDate())
            : "Aired on " + DAY.format(release.releaseDate());
    return new Candidate(
        note(Candidate.RELEASE_EPISODE, NotificationPriority.HIGH, key, title, when, release, zone),
        series.genres(),
        series.rating(),
        false);
  }

  private Candidate movie(UpcomingRelease release, LocalDate today, ZoneId zone) {
    String name = release.title() + (release.year() == null ? "" : " (" + release.year() + ")");
    boolean coming = release.releaseDate().isAfter(today);
    String title = (coming ? "Coming soon: " : "Just released: ") + name;
    String when = (coming ? "Out on " : "Out since ") + DAY.format(release.releaseDate());
    return new Candidate(
        note(
            Candidate.RELEASE_MOVIE,
            NotificationPriority.LOW,
            "release:movie:" + idKey(release),
            title,
            when,
            release,
            zone),
        release.genres(),
        release.rating(),
        true);
  }

  private NewNotification note(
      String kind,
      NotificationPriority priority,
      String key,
      String title,
      String when,
      UpcomingRelease release,
      ZoneId zone) {
    String message = when + ".";
    if (release.overview() != null && !release.overview().isBlank()) {
      String overview = release.overview().strip();
      message +=
          " "
              + (overview.length() > OVERVIEW_MAX
                  ? overview.substring(0, OVERVIEW_MAX - 1) + "…"
                  : overview);
    }
    return new NewNotification(
        kind,
        priority,
        key,
        title,
        message,
        null,
        1,
        release.type(),
        release.releaseDate(),
        release.externalIds(),
        release
            .releaseDate()
            .plusDays(settings.releaseShownAfter() + 1L)
            .atStartOfDay(zone)
            .toInstant());
  }

  /** The release's most stable id: TMDB's, IMDb's, TVDB's, else its title and date. */
  private static String idKey(UpcomingRelease release) {
    for (ExternalProvider provider :
        List.of(ExternalProvider.TMDB, ExternalProvider.IMDB, ExternalProvider.TVDB)) {
      String id = release.externalIds().get(provider);
      if (id != null && !id.isBlank()) {
        return provider.value() + ":" + id;
      }
    }
    return "title:"
        + release.title().strip().toLowerCase(Locale.ROOT)
        + ":"
        + release.releaseDate();
  }
}
