package io.suasor.media.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Finds binges in plays taken in time order: {@link #MIN_EPISODES} or more different episodes of
 * one series, each started less than {@link #BINGE_GAP} after the previous episode of that series
 * ended. Other plays in between (a song, another series) do not break a binge; only the gap does.
 * Only the runs of series played within the last gap are held, so memory stays small however long
 * the history.
 */
final class BingeFinder {
  /**
   * Room for a meal or a walk between two episodes; an episode each evening is not a binge, and
   * that is what a longer gap would start to count.
   */
  static final Duration BINGE_GAP = Duration.ofHours(1);

  static final int MIN_EPISODES = 3;

  /** The episodes of one series watched close together so far. */
  private static final class Run {
    final long seriesId;
    final String series;
    final Instant start;
    final Set<Long> episodes = new HashSet<>();
    Instant end;

    Run(long seriesId, String series, Instant start, Instant end) {
      this.seriesId = seriesId;
      this.series = series;
      this.start = start;
      this.end = end;
    }

    boolean over(Instant at) {
      return !at.isBefore(end.plus(BINGE_GAP));
    }
  }

  private final Map<Long, Run> open = new HashMap<>();
  private int sessions;
  private int episodes;
  private ActivityDocument.Binge longest;

  void addEpisode(PlayedItem.Titled series, long episodeId, Instant playStart, Instant playEnd) {
    for (Iterator<Run> runs = open.values().iterator(); runs.hasNext(); ) {
      Run run = runs.next();
      if (run.over(playStart)) {
        close(run);
        runs.remove();
      }
    }
    Run run =
        open.computeIfAbsent(series.id(), id -> new Run(id, series.title(), playStart, playEnd));
    run.episodes.add(episodeId);
    if (playEnd.isAfter(run.end)) {
      run.end = playEnd;
    }
  }

  ActivityDocument.Binges finish() {
    open.values().forEach(this::close);
    open.clear();
    return new ActivityDocument.Binges(sessions, episodes, longest);
  }

  private void close(Run run) {
    int count = run.episodes.size();
    if (count < MIN_EPISODES) {
      return;
    }
    sessions++;
    episodes += count;
    // The most episodes wins; between equals, the earlier binge, whatever order runs close in.
    if (longest == null
        || count > longest.episodes()
        || (count == longest.episodes() && run.start.isBefore(longest.start()))) {
      longest = new ActivityDocument.Binge(run.seriesId, run.series, count, run.start);
    }
  }
}
