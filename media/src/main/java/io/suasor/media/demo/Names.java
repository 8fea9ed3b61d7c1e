package io.suasor.media.demo;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Plausible titles, people and plots, drawn from small word lists. */
final class Names {
  private static final String[] ADJECTIVES = {
    "Silent", "Crimson", "Hidden", "Last", "Broken", "Golden", "Distant", "Frozen", "Wild",
    "Electric", "Secret", "Northern", "Burning", "Hollow", "Iron", "Velvet", "Midnight", "Lost",
    "Bright", "Restless"
  };
  private static final String[] NOUNS = {
    "Harbor", "Empire", "Garden", "River", "Signal", "Orchard", "Frontier", "Lantern", "Kingdom",
    "Voyage", "Mirror", "Horizon", "Station", "Machine", "Summer", "Citadel", "Archive", "Tide",
    "Comet", "Valley", "Letters", "Engine", "Canyon", "Parade"
  };
  private static final String[] FIRST = {
    "Ada", "Ben", "Clara", "Dev", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Keiko",
    "Luca", "Mara", "Nils", "Olga", "Pavel", "Rosa", "Sami", "Tara", "Yusuf"
  };
  private static final String[] LAST = {
    "Almeida", "Brandt", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Hughes", "Ivanova",
    "Jensen", "Kowalski", "Laurent", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi"
  };
  private static final String[] GENRES = {
    "Drama",
    "Comedy",
    "Thriller",
    "Science Fiction",
    "Documentary",
    "Animation",
    "Romance",
    "Adventure",
    "Crime",
    "Fantasy",
    "Horror",
    "Mystery"
  };
  private static final String[] STUDIOS = {
    "Northlight Pictures", "Harborview Films", "Red Kite Studios", "Meridian", "Blue Hour"
  };

  private final Random random;
  private final Set<String> used = new HashSet<>();

  Names(Random random) {
    this.random = random;
  }

  /** A title not handed out before; later ones get a numeral so the supply never runs out. */
  String uniqueTitle() {
    while (true) {
      String title = "The " + pick(ADJECTIVES) + " " + pick(NOUNS);
      if (used.size() > ADJECTIVES.length * NOUNS.length / 2) {
        title = title + " " + (2 + random.nextInt(98));
      }
      if (used.add(title)) {
        return title;
      }
    }
  }

  String uniqueArtist() {
    while (true) {
      String artist = pick(ADJECTIVES) + " " + pick(NOUNS) + "s";
      if (used.size() > 200) {
        artist = artist + " " + (2 + random.nextInt(98));
      }
      if (used.add(artist)) {
        return artist;
      }
    }
  }

  String episodeTitle() {
    return pick(ADJECTIVES) + " " + pick(NOUNS);
  }

  String person() {
    return pick(FIRST) + " " + pick(LAST);
  }

  String studio() {
    return pick(STUDIOS);
  }

  String plot() {
    return "A "
        + pick(ADJECTIVES).toLowerCase(java.util.Locale.ROOT)
        + " story of "
        + person()
        + " and the "
        + pick(NOUNS).toLowerCase(java.util.Locale.ROOT)
        + ".";
  }

  String genres(String indent) {
    String first = pick(GENRES);
    String second = pick(GENRES);
    return indent
        + "<genre>"
        + first
        + "</genre>\n"
        + (second.equals(first) ? "" : indent + "<genre>" + second + "</genre>\n");
  }

  String actors(String indent, int count) {
    StringBuilder actors = new StringBuilder();
    for (int i = 0; i < count; i++) {
      actors
          .append(indent)
          .append("<actor><name>")
          .append(person())
          .append("</name><role>")
          .append(pick(FIRST))
          .append("</role><order>")
          .append(i)
          .append("</order></actor>\n");
    }
    return actors.toString();
  }

  private String pick(String[] words) {
    return words[random.nextInt(words.length)];
  }
}
