package io.suasor.media.store;

import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;

/** What is needed to insert an item; its match key is derived from these. */
public record NewItem(
    MediaType type, ItemMetadata metadata, Long parentId, Long seriesId, Numbering numbering) {

  public String matchKey() {
    return MatchKeys.of(type, metadata, parentId, seriesId, numbering);
  }
}
