package io.suasor.media.source.local;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the names of folders and files say, in the layouts Jellyfin, Plex and Kodi users keep. */
final class NameParser {
  private static final Pattern TITLE_YEAR = Pattern.compile("^(.*?)[\\s._]*\\((\\d{4})\\)");
  private static final Pattern EPISODE =
      Pattern.compile(
          "(?i)(?:^|[\\s._-])s(\\d{1,2})[\\s._-]?e(\\d{1,3})|(?:^|[\\s._-])(\\d{1,2})x(\\d{2,3})");
  private static final Pattern TRACK =
      Pattern.compile("^(?:(\\d)[-.])?(\\d{1,3})\\s*(?:-|\\.|\\s)\\s*(.+)$");

  private NameParser() {}

  record TitleYear(String title, Integer year) {}

  record EpisodeNumber(int season, int episode) {}

  record TrackName(Integer disc, Integer track, String title) {}

  /** "Title (2001)" → Title, 2001; a name without a year is all title. */
  static TitleYear titleYear(String name) {
    Matcher matcher = TITLE_YEAR.matcher(name);
    if (matcher.find() && !matcher.group(1).isBlank()) {
      return new TitleYear(clean(matcher.group(1)), Integer.valueOf(matcher.group(2)));
    }
    return new TitleYear(clean(name), null);
  }

  static Optional<EpisodeNumber> episode(String fileName) {
    Matcher matcher = EPISODE.matcher(fileName);
    if (!matcher.find()) {
      return Optional.empty();
    }
    if (matcher.group(1) != null) {
      return Optional.of(
          new EpisodeNumber(
              Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }
    return Optional.of(
        new EpisodeNumber(Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4))));
  }

  /** "01 - Title" or "1-03 Title" (disc 1, track 3). */
  static Optional<TrackName> track(String baseName) {
    Matcher matcher = TRACK.matcher(baseName);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Integer disc = matcher.group(1) == null ? null : Integer.valueOf(matcher.group(1));
    return Optional.of(
        new TrackName(disc, Integer.valueOf(matcher.group(2)), clean(matcher.group(3))));
  }

  static String baseName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot <= 0 ? fileName : fileName.substring(0, dot);
  }

  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }

  private static String clean(String text) {
    return text.replace('_', ' ').replaceAll("\\s+", " ").strip();
  }
}
