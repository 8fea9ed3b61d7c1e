package io.suasor.media.store;

import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The key that says two items are the same thing when no external id says so: a movie or series by
 * its normalised title and year, an artist by name, a season by series and number, an episode by
 * series, season and number, an album by artist and title, a track by album, disc, number and
 * title. Sync finds an existing item by it (so a renamed file keeps its item) and cleanup merges
 * items that share it.
 */
public final class MatchKeys {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

  private MatchKeys() {}

  /** Lower case, accents and punctuation removed, "&" read as "and", single spaces. */
  public static String normaliseTitle(String title) {
    String decomposed = Normalizer.normalize(title, Normalizer.Form.NFD);
    String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    plain = plain.replace("&", " and ");
    return NOT_ALPHANUMERIC.matcher(plain).replaceAll(" ").trim();
  }

  public static String of(
      MediaType type, ItemMetadata metadata, Long parentId, Long seriesId, Numbering numbering) {
    String title = normaliseTitle(metadata.title());
    String year = metadata.year() == null ? "" : metadata.year().toString();
    return switch (type) {
      case MOVIE, SERIES -> type.value() + ":" + title + ":" + year;
      case ARTIST -> "artist:" + title;
      case SEASON -> "season:" + parentId + ":" + numbering.season();
      case EPISODE -> "episode:" + seriesId + ":" + numbering.season() + ":" + numbering.episode();
      case ALBUM -> "album:" + parentId + ":" + title;
      case TRACK ->
          "track:"
              + parentId
              + ":"
              + (numbering.disc() == null ? 1 : numbering.disc())
              + ":"
              + numbering.track()
              + ":"
              + title;
    };
  }
}
