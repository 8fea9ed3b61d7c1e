package io.suasor.media.recommend;

import io.suasor.media.model.MediaType;
import java.util.HashMap;
import java.util.Map;

/**
 * Mixes a stored activity profile's shares into a taste's, as a given part of each feature the
 * profile has (all of it when the user has no history of their own); names the library does not
 * have are left out.
 */
final class ProfileMix {
  private final LibraryFeatures library;
  private final ProfileShares profile;
  private final double part;

  ProfileMix(LibraryFeatures library, ProfileShares profile, double part) {
    this.library = library;
    this.profile = profile;
    this.part = part;
  }

  void genres(double[] shares) {
    Map<Integer, Double> theirs = new HashMap<>();
    for (ProfileShares.Named genre : profile.genres()) {
      int id = library.genreNames.find(LibraryFeatures.GENRE, genre.name());
      if (id >= 0) {
        theirs.merge(id, genre.share(), Double::sum);
      }
    }
    mix(shares, theirs);
  }

  void decades(double[] shares) {
    Map<Integer, Double> theirs = new HashMap<>();
    for (ProfileShares.Decade decade : profile.decades()) {
      int slot = decade.decade() / 10;
      if (slot > 0 && slot < shares.length) {
        theirs.merge(slot, decade.share(), Double::sum);
      }
    }
    mix(shares, theirs);
  }

  void kinds(double[] shares) {
    Map<Integer, Double> theirs = new HashMap<>();
    for (ProfileShares.Kind kind : profile.mediaTypes()) {
      theirs.merge(kind.type().ordinal(), kind.share(), Double::sum);
      if (kind.type() == MediaType.ALBUM) {
        // Time spent on tracks is time with their artists too.
        theirs.merge(MediaType.ARTIST.ordinal(), kind.share(), Double::sum);
      }
    }
    mix(shares, theirs);
  }

  /** A person's share of the profile's time counts as that share of the user's titles. */
  void people(Map<Integer, Double> titlesPerPerson, double titles) {
    Map<Integer, Double> theirs = new HashMap<>();
    for (ProfileShares.Named person : profile.people()) {
      int id = library.peopleNames.find(TasteReader.role(person.role()), person.name());
      if (id >= 0) {
        theirs.merge(id, person.share() * titles, Double::sum);
      }
    }
    if (theirs.isEmpty()) {
      return;
    }
    titlesPerPerson.replaceAll((person, count) -> count * (1 - part));
    theirs.forEach((person, count) -> titlesPerPerson.merge(person, part * count, Double::sum));
  }

  /** The profile's shares are of the time spent, as the taste's are of the titles liked. */
  private void mix(double[] shares, Map<Integer, Double> theirs) {
    if (theirs.isEmpty()) {
      return;
    }
    for (int id = 0; id < shares.length; id++) {
      shares[id] *= 1 - part;
    }
    theirs.forEach((id, share) -> shares[id] += part * share);
  }
}
