package io.suasor.media.metadata;

import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.ItemRef;
import io.suasor.media.model.MediaItem;
import io.suasor.media.model.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A place that knows more about items: the local NFO files now, TMDB later. */
public interface MetadataProvider {
  String name();

  /** Called as a refresh begins, so a provider can drop what it cached from the last one. */
  default void startRefresh() {}

  /** The kinds of item it can describe. */
  Set<MediaType> types();

  /**
   * The item's metadata as this provider knows it, given where the sources hold it; empty when it
   * knows nothing of the item. Throws {@link MetadataException} when it failed to look.
   */
  Optional<ItemMetadata> lookup(MediaItem item, List<ItemRef> refs);
}
