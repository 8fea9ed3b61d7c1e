package io.suasor.media.model;

import java.util.Locale;
import java.util.Optional;

/** The catalogues whose ids identify an item across sources. */
public enum ExternalProvider {
  IMDB,
  TMDB,
  TVDB,
  MUSICBRAINZ;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ExternalProvider of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** The provider a free-form name (an NFO's {@code uniqueid type}) means, if it is one of ours. */
  public static Optional<ExternalProvider> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (ExternalProvider provider : values()) {
      if (provider.value().equalsIgnoreCase(value.trim())) {
        return Optional.of(provider);
      }
    }
    return Optional.empty();
  }
}
