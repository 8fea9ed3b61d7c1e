package io.suasor.media.recommend;

import io.suasor.media.model.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Says why a candidate was chosen, from the real match: the user's liked titles it resembles most,
 * and the genres, actors, directors and artists it shares with their taste, as in "Because you
 * watched The Expanse and Firefly: science fiction with Nathan Fillion".
 */
final class Reasons {
  /** How many liked titles a recommendation lists as similar, and names in its reason. */
  static final int SIMILAR_KEPT = 3;

  static final int NAMED = 2;

  /**
   * Neighbours are named ("people who watched …") when they played a title at least twice as much
   * as the whole library did, and at least this many of them played it and a title the user liked.
   */
  static final double NEIGHBOURS_NAMED = Math.log(2);

  static final int CO_PLAYERS_NAMED = 2;

  /** A decade is named when the user goes for it at least twice as much as the library has it. */
  static final double DECADE_NAMED = Math.log(2);

  /** What one candidate shares with the user's taste. */
  record Explained(
      List<Long> similarItems,
      List<String> actors,
      List<String> directors,
      List<String> genres,
      String reasoning,
      boolean byNeighbours) {
    /**
     * Whether it shares a genre or a person, or people who played what the user liked played it: a
     * title chosen for its popularity does neither.
     */
    boolean matched() {
      return byNeighbours || !genres.isEmpty() || !actors.isEmpty() || !directors.isEmpty();
    }
  }

  private final LibraryFeatures library;

  Reasons(LibraryFeatures library) {
    this.library = library;
  }

  /**
   * Why the candidate suits the user; the library's {@link CoPlays} must hold this user's
   * neighbours (as {@link CandidateScorer#best} leaves them).
   */
  Explained explain(int candidate, Taste taste, boolean preferredGenre) {
    int kind = library.types[candidate].ordinal();
    List<String> genres =
        names(matching(library.genres[candidate], g -> taste.genreLift(kind, g)), true);
    List<String> actors = new ArrayList<>();
    List<String> directors = new ArrayList<>();
    List<String> artists = new ArrayList<>();
    for (int person : matching(library.people[candidate], taste::personLift)) {
      switch (library.role(person)) {
        case DIRECTOR -> directors.add(library.peopleNames.name(person));
        case ARTIST -> artists.add(library.peopleNames.name(person));
        default -> actors.add(library.peopleNames.name(person));
      }
    }
    int[] similar = similar(candidate, taste);
    int coPlayed = coPlayed(candidate, taste, similar);
    boolean content = !genres.isEmpty() || !actors.isEmpty() || !directors.isEmpty();
    String what = description(candidate, taste, genres, actors, directors, artists);
    String reasoning;
    if (similar.length > 0) {
      reasoning = "Because you " + verb(similar) + " " + titles(similar) + ": " + what;
    } else if (preferredGenre && !genres.isEmpty()) {
      reasoning = "One of your preferred genres: " + what;
    } else {
      reasoning = "Matches your taste: " + what;
    }
    if (coPlayed >= 0) {
      String also = alsoPlayed(coPlayed, candidate);
      reasoning = content ? reasoning + ". " + also : also;
      if (IntStream.of(similar).noneMatch(c -> c == coPlayed)) {
        similar = IntStream.concat(IntStream.of(similar), IntStream.of(coPlayed)).toArray();
      }
    }
    // Performers are the music's "actors": the original's fields have no place of their own.
    List<String> performers = new ArrayList<>(actors);
    performers.addAll(artists);
    return new Explained(
        IntStream.of(similar).mapToObj(c -> library.itemIds[c]).toList(),
        performers,
        directors,
        names(matching(library.genres[candidate], g -> taste.genreLift(kind, g)), false),
        reasoning,
        coPlayed >= 0);
  }

  /**
   * The liked title whose players most often played the candidate too, when the user's neighbours
   * go for the candidate clearly more than the library does; -1 otherwise.
   */
  private int coPlayed(int candidate, Taste taste, int[] similar) {
    CoPlays coPlays = library.coPlays;
    if (coPlays.neighbourLift(candidate) < NEIGHBOURS_NAMED) {
      return -1;
    }
    int best = -1;
    int most = CO_PLAYERS_NAMED - 1;
    int[] named = IntStream.of(similar).limit(NAMED).toArray();
    for (int liked : taste.liked) {
      boolean sameArtist =
          library.artistOf[liked] >= 0 && library.artistOf[liked] == library.artistOf[candidate];
      if (sameArtist
          || library.artistOf[liked] == liked
          || IntStream.of(named).anyMatch(n -> n == liked)) {
        // The same artist, an artist beside their albums or a title named already: nothing new.
        continue;
      }
      int both = coPlays.playedBoth(liked, candidate);
      if (both > most) {
        most = both;
        best = liked;
      }
    }
    return best;
  }

