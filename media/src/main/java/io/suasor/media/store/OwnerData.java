package io.suasor.media.store;

import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.PlayEvent;
import io.suasor.media.model.UserItemData;
import io.suasor.media.source.WatchState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

/**
 * Applies what a source says of its owner's viewing of an item to the owner's item data and play
 * history. Plays are facts and only add up: the higher play count and the later play are kept.
 * Played and favourite are states that change both ways, so for each the source's word is compared
 * with what it said last time: an unchanged word changes nothing (what changed elsewhere is written
 * back to the source later); a changed word wins, unless the state also changed elsewhere since the
 * source last spoke, which is a conflict that the newest change wins (by the source's own time
 * where it gives one, else by when Suasor saw it). A source seen for the first time without a state
 * does not take it away.
 */
final class OwnerData {
  private OwnerData() {}

  /**
   * What a source said last time of an item's played and favourite state, when it last spoke
   * ({@code at}), and since when it has held that favourite state (null: not known, {@code at}).
   */
  record Reported(Boolean played, Boolean favorite, Instant at, Instant favoriteSince) {
    static final Reported NOTHING = new Reported(null, null, null, null);

    Reported(Boolean played, Boolean favorite, Instant at) {
      this(played, favorite, at, null);
    }

    Instant favoriteAt() {
      return favoriteSince != null ? favoriteSince : at;
    }
  }

  /**
   * What was written (item data rows, new plays), the conflicts met, and what the source now says
   * of played and favourite, to keep with its reference.
   */
  record Applied(
      int dataWritten, int playsRecorded, int conflicts, Boolean played, Boolean favorite) {}

  /** One state's outcome: its value, when it last changed, whether this changed it. */
  private record Decision(boolean value, Instant changedAt, boolean changed, boolean conflict) {}

  static Applied apply(
      Connection c,
      long userId,
      long itemId,
      Long sourceId,
      WatchState watch,
      Reported reported,
      Instant now)
      throws SQLException {
    if (watch == null) {
      return new Applied(0, 0, 0, reported.played(), reported.favorite());
    }
    Stored stored = read(c, userId, itemId, now);
    UserItemData current = stored.data();
    boolean currentlyPlayed = current.playedPercentage() >= 100;
    Instant playedAt = watch.watched() && watch.lastPlayed() != null ? watch.lastPlayed() : now;
    Decision played =
        decide(
            reported.played(),
            watch.watched(),
            currentlyPlayed,
            stored.playedChangedAt(),
            reported.at(),
            playedAt);
    Decision favorite =
        watch.favorite() == null
            ? new Decision(current.favorite(), stored.favoriteChangedAt(), false, false)
            : decide(
                reported.favorite(),
                watch.favorite(),
                current.favorite(),
                stored.favoriteChangedAt(),
                reported.favoriteAt(),
                now);

    Instant lastPlayed = current.lastPlayedAt();
    if (watch.lastPlayed() != null
        && (lastPlayed == null || watch.lastPlayed().isAfter(lastPlayed))) {
      lastPlayed = watch.lastPlayed();
    }
    double percentage = current.playedPercentage();
    if (played.value()) {
      percentage = 100;
    } else if (played.changed()) {
      percentage = watch.resumePercent() == null ? 0 : watch.resumePercent();
    } else if (!currentlyPlayed
        && watch.resumePercent() != null
        && (current.lastPlayedAt() == null
            || (watch.lastPlayed() != null
                && !watch.lastPlayed().isBefore(current.lastPlayedAt())))) {
      // A resume point is the latest play's: take the source's unless Suasor knows a later play.
      percentage = watch.resumePercent();
    }
    UserItemData next =
        new UserItemData(
            userId,
            itemId,
            Math.max(current.playCount(), watch.playCount()),
            lastPlayed,
            percentage,
            favorite.value(),
            watch.userRating() != null ? watch.userRating() : current.rating(),
            current.watchlist(),
            now);
    int written = sameState(current, next) ? 0 : UserDataStore.save(c, next);
    if (played.changed() || favorite.changed()) {
      Jdbc.update(
          c,
          """
          UPDATE user_item_data SET played_changed_at = ?, favorite_changed_at = ?
          WHERE user_id = ? AND item_id = ?
          """,
          Jdbc.nullableTime(played.changedAt()),
          Jdbc.nullableTime(favorite.changedAt()),
          userId,
          itemId);
    }
    int plays = 0;
    if (watch.lastPlayed() != null
        && UserDataStore.recordPlay(
            c,
            new PlayEvent(
                userId, itemId, watch.lastPlayed(), watch.watched() ? 100 : 0, sourceId))) {
      plays = 1;
    }
    int conflicts = (played.conflict() ? 1 : 0) + (favorite.conflict() ? 1 : 0);
    return new Applied(
        written,
        plays,
        conflicts,
        watch.watched(),
        watch.favorite() != null ? watch.favorite() : reported.favorite());
  }

