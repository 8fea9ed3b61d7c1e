package io.suasor.media.sync;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What a favourites sync did.
 *
 * @param users the users the run looked at
 * @param usersSynced users whose favourite sources were all read and written to
 * @param usersWithoutFavoriteSources users none of whose sources keeps favourites (a local folder,
 *     Plex): Suasor's own favourites are all they have, and nothing was reconciled
 * @param sources one outcome per source of those users, in the order they were synced
 * @param notes what was not done and why, and the problems met, one line each (the first 100)
 */
public record FavoritesSyncReport(
    int users,
    int usersSynced,
    int usersWithoutFavoriteSources,
    List<SourceOutcome> sources,
    List<String> notes) {

  public FavoritesSyncReport {
    sources = List.copyOf(sources);
    notes = List.copyOf(notes);
  }

  /** How a source's favourites sync ended. */
  public enum Status {
    /** Read, and every write-back it needed made. */
    SYNCED,
    /** Read, but some write-backs failed; they are tried again next run. */
    WRITE_BACK_FAILED,
    /** Could not be read (unreachable, refused): nothing was written to it; next run catches up. */
    FAILED,
    /** Keeps no favourites (a local folder, Plex). */
    NO_FAVORITES
  }

  /**
   * One source's part.
   *
   * @param favoritesImported the owner's favourites in Suasor that changed on this source's word
   * @param conflicts items whose state changed both here and elsewhere since the source last spoke,
   *     settled by the newest change
   * @param writtenBack favourites written to the source
   * @param writeBackFailures favourites the source refused, or could not be sent
   * @param error why the source failed, as its client said (never a secret); null otherwise
   */
  public record SourceOutcome(
      long userId,
      long sourceId,
      String name,
      String type,
      Status status,
      long favoritesImported,
      long conflicts,
      long writtenBack,
      long writeBackFailures,
      String error) {}

  /** The sources that could not be read, or whose write-backs partly failed. */
  public List<SourceOutcome> failures() {
    return sources.stream()
        .filter(s -> s.status() == Status.FAILED || s.status() == Status.WRITE_BACK_FAILED)
        .toList();
  }

  /** A count summed over the sources, e.g. {@code total(SourceOutcome::writtenBack)}. */
  public long total(ToLongFunction<SourceOutcome> count) {
    return sources.stream().mapToLong(count).sum();
  }
}
