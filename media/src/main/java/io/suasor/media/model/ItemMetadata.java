package io.suasor.media.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What describes an item, as a source or a metadata provider tells it: the part of an item that a
 * metadata refresh may replace.
 */
public record ItemMetadata(
    String title,
    String originalTitle,
    String sortTitle,
    Integer year,
    LocalDate premiered,
    String overview,
    String studio,
    Double rating,
    Integer durationSeconds,
    Map<ExternalProvider, String> externalIds,
    List<String> genres,
    List<String> tags,
    List<Credit> credits) {

  public ItemMetadata {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("an item needs a title");
    }
    externalIds = Map.copyOf(externalIds);
    genres = List.copyOf(genres);
    tags = List.copyOf(tags);
    credits = List.copyOf(credits);
  }

  /** Metadata that knows only a title and maybe a year, as a file name tells it. */
  public static ItemMetadata titled(String title, Integer year) {
    return new ItemMetadata(
        title, null, null, year, null, null, null, null, null, Map.of(), List.of(), List.of(),
        List.of());
  }

  public ItemMetadata withTitle(String newTitle) {
    return new ItemMetadata(
        newTitle,
        originalTitle,
        sortTitle,
        year,
        premiered,
        overview,
        studio,
        rating,
        durationSeconds,
        externalIds,
        genres,
        tags,
        credits);
  }
}
