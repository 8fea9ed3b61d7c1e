package io.suasor.media.source;

import java.util.List;

/**
 * What a source told when checked: who it is and what it holds, so a user can see that its settings
 * work and which user and libraries to choose.
 *
 * @param serverName the server's own name (a local source: its name in Suasor)
 * @param product e.g. "Jellyfin Server", "Plex Media Server", "Subsonic"
 * @param version the server's version as it reports it
 * @param users the server's users the credentials can see; {@code selected} marks the one whose
 *     data this source syncs
 * @param libraries the server's libraries; {@code included} marks those this source syncs
 * @param notes what a user should know of how the source's data is read, e.g. that a Plex source's
 *     view state is the token's account's
 */
public record SourceCheck(
    String serverName,
    String product,
    String version,
    List<User> users,
    List<Library> libraries,
    List<String> notes) {

  public SourceCheck {
    users = List.copyOf(users);
    libraries = List.copyOf(libraries);
    notes = List.copyOf(notes);
  }

  /** A check with nothing more to say. */
  public SourceCheck(
      String serverName,
      String product,
      String version,
      List<User> users,
      List<Library> libraries) {
    this(serverName, product, version, users, libraries, List.of());
  }

  public record User(String id, String name, boolean admin, boolean selected) {}

  /** {@code kind} is what the library holds as the server says it ("movies", "tvshows", …). */
  public record Library(String id, String name, String kind, boolean included) {}
}
