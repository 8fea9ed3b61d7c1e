package io.suasor.media.source.local;

import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.source.WatchState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads Kodi-style NFO files with the JDK's parser. Document types are refused outright, so no
 * external entity, DTD or entity expansion can be smuggled in through a library folder. An NFO that
 * holds only a catalogue URL (which Kodi accepts) yields its ids.
 */
public final class NfoReader {
  private static final long MAX_BYTES = 2L * 1024 * 1024;
  private static final Pattern IMDB_ID = Pattern.compile("(tt\\d{5,10})");
  private static final Pattern TMDB_URL = Pattern.compile("themoviedb\\.org/(?:movie|tv)/(\\d+)");
  private static final Pattern TVDB_URL = Pattern.compile("thetvdb\\.com/.*?(?:id=|series/)(\\d+)");

  private final DocumentBuilderFactory factory;

  public NfoReader() {
    factory = DocumentBuilderFactory.newInstance();
    try {
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be secured", e);
    }
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setNamespaceAware(false);
  }

  /** Reads an NFO file; throws {@link NfoException} saying why when it is not one. */
  public NfoDocument read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new NfoException("larger than " + MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new NfoException("unreadable: " + e.getMessage());
    }
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      throw new NfoException("empty file");
    }
    if (!text.startsWith("<")) {
      return fromUrls(text);
    }
    // Kodi allows a catalogue URL after the XML; the parser would call that trailing garbage.
    int end = text.lastIndexOf('>');
    String xml = text.substring(0, end + 1);
    String trailer = text.substring(end + 1);
    Element root = parse(xml);
    NfoFields fields = new NfoFields(root.getTagName().toLowerCase(Locale.ROOT));
    for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        fields.accept(element);
      }
    }
    if (!trailer.isBlank()) {
      urlIds(trailer).forEach(fields.uniqueIds::putIfAbsent);
    }
    return fields.document();
  }

  private Element parse(String xml) {
    try {
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
          .getDocumentElement();
    } catch (SAXException e) {
      throw new NfoException("malformed XML: " + e.getMessage());
    } catch (IOException | ParserConfigurationException e) {
      throw new NfoException("cannot parse: " + e.getMessage());
    }
  }

  private static NfoDocument fromUrls(String text) {
    Map<ExternalProvider, String> ids = urlIds(text);
    if (ids.isEmpty()) {
      throw new NfoException("neither XML nor a catalogue URL");
    }
    NfoFields fields = new NfoFields("url");
    fields.uniqueIds.putAll(ids);
    return fields.document();
  }

  private static Map<ExternalProvider, String> urlIds(String text) {
    Map<ExternalProvider, String> ids = new EnumMap<>(ExternalProvider.class);
    find(IMDB_ID, text).ifPresent(id -> ids.put(ExternalProvider.IMDB, id));
    find(TMDB_URL, text).ifPresent(id -> ids.put(ExternalProvider.TMDB, id));
    find(TVDB_URL, text).ifPresent(id -> ids.put(ExternalProvider.TVDB, id));
    return ids;
  }

  private static java.util.Optional<String> find(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
  }

  /** The fields gathered from the root's children, in any order. */
  private static final class NfoFields {
    private final String kind;
    private final Map<String, String> single = new java.util.HashMap<>();
    private final List<String> genres = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private final List<Credit> credits = new ArrayList<>();
    private final Map<ExternalProvider, String> uniqueIds = new EnumMap<>(ExternalProvider.class);
    private Double defaultRating;

    NfoFields(String kind) {
      this.kind = kind;
    }

    void accept(Element element) {
      String name = element.getTagName().toLowerCase(Locale.ROOT);
      String text = element.getTextContent().strip();
      switch (name) {
        case "genre" -> addNonBlank(genres, text);
        case "tag" -> addNonBlank(tags, text);
        case "actor" -> actor(element);
        case "director" -> credit(text, CreditRole.DIRECTOR);
        case "credits", "writer" -> credit(text, CreditRole.WRITER);
        case "uniqueid" -> uniqueId(element.getAttribute("type"), text);
        case "ratings" -> ratings(element);
        case "imdbid", "imdb_id" -> uniqueId("imdb", text);
        case "tmdbid" -> uniqueId("tmdb", text);
        case "tvdbid" -> uniqueId("tvdb", text);
        case "id" ->
            find(IMDB_ID, text).ifPresent(id -> uniqueIds.putIfAbsent(ExternalProvider.IMDB, id));
        case "musicbrainzartistid", "musicbrainzalbumid", "musicbrainztrackid" ->
            uniqueId("musicbrainz", text);
        case "name" -> single.putIfAbsent("title", text);
        case "aired", "releasedate" -> single.putIfAbsent("premiered", text);
        case "outline", "review" -> single.putIfAbsent("plot", text);
        default -> single.putIfAbsent(name, text);
      }
    }

    private void actor(Element actor) {
      String name = child(actor, "name");
      if (name == null || name.isBlank()) {
        return;
      }
      Integer order = integer(child(actor, "order"));
      credits.add(
          new Credit(
              name.strip(),
              CreditRole.ACTOR,
              child(actor, "role"),
              order == null ? credits.size() : order));
    }

    private void credit(String name, CreditRole role) {
      if (!name.isBlank()) {
        credits.add(new Credit(name, role, null, credits.size()));
      }
    }

    private void uniqueId(String type, String value) {
      if (!value.isBlank()) {
        ExternalProvider.parse(type).ifPresent(p -> uniqueIds.putIfAbsent(p, value));
      }
    }

    private void ratings(Element ratings) {
      for (Node node = ratings.getFirstChild(); node != null; node = node.getNextSibling()) {
        if (node instanceof Element rating && rating.getTagName().equalsIgnoreCase("rating")) {
          Double value = decimal(child(rating, "value"));
          if (value != null
              && (defaultRating == null || "true".equals(rating.getAttribute("default")))) {
            defaultRating = value;
          }
        }
      }
    }

    NfoDocument document() {
      Integer playCount = integer(single.get("playcount"));
      boolean watched = "true".equalsIgnoreCase(single.get("watched"));
      Instant lastPlayed = dateTime(single.get("lastplayed"));
      // An NFO without any of these says nothing of its owner's viewing: no watch state at all,
      // rather than "not watched", so that it never takes away a play another source knows.
      boolean saysWatchState =
          single.get("playcount") != null
              || single.get("watched") != null
              || single.get("lastplayed") != null
              || single.get("userrating") != null;
      WatchState watch =
          saysWatchState
              ? new WatchState(
                  playCount == null ? (watched ? 1 : 0) : playCount,
                  lastPlayed,
                  watched || (playCount != null && playCount > 0),
                  decimal(single.get("userrating")))
              : null;
      return new NfoDocument(
          kind,
          blankToNull(single.get("title")),
          blankToNull(single.get("originaltitle")),
          blankToNull(single.get("sorttitle")),
          integer(single.get("year")),
          date(single.get("premiered")),
          blankToNull(single.get("plot")),
          genres,
          tags,
          blankToNull(single.get("studio")),
          defaultRating != null ? defaultRating : decimal(single.get("rating")),
          integer(single.get("runtime")),
          uniqueIds,
          credits,
          integer(single.get("season")),
          integer(single.get("episode")),
          watch);
    }
  }

  private static String child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equalsIgnoreCase(name)) {
        return element.getTextContent().strip();
      }
    }
    return null;
  }

  private static void addNonBlank(List<String> list, String value) {
    if (!value.isBlank()) {
      list.add(value);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  static Integer integer(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double decimal(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Double.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate date(String value) {
    if (value == null || value.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(value.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Kodi writes "yyyy-MM-dd HH:mm:ss" without a zone; Suasor reads it as UTC. */
  private static Instant dateTime(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return LocalDateTime.parse(value.strip().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
