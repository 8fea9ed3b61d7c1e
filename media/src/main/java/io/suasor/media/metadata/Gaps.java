package io.suasor.media.metadata;

import io.suasor.media.model.Artwork;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an item's metadata lacks, and how a gap-filling provider's answer fills it. */
final class Gaps {
  private Gaps() {}

  /**
   * Whether a gap-filling provider has nothing to add: an overview, a release date, people, an
   * online catalogue's id and a poster, and for anything but an episode genres and a backdrop.
   */
  static boolean none(MediaType type, ItemMetadata m, Artwork artwork) {
    boolean episode = type == MediaType.EPISODE;
    return m.overview() != null
        && m.premiered() != null
        && !m.credits().isEmpty()
        && m.externalIds().containsKey(ExternalProvider.TMDB)
        && artwork.posterUrl() != null
        && (episode || (!m.genres().isEmpty() && artwork.backdropUrl() != null));
  }

  /** {@code known}, with each empty field taken from {@code found}; known ids stay as they are. */
  static ItemMetadata fill(ItemMetadata known, ItemMetadata found) {
    Map<ExternalProvider, String> ids = new LinkedHashMap<>(found.externalIds());
    ids.putAll(known.externalIds());
    return new ItemMetadata(
        known.title(),
        either(known.originalTitle(), found.originalTitle()),
        known.sortTitle(),
        either(known.year(), found.year()),
        either(known.premiered(), found.premiered()),
        either(known.overview(), found.overview()),
        either(known.studio(), found.studio()),
        either(known.rating(), found.rating()),
        either(known.durationSeconds(), found.durationSeconds()),
        ids,
        known.genres().isEmpty() ? found.genres() : known.genres(),
        known.tags().isEmpty() ? found.tags() : known.tags(),
        known.credits().isEmpty() ? found.credits() : known.credits());
  }

  private static <T> T either(T known, T found) {
    return known != null ? known : found;
  }
}
