package io.suasor.media.model;

/** Where an item sits inside its parent: a season's number, an episode's, a track's and disc. */
public record Numbering(Integer season, Integer episode, Integer disc, Integer track) {
  public static final Numbering NONE = new Numbering(null, null, null, null);

  public static Numbering season(int season) {
    return new Numbering(season, null, null, null);
  }

  public static Numbering episode(int season, int episode) {
    return new Numbering(season, episode, null, null);
  }

  public static Numbering track(Integer disc, Integer track) {
    return new Numbering(null, null, disc, track);
  }
}
