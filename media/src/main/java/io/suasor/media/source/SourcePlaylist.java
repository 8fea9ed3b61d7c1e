package io.suasor.media.source;

import java.util.List;

/** A playlist of a source: its id there, its name, and its items' ids there, in order. */
public record SourcePlaylist(String id, String name, List<String> itemIds) {
  public SourcePlaylist {
    itemIds = List.copyOf(itemIds);
  }
}
