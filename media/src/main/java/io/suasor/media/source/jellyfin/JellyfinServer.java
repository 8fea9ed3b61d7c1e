package io.suasor.media.source.jellyfin;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.SourceCheck;
import io.suasor.media.source.http.Query;
import io.suasor.media.source.http.ServerHttp;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Jellyfin or Emby server behind a source: that it is the kind of server the source says and
 * new enough, its users and libraries, and which of them the source's settings choose.
 */
final class JellyfinServer {
  private final JellyfinDialect dialect;
  private final ServerSourceSettings settings;
  private final ServerHttp http;
  private final ServerHttp anonymous;
  private Session session;

  /**
   * @param http sends the source's API key
   * @param anonymous sends none, for the server's public information
   */
  JellyfinServer(
      JellyfinDialect dialect,
      ServerSourceSettings settings,
      ServerHttp http,
      ServerHttp anonymous) {
    this.dialect = dialect;
    this.settings = settings;
    this.http = http;
    this.anonymous = anonymous;
  }

  /**
   * Whose data the source reads and where: the chosen user's id, and the ids of the included
   * libraries (empty when the settings name none, so that every library is read).
   */
  record Session(String userId, List<String> libraryIds) {}

  /** Checks the server once and chooses the user and libraries; later calls reuse the choice. */
  synchronized Session session() {
    if (session == null) {
      identify();
      String userId = chosen(users()).id();
      List<String> libraryIds =
          settings.libraries().isEmpty()
              ? List.of()
              : included(libraries()).stream().map(SourceCheck.Library::id).toList();
      session = new Session(userId, libraryIds);
    }
    return session;
  }

  SourceCheck check() {
    JsonNode info = identify();
    List<SourceCheck.User> users = users();
    String chosen = chosen(users).id();
    List<SourceCheck.Library> libraries = libraries();
    List<String> included = included(libraries).stream().map(SourceCheck.Library::id).toList();
    return new SourceCheck(
        info.path("ServerName").asText(),
        info.path("ProductName").asText(dialect.kind() + " Server"),
        info.path("Version").asText(),
        users.stream()
            .map(u -> new SourceCheck.User(u.id(), u.name(), u.admin(), u.id().equals(chosen)))
            .toList(),
        libraries.stream()
            .map(
                l -> new SourceCheck.Library(l.id(), l.name(), l.kind(), included.contains(l.id())))
            .toList());
  }

  /**
   * The server's public information, once it shows the server is of this source's kind and new
   * enough. Jellyfin says {@code ProductName}; Emby has no such field.
   */
  private JsonNode identify() {
    String path = dialect.path("/System/Info/Public");
    JsonNode info;
    try {
      info = anonymous.getJson(path, Query.of());
    } catch (SourceHttpException e) {
      if (e.problem() != Problem.NOT_FOUND && e.problem() != Problem.BAD_RESPONSE) {
        throw e;
      }
      throw notThatServer("has no " + dialect.kind() + " server information at " + path, e);
    }
    String version = info.path("Version").asText(null);
    if (!info.isObject() || version == null || !info.hasNonNull("Id")) {
      throw notThatServer(
          "answers JSON at " + path + ", but not as a " + dialect.kind() + " server", null);
    }
    String found = kindOf(info);
    if (!found.equals(dialect.kind())) {
      JellyfinDialect other =
          dialect == JellyfinDialect.JELLYFIN ? JellyfinDialect.EMBY : JellyfinDialect.JELLYFIN;
      boolean sibling = found.equals(other.kind());
      String article = other == JellyfinDialect.EMBY ? "an " : "a ";
      throw new SourceHttpException(
          Problem.NOT_THAT_SERVER,
          http.server().describe()
              + " is "
              + (sibling ? article + found + " server" : "'" + found + "'")
              + " (version "
              + version
              + "), not "
              + dialect.kind()
              + ": "
              + (sibling ? "make it " + article + found + " source" : "check the source's url"));
    }
    if (olderThan(version, dialect.minimumVersion())) {
      throw new SourceHttpException(
          Problem.TOO_OLD,
          http.server().describe()
              + " runs "
              + dialect.kind()
              + " "
              + version
              + "; Suasor needs "
              + dialect.kind()
              + " "
              + dialect.minimumVersion()
              + " or later: upgrade the server");
    }
    return info;
  }

