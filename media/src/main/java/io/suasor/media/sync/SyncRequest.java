package io.suasor.media.sync;

/**
 * What a sync run is asked to do: which kinds of content, and whether media servers must list their
 * catalogs completely (noticing removals) even when an incremental listing would do.
 */
public record SyncRequest(SyncType type, boolean completeListing) {
  public static SyncRequest of(SyncType type) {
    return new SyncRequest(type, false);
  }
}
