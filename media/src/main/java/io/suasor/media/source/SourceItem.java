package io.suasor.media.source;

import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;

/**
 * An item as a source describes it. {@code parentId} and {@code seriesId} are ids in the source (an
 * episode's season and series); {@code watchState} is null when the source keeps none.
 */
public record SourceItem(
    SourceEntry entry,
    ItemMetadata metadata,
    Numbering numbering,
    String seriesId,
    WatchState watchState) {

  public MediaType type() {
    return entry.type();
  }

  public String id() {
    return entry.id();
  }

  public String parentId() {
    return entry.parentId();
  }
}