  /**
   * "Jellyfin", "Emby", or the product the server names: Jellyfin's public information says
   * "Jellyfin Server" in {@code ProductName}; Emby's has no such field.
   */
  private static String kindOf(JsonNode info) {
    String product = info.path("ProductName").asText(null);
    if (product == null) {
      return "Emby";
    }
    return product.toLowerCase(Locale.ROOT).contains("jellyfin") ? "Jellyfin" : product;
  }

  private SourceHttpException notThatServer(String what, SourceHttpException cause) {
    return new SourceHttpException(
        Problem.NOT_THAT_SERVER,
        http.server().describe()
            + " "
            + what
            + ": check that the url is the address of the "
            + dialect.kind()
            + " server itself, with its base path if it has one",
        cause);
  }

  /** Whether a dotted version is below a minimum, comparing the numbers part by part. */
  static boolean olderThan(String version, String minimum) {
    int[] have = numbers(version);
    int[] need = numbers(minimum);
    for (int i = 0; i < need.length; i++) {
      int part = i < have.length ? have[i] : 0;
      if (part != need[i]) {
        return part < need[i];
      }
    }
    return false;
  }

  private static int[] numbers(String version) {
    String[] parts = version.split("\\.");
    int[] numbers = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String digits = parts[i].replaceFirst("^(\\d*).*$", "$1");
      numbers[i] = digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
    return numbers;
  }

  private List<SourceCheck.User> users() {
    List<SourceCheck.User> users = new ArrayList<>();
    for (JsonNode user : dialect.listIn(http.getJson(dialect.usersPath(), Query.of()))) {
      users.add(
          new SourceCheck.User(
              user.path("Id").asText(),
              user.path("Name").asText(),
              user.path("Policy").path("IsAdministrator").asBoolean(false),
              false));
    }
    return users;
  }

  /** The settings' user (by id or name); else the only user, or the only administrator. */
  private SourceCheck.User chosen(List<SourceCheck.User> users) {
    String names = users.stream().map(SourceCheck.User::name).collect(Collectors.joining(", "));
    if (settings.user().isPresent()) {
      String wanted = settings.user().get();
      return users.stream()
          .filter(u -> u.id().equals(wanted) || u.name().equalsIgnoreCase(wanted))
          .findFirst()
          .orElseThrow(
              () ->
                  badSettings(
                      "has no user '"
                          + wanted
                          + "'; set user in the source's config to one of: "
                          + names));
    }
    if (users.size() == 1) {
      return users.get(0);
    }
    List<SourceCheck.User> admins = users.stream().filter(SourceCheck.User::admin).toList();
    if (admins.size() == 1) {
      return admins.get(0);
    }
    throw badSettings(
        users.isEmpty()
            ? "shows the API key no users: use a key of an administrator"
            : "has several users; set user in the source's config to the one whose data is yours,"
                + " one of: "
                + names);
  }

  private List<SourceCheck.Library> libraries() {
    List<SourceCheck.Library> libraries = new ArrayList<>();
    for (JsonNode library : dialect.listIn(http.getJson(dialect.librariesPath(), Query.of()))) {
      // Emby names a library's folder item both ItemId and Id; either is a parentId for listings.
      String id = library.path("ItemId").asText(library.path("Id").asText());
      libraries.add(
          new SourceCheck.Library(
              id,
              library.path("Name").asText(),
              library.path("CollectionType").asText("mixed"),
              false));
    }
    return libraries;
  }

  /** The libraries the settings include; every library they name must exist. */
  private List<SourceCheck.Library> included(List<SourceCheck.Library> libraries) {
    for (String wanted : settings.libraries()) {
      boolean found =
          libraries.stream()
              .anyMatch(l -> l.id().equals(wanted) || l.name().equalsIgnoreCase(wanted));
      if (!found) {
        throw badSettings(
            "has no library '"
                + wanted
                + "'; name its libraries in the source's config, some of: "
                + libraries.stream()
                    .map(SourceCheck.Library::name)
                    .collect(Collectors.joining(", ")));
      }
    }
    return libraries.stream().filter(l -> settings.includes(l.id(), l.name())).toList();
  }

  private SourceHttpException badSettings(String what) {
    return new SourceHttpException(Problem.BAD_SETTINGS, http.server().describe() + " " + what);
  }
}