  /**
   * The state after a source says {@code said}, having said {@code before} (null: never) at {@code
   * reportedAt}, while Suasor holds {@code current}, last changed at {@code changedAt} (null:
   * never). {@code sourceTime} is when the source's word was true.
   */
  private static Decision decide(
      Boolean before,
      boolean said,
      boolean current,
      Instant changedAt,
      Instant reportedAt,
      Instant sourceTime) {
    if (said == current || (before != null && before == said)) {
      return new Decision(current, changedAt, false, false);
    }
    boolean changedElsewhere =
        changedAt != null
            && (before == null || reportedAt == null || changedAt.isAfter(reportedAt));
    if (!changedElsewhere) {
      return new Decision(said, sourceTime, true, false);
    }
    boolean sourceWins = (before != null || said) && sourceTime.isAfter(changedAt);
    return sourceWins
        ? new Decision(said, sourceTime, true, true)
        : new Decision(current, changedAt, false, true);
  }

  /**
   * Applies a source's word on one item's favourite state alone (a source that lists favourites
   * apart from its items), as {@link #apply} would; returns {changed, conflict} as 0 or 1. {@code
   * saidAt} is when the source says its state began (null: it does not say, and the change is dated
   * by now, when Suasor first sees it); a time past now, from a clock running ahead, counts as now.
   */
  static int[] applyFavorite(
      Connection c,
      long userId,
      long itemId,
      boolean said,
      Instant saidAt,
      Reported reported,
      Instant now)
      throws SQLException {
    Stored stored = read(c, userId, itemId, now);
    UserItemData current = stored.data();
    Decision favorite =
        decide(
            reported.favorite(),
            said,
            current.favorite(),
            stored.favoriteChangedAt(),
            reported.favoriteAt(),
            saidAt == null || saidAt.isAfter(now) ? now : saidAt);
    if (favorite.changed()) {
      UserDataStore.save(
          c,
          new UserItemData(
              userId,
              itemId,
              current.playCount(),
              current.lastPlayedAt(),
              current.playedPercentage(),
              favorite.value(),
              current.rating(),
              current.watchlist(),
              now));
      Jdbc.update(
          c,
          "UPDATE user_item_data SET favorite_changed_at = ? WHERE user_id = ? AND item_id = ?",
          favorite.changedAt(),
          userId,
          itemId);
    }
    return new int[] {favorite.changed() ? 1 : 0, favorite.conflict() ? 1 : 0};
  }

  /** A user's data for an item with when its played and favourite states last changed. */
  private record Stored(UserItemData data, Instant playedChangedAt, Instant favoriteChangedAt) {}

  private static Stored read(Connection c, long userId, long itemId, Instant now)
      throws SQLException {
    return Jdbc.queryOne(
            c,
            """
            SELECT user_id, item_id, play_count, last_played_at, played_percentage, favorite,
                rating, watchlist, updated_at, played_changed_at, favorite_changed_at
            FROM user_item_data WHERE user_id = ? AND item_id = ?
            """,
            row -> {
              UserItemData data = UserDataStore.data(row);
              // Data from before these times were kept: a set state counts as changed when the
              // row was last written, so that a new source without it does not take it away.
              Instant played = Jdbc.instant(row, "played_changed_at");
              Instant favorite = Jdbc.instant(row, "favorite_changed_at");
              return new Stored(
                  data,
                  played == null && data.playedPercentage() >= 100 ? data.updatedAt() : played,
                  favorite == null && data.favorite() ? data.updatedAt() : favorite);
            },
            userId,
            itemId)
        .orElse(new Stored(UserItemData.empty(userId, itemId, now), null, null));
  }

  static boolean sameState(UserItemData a, UserItemData b) {
    return a.playCount() == b.playCount()
        && Objects.equals(a.lastPlayedAt(), b.lastPlayedAt())
        && a.playedPercentage() == b.playedPercentage()
        && a.favorite() == b.favorite()
        && Objects.equals(a.rating(), b.rating())
        && a.watchlist() == b.watchlist();
  }
}
