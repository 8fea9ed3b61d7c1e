package io.suasor.media.metadata;

import io.suasor.media.model.Artwork;
import io.suasor.media.model.ItemMetadata;

/** What a provider found of an item: its metadata, and the artwork it knows (or none). */
public record MetadataFound(ItemMetadata metadata, Artwork artwork) {
  public static MetadataFound of(ItemMetadata metadata) {
    return new MetadataFound(metadata, Artwork.NONE);
  }
}
