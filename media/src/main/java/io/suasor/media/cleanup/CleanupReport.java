package io.suasor.media.cleanup;

/** What a library cleanup did. */
public record CleanupReport(
    long duplicatesMerged,
    long orphansRemoved,
    long episodesRelinked,
    long invalidItemsRemoved,
    long userDataRemoved,
    long playsRemoved) {

  public long changes() {
    return duplicatesMerged
        + orphansRemoved
        + episodesRelinked
        + invalidItemsRemoved
        + userDataRemoved
        + playsRemoved;
  }
}
