package io.suasor.media.recommend;

import io.suasor.media.model.MediaType;
import java.util.List;

/**
 * A user's taste in words, for a recommender that is told rather than computes it (an AI prompt):
 * the titles they liked most; their strongest genres (the ones they go for more than the library
 * has them) with their share of the titles the user liked, their strongest people with how many of
 * those titles they are in, their main decades with their share.
 */
public record TasteSummary(
    List<LikedTitle> liked, List<Weighted> genres, List<Weighted> people, List<Weighted> decades) {
  /** A title the user liked, with what describes it; {@code weight} compares liked titles. */
  public record LikedTitle(
      long itemId,
      MediaType type,
      String title,
      Integer year,
      List<String> genres,
      List<String> people,
      double weight) {
    public LikedTitle {
      genres = List.copyOf(genres);
      people = List.copyOf(people);
    }
  }

  /** A genre, a person (with their role: actor, director, artist) or a decade ("1990s"). */
  public record Weighted(String name, String role, double weight) {}

  public TasteSummary {
    liked = List.copyOf(liked);
    genres = List.copyOf(genres);
    people = List.copyOf(people);
    decades = List.copyOf(decades);
  }
}
