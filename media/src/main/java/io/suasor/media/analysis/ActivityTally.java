package io.suasor.media.analysis;

import io.suasor.media.model.MediaType;
import io.suasor.media.model.PlayEvent;
import io.suasor.media.store.UserDataStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;

/**
 * Adds up one user's plays, taken in time order, into the numbers of an {@link ActivityDocument}.
 * Each play is weighed by the time it took: its item's length times the share played, or the whole
 * length when it counts as finished. A play is taken to begin at its recorded instant.
 */
final class ActivityTally {
  /**
   * A play this far through counts as finished: the rest is mostly end credits. The completion rate
   * uses the same line.
   */
  static final double FINISHED_PERCENT = 90;

  private final ZoneId zone;
  private final HoursOfWeek week;
  private final SessionCounter sessions = new SessionCounter();
  private final BingeFinder binges = new BingeFinder();
  private final HoursBy<String> genres = new HoursBy<>(Comparator.<String>naturalOrder());
  private final HoursBy<PlayedItem.Person> people =
      new HoursBy<>(
          Comparator.comparing(PlayedItem.Person::name).thenComparing(PlayedItem.Person::role));
  private final HoursBy<Integer> decades = new HoursBy<>(Comparator.<Integer>naturalOrder());
  private final HoursBy<String> mediaTypes = new HoursBy<>(Comparator.<String>naturalOrder());
  private final HoursBy<PlayedItem.Titled> series =
      new HoursBy<>(Comparator.comparingLong(PlayedItem.Titled::id));
  private final HoursBy<PlayedItem.Titled> artists =
      new HoursBy<>(Comparator.comparingLong(PlayedItem.Titled::id));
  private long plays;
  private double totalSeconds;

  ActivityTally(ZoneId zone) {
    this.zone = zone;
    this.week = new HoursOfWeek(zone);
  }

  /** Adds a play; {@code item} is null when the item is no longer in the library. */
  void add(PlayEvent play, PlayedItem item) {
    plays++;
    Duration spent = timeOf(play, item);
    Instant start = play.playedAt();
    Instant end = start.plus(spent);
    sessions.add(start, end);
    if (item == null) {
      return;
    }
    if (item.type() == MediaType.EPISODE && item.series() != null) {
      binges.addEpisode(item.series(), item.id(), start, end);
    }
    double seconds = spent.toMillis() / 1000.0;
    if (seconds == 0) {
      return;
    }
    totalSeconds += seconds;
    week.add(start, spent);
    item.genres().forEach(genre -> genres.add(genre, seconds));
    item.people().forEach(person -> people.add(person, seconds));
    if (item.year() != null) {
      decades.add(Math.floorDiv(item.year(), 10) * 10, seconds);
    }
    mediaTypes.add(item.type().value(), seconds);
    if (item.series() != null) {
      series.add(item.series(), seconds);
    }
    if (item.artist() != null) {
      artists.add(item.artist(), seconds);
    }
  }

  /**
   * The time a play took. Without a known length (a file whose runtime no source or sidecar gave) a
   * play takes no time: it still counts as a play, in its session, its binge and the completion
   * rate, but adds no hours, since any length made up for it would show in every chart.
   */
  static Duration timeOf(PlayEvent play, PlayedItem item) {
    if (item == null || item.durationSeconds() == null || item.durationSeconds() <= 0) {
      return Duration.ZERO;
    }
    double fraction =
        play.playedPercentage() >= FINISHED_PERCENT
            ? 1
            : Math.max(0, play.playedPercentage()) / 100;
    return Duration.ofMillis(Math.round(item.durationSeconds() * 1000 * fraction));
  }

  long plays() {
    return plays;
  }

  /** The document of the plays added, with the completion counted apart and the trend. */
  ActivityDocument finish(UserDataStore.Completion completion, PreviousProfile previous) {
    double hoursTotal = Rounding.hours(totalSeconds);
    var genreShares =
        genres.top(
            totalSeconds,
            (name, share, hours) -> new ActivityDocument.GenreShare(name, share, hours));
    long started = completion.finished() + completion.abandoned();
    return new ActivityDocument(
        zone.getId(),
        plays,
        hoursTotal,
        week.hoursOfDay(),
        week.weekdays(),
        week.heatmap(),
        genreShares,
        people.top(
            totalSeconds,
            (person, share, hours) ->
                new ActivityDocument.PersonShare(person.name(), person.role(), share, hours)),
        decades.top(
            totalSeconds,
            (decade, share, hours) -> new ActivityDocument.DecadeShare(decade, share, hours)),
        mediaTypes.top(
            totalSeconds,
            (type, share, hours) -> new ActivityDocument.MediaTypeShare(type, share, hours)),
        binges.finish(),
        new ActivityDocument.Completion(
            completion.finished(),
            completion.abandoned(),
            started == 0 ? 0 : Rounding.share((double) completion.finished() / started)),
        sessions.finish(),
        series.top(totalSeconds, ActivityTally::favorite),
        artists.top(totalSeconds, ActivityTally::favorite),
        previous.trendTo(plays, hoursTotal, genreShares));
  }

  private static ActivityDocument.Favorite favorite(
      PlayedItem.Titled item, double share, double hours) {
    return new ActivityDocument.Favorite(item.id(), item.title(), hours);
  }
}
