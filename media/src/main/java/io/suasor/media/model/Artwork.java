package io.suasor.media.model;

/** Where an item's images are: a poster (an episode's still) and a backdrop; null when unknown. */
public record Artwork(String posterUrl, String backdropUrl) {
  public static final Artwork NONE = new Artwork(null, null);

  /** This artwork, with what it lacks taken from {@code other}. */
  public Artwork orElse(Artwork other) {
    return new Artwork(
        posterUrl != null ? posterUrl : other.posterUrl(),
        backdropUrl != null ? backdropUrl : other.backdropUrl());
  }
}
