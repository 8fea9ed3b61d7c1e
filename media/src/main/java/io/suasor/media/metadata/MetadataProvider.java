package io.suasor.media.metadata;

import io.suasor.media.model.ItemRef;
import io.suasor.media.model.MediaItem;
import io.suasor.media.model.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A place that knows more about items: the local NFO files, TMDB. */
public interface MetadataProvider {
  String name();

  /** Called as a refresh begins, so a provider can drop what it cached from the last one. */
  default void startRefresh() {}

  /** The kinds of item it can describe. */
  Set<MediaType> types();

  /**
   * Whether what it finds only fills what the item's metadata lacks (an online catalogue), rather
   * than replacing it (a local NFO file: the owner's own word). Such a provider is asked only about
   * items that lack something, after the providers that replace.
   */
  default boolean fillsGaps() {
    return false;
  }

  /**
   * The item's metadata as this provider knows it, given where the sources hold it; {@code item}
   * carries what earlier providers found. Empty when it knows nothing of the item. Throws {@link
   * MetadataException} when it failed to look, {@link BudgetExhaustedException} when the refresh
   * may not ask it any more.
   */
  Optional<MetadataFound> lookup(MediaItem item, List<ItemRef> refs);

  /** Counts of its own for the refresh's statistics (requests sent, matches), read at its end. */
  default Map<String, Long> statistics() {
    return Map.of();
  }
}
