package io.suasor.media.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/** Puts a {@link Taste} into words for a {@link SuggestionSource}. */
final class TasteSummaries {
  static final int LIKED_TITLES = 20;
  static final int PEOPLE_PER_TITLE = 5;
  static final int PEOPLE = 15;
  static final int DECADES = 3;

  private TasteSummaries() {}

  static TasteSummary of(LibraryFeatures library, Taste taste) {
    List<TasteSummary.LikedTitle> liked = new ArrayList<>();
    for (int i = 0; i < Math.min(LIKED_TITLES, taste.liked.length); i++) {
      int c = taste.liked[i];
      liked.add(
          new TasteSummary.LikedTitle(
              library.itemIds[c],
              library.types[c],
              library.titles[c],
              library.years[c] > 0 ? library.years[c] : null,
              Arrays.stream(library.genres[c]).mapToObj(library.genreNames::name).toList(),
              Arrays.stream(library.people[c])
                  .limit(PEOPLE_PER_TITLE)
                  .mapToObj(library.peopleNames::name)
                  .toList(),
              taste.likedWeights[i]));
    }
    List<TasteSummary.Weighted> genres = new ArrayList<>();
    for (int genre : taste.topGenres) {
      genres.add(
          new TasteSummary.Weighted(library.genreNames.name(genre), null, taste.genreShare(genre)));
    }
    List<TasteSummary.Weighted> people = new ArrayList<>();
    for (int i = 0; i < Math.min(PEOPLE, taste.topPeople.length); i++) {
      int person = taste.topPeople[i];
      people.add(
          new TasteSummary.Weighted(
              library.peopleNames.name(person),
              library.peopleNames.kind(person),
              taste.personTitles(person)));
    }
    List<TasteSummary.Weighted> decades = new ArrayList<>();
    java.util.stream.IntStream.range(0, taste.decadeSlots())
        .filter(slot -> taste.decadeShare(slot) > 0)
        .boxed()
        .sorted((a, b) -> Double.compare(taste.decadeShare(b), taste.decadeShare(a)))
        .limit(DECADES)
        .forEach(
            slot ->
                decades.add(
                    new TasteSummary.Weighted(slot * 10 + "s", null, taste.decadeShare(slot))));
    return new TasteSummary(liked, genres, people, decades);
  }

  /** The titles of the excluded items the library has, liked ones first, at most {@code max}. */
  static List<String> excludedTitles(
      LibraryFeatures library, Taste taste, Exclusions exclusions, int max) {
    java.util.LinkedHashSet<String> titles = new java.util.LinkedHashSet<>();
    for (int c : taste.liked) {
      titles.add(library.titles[c]);
    }
    BitSet excluded = exclusions.candidates;
    for (int c = excluded.nextSetBit(0);
        c >= 0 && titles.size() < max;
        c = excluded.nextSetBit(c + 1)) {
      titles.add(library.titles[c]);
    }
    return titles.stream().limit(max).toList();
  }
}
