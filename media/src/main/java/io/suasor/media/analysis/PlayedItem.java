package io.suasor.media.analysis;

import io.suasor.media.model.MediaType;
import java.util.List;

/**
 * A played item with what it inherits from the items it hangs under: an episode takes its series'
 * genres, year and cast, a track its album's and artist's.
 *
 * @param durationSeconds the item's own length; null when the library does not know it
 * @param series the series of an episode (or season); null otherwise
 * @param artist the artist of a track (or album); null otherwise
 */
record PlayedItem(
    long id,
    MediaType type,
    Integer durationSeconds,
    Integer year,
    List<String> genres,
    List<Person> people,
    Titled series,
    Titled artist) {

  /** A person with their part, e.g. an actor. */
  record Person(String name, String role) {}

  /** A library item that a played item belongs to, with its title. */
  record Titled(long id, String title) {}
}