  private String alsoPlayed(int liked, int candidate) {
    String verb = library.isVideo(liked) ? "watched" : "listened to";
    String also = library.isVideo(candidate) ? "watched" : "listened to";
    return "People who " + verb + " " + library.titles[liked] + " also " + also + " it";
  }

  /** The reason of a title chosen for a user with no taste to match: how popular it is. */
  String popular(int candidate) {
    int users = library.popularity[candidate];
    if (users > 0) {
      return "Popular in your library: played by "
          + users
          + (users == 1 ? " person" : " people")
          + (Double.isNaN(library.ratings[candidate])
              ? ""
              : String.format(Locale.ROOT, ", rated %.1f", library.ratings[candidate]));
    }
    return String.format(
        Locale.ROOT, "Among the best rated in your library: %.1f", library.ratings[candidate]);
  }

  /** The liked titles most like the candidate by genre and people, most alike first. */
  private int[] similar(int candidate, Taste taste) {
    record Alike(int liked, double weight) {}
    List<Alike> alike = new ArrayList<>();
    int[] genres = library.genres[candidate];
    for (int i = 0; i < taste.liked.length; i++) {
      int liked = taste.liked[i];
      // An album's own artist is named as its artist ("by Nina Simone"), not as a liked title.
      if (liked == candidate || liked == library.artistOf[candidate]) {
        continue;
      }
      int sharedGenres = shared(genres, library.genres[liked]);
      int sharedPeople = shared(library.people[candidate], library.people[liked]);
      if (sharedGenres + sharedPeople == 0) {
        continue;
      }
      double overlap = (double) sharedGenres / Math.max(1, genres.length) + 2.0 * sharedPeople;
      if (library.decade(liked) == library.decade(candidate) && library.decade(liked) >= 0) {
        overlap += 0.25;
      }
      alike.add(new Alike(liked, overlap * taste.likedWeights[i]));
    }
    return alike.stream()
        .sorted(Comparator.comparingDouble(Alike::weight).reversed())
        .limit(SIMILAR_KEPT)
        .mapToInt(Alike::liked)
        .toArray();
  }

  private String description(
      int candidate,
      Taste taste,
      List<String> genres,
      List<String> actors,
      List<String> directors,
      List<String> artists) {
    StringBuilder text = new StringBuilder();
    text.append(genres.isEmpty() ? kind(library.types[candidate]) : and(first(genres)));
    if (!artists.isEmpty()) {
      text.append(" by ").append(and(first(artists)));
    }
    if (!actors.isEmpty()) {
      text.append(" with ").append(and(first(actors)));
    }
    if (!directors.isEmpty()) {
      text.append(", directed by ").append(and(first(directors)));
    }
    int decade = library.decade(candidate);
    if (taste.decadeLift(decade) >= DECADE_NAMED) {
      text.append(", from the ").append(decade * 10).append('s');
    }
    return text.toString();
  }

  private String verb(int[] titles) {
    boolean video = IntStream.of(titles).allMatch(library::isVideo);
    boolean music = IntStream.of(titles).noneMatch(library::isVideo);
    return video ? "watched" : music ? "listened to" : "enjoyed";
  }

  private String titles(int[] candidates) {
    return and(IntStream.of(candidates).limit(NAMED).mapToObj(c -> library.titles[c]).toList());
  }

  private int[] matching(int[] features, IntToDoubleFunction weight) {
    return IntStream.of(features)
        .filter(feature -> weight.applyAsDouble(feature) > 0)
        .boxed()
        .sorted(Comparator.comparingDouble((Integer f) -> -weight.applyAsDouble(f)))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private List<String> names(int[] genres, boolean lowerCase) {
    return IntStream.of(genres)
        .mapToObj(library.genreNames::name)
        .map(name -> lowerCase ? name.toLowerCase(Locale.ROOT) : name)
        .toList();
  }

  private static int shared(int[] a, int[] b) {
    int shared = 0;
    for (int x : a) {
      for (int y : b) {
        if (x == y) {
          shared++;
          break;
        }
      }
    }
    return shared;
  }

  private static List<String> first(List<String> names) {
    return names.subList(0, Math.min(NAMED, names.size()));
  }

  private static String and(List<String> names) {
    return names.size() <= 1 ? String.join("", names) : names.get(0) + " and " + names.get(1);
  }

  private static String kind(MediaType type) {
    return switch (type) {
      case SERIES -> "a series";
      case ALBUM -> "an album";
      case ARTIST -> "an artist";
      default -> "a film";
    };
  }
}
