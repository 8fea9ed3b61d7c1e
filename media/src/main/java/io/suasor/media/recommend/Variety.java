package io.suasor.media.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks a user's list from their ranked candidates so that it is not one thing over and over: at
 * most a share of the list may lead with one genre (a title leads with the genre of its that the
 * user likes most), and at most a few titles may be one artist's. When the caps leave the list
 * short, the best of the passed-over titles fill it: a library with little else still fills it.
 */
final class Variety {
  private final LibraryFeatures library;
  private final double maxGenreShare;
  private final int maxPerArtist;

  Variety(LibraryFeatures library, double maxGenreShare, int maxPerArtist) {
    this.library = library;
    this.maxGenreShare = maxGenreShare;
    this.maxPerArtist = maxPerArtist;
  }

  List<CandidateScorer.Scored> pick(List<CandidateScorer.Scored> ranked, Taste taste, int count) {
    int genreCap = Math.max(1, (int) Math.ceil(count * maxGenreShare));
    Map<Integer, Integer> perGenre = new HashMap<>();
    Map<Integer, Integer> perArtist = new HashMap<>();
    List<CandidateScorer.Scored> picked = new ArrayList<>();
    List<CandidateScorer.Scored> passedOver = new ArrayList<>();
    for (CandidateScorer.Scored scored : ranked) {
      if (picked.size() == count) {
        break;
      }
      int genre = leadingGenre(scored.candidate(), taste);
      int artist = library.artistOf[scored.candidate()];
      if ((genre >= 0 && perGenre.getOrDefault(genre, 0) >= genreCap)
          || (artist >= 0 && perArtist.getOrDefault(artist, 0) >= maxPerArtist)) {
        passedOver.add(scored);
        continue;
      }
      picked.add(scored);
      if (genre >= 0) {
        perGenre.merge(genre, 1, Integer::sum);
      }
      if (artist >= 0) {
        perArtist.merge(artist, 1, Integer::sum);
      }
    }
    for (CandidateScorer.Scored scored : passedOver) {
      if (picked.size() == count) {
        break;
      }
      picked.add(scored);
    }
    picked.sort(CandidateScorer.BEST_FIRST);
    return picked;
  }

  /** The candidate's genre the user likes most; its first genre when they like none; -1 if none. */
  int leadingGenre(int candidate, Taste taste) {
    int[] genres = library.genres[candidate];
    int leading = genres.length == 0 ? -1 : genres[0];
    double best = 0;
    for (int genre : genres) {
      double lift = taste.genreLift(library.types[candidate].ordinal(), genre);
      if (lift > best) {
        best = lift;
        leading = genre;
      }
    }
    return leading;
  }
}
