package io.suasor.media.model;

import java.time.Instant;

/**
 * One item of the library. {@code parentId} links a season to its series, an episode to its season,
 * an album to its artist and a track to its album; {@code seriesId} links an episode straight to
 * its series. {@code matchKey} is what identifies the item when no external id does (see {@link
 * io.suasor.media.store.MatchKeys}).
 */
public record MediaItem(
    long id,
    MediaType type,
    ItemMetadata metadata,
    Long parentId,
    Long seriesId,
    Numbering numbering,
    String matchKey,
    Instant metadataRefreshedAt,
    Instant addedAt,
    Instant updatedAt) {

  public String title() {
    return metadata.title();
  }
}
