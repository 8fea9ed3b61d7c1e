package io.suasor.media.source.subsonic;

/** A Subsonic REST API version, e.g. 1.10.2, as {@code ping} and every answer report it. */
record ApiVersion(int major, int minor, int patch) implements Comparable<ApiVersion> {
  /** The oldest API this client uses: getArtists, getAlbum, getStarred2 and playlists are there. */
  static final ApiVersion OLDEST = new ApiVersion(1, 10, 0);

  /** From this version on, a server takes a salted token instead of the password. */
  static final ApiVersion TOKEN_AUTH = new ApiVersion(1, 13, 0);

  /** The newest API whose features this client uses; a newer server is spoken to in this one. */
  static final ApiVersion SPOKEN = TOKEN_AUTH;

  /** Parses "1.10.2" or "1.16"; null when the text is not a version. */
  static ApiVersion parse(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.strip().split("\\.");
    if (parts.length < 2 || parts.length > 3) {
      return null;
    }
    try {
      return new ApiVersion(
          Integer.parseInt(parts[0]),
          Integer.parseInt(parts[1]),
          parts.length == 3 ? Integer.parseInt(parts[2]) : 0);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  boolean before(ApiVersion other) {
    return compareTo(other) < 0;
  }

  /** The version to send as {@code v}: ours, or the server's when it is older. */
  ApiVersion spokenWith() {
    return before(SPOKEN) ? this : SPOKEN;
  }

  @Override
  public int compareTo(ApiVersion other) {
    int byMajor = Integer.compare(major, other.major);
    if (byMajor != 0) {
      return byMajor;
    }
    int byMinor = Integer.compare(minor, other.minor);
    return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
