package io.suasor.media.analysis;

import java.time.Duration;
import java.time.Instant;

/**
 * Groups plays, taken in time order, into sessions: a play that starts less than {@link
 * #SESSION_GAP} after the session's last play ended belongs to it. A session lasts from its first
 * play's start to its last play's end.
 */
final class SessionCounter {
  /**
   * Long enough for a break between two episodes or albums, short enough that the next evening (or
   * the end of a lunch break) starts a new session.
   */
  static final Duration SESSION_GAP = Duration.ofMinutes(30);

  private Instant start;
  private Instant end;
  private long count;
  private Duration total = Duration.ZERO;

  void add(Instant playStart, Instant playEnd) {
    if (start != null && playStart.isBefore(end.plus(SESSION_GAP))) {
      if (playEnd.isAfter(end)) {
        end = playEnd;
      }
      return;
    }
    close();
    start = playStart;
    end = playEnd;
  }

  ActivityDocument.Sessions finish() {
    close();
    double averageMinutes = count == 0 ? 0 : total.toMillis() / 60_000.0 / count;
    return new ActivityDocument.Sessions(count, Rounding.places(averageMinutes, 1));
  }

  private void close() {
    if (start != null) {
      count++;
      total = total.plus(Duration.between(start, end));
      start = null;
      end = null;
    }
  }
}
