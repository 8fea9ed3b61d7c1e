package io.suasor.media.source.plex;

import static io.suasor.media.source.plex.PlexPaging.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.SourceCheck;
import io.suasor.media.source.http.Query;
import io.suasor.media.source.http.ServerHttp;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import io.suasor.media.store.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks that a URL is a Plex server new enough to use, and reads its libraries and accounts. */
final class PlexCheck {
  static final String PRODUCT = "Plex Media Server";

  /**
   * The oldest server Suasor uses: the external ids it matches titles by ({@code Guid[]} with
   * {@code includeGuids=1}) came with Plex's new metadata agents in the 1.20 servers of 2020; the
   * rest it reads (sections, paged listings, {@code >>=} filters, history, scrobble) is older. The
   * contract was checked against the published API (1.41.9 and later, plex-description.md); home
   * servers commonly lag a few releases, so refusing those would refuse most of them.
   */
  static final int[] MINIMUM = {1, 20, 0};

  static final String VIEW_STATE_NOTE =
      "Plex keeps view state (played, play counts, positions, ratings) per account and answers a"
          + " token with its own account's: this source syncs the view state of the account whose"
          + " X-Plex-Token it holds, and only that account's plays of the server's history";

  /** Section types whose items Suasor syncs. */
  private static final Set<String> LISTED = Set.of("movie", "show", "artist");

  private PlexCheck() {}

  static SourceCheck check(ServerHttp http, ServerSourceSettings settings) {
    identity(http);
    JsonNode server = server(http);
    String version = text(server, "version");
    if (version != null && tooOld(version)) {
      throw new SourceHttpException(
          Problem.TOO_OLD,
          http.server().describe()
              + " is Plex Media Server "
              + version
              + "; Suasor needs "
              + minimum()
              + " or later: update the server");
    }
    List<PlexSection> sections = PlexSection.list(http);
    requireKnownLibraries(http, settings, sections);
    List<SourceCheck.Library> libraries =
        sections.stream()
            .map(
                s ->
                    new SourceCheck.Library(
                        s.key(),
                        s.title(),
                        s.type(),
                        LISTED.contains(s.type()) && settings.includes(s.key(), s.title())))
            .toList();
    String owner = text(server, "myPlexUsername");
    PlexAccounts accounts = PlexAccounts.read(http, settings, owner);
    return new SourceCheck(
        Optional.ofNullable(text(server, "friendlyName")).orElse(http.server().url()),
        PRODUCT,
        version == null ? "" : version,
        users(accounts, owner),
        libraries,
        List.of(VIEW_STATE_NOTE));
  }

  /**
   * {@code GET /}: the server's name, version and owner; the first request that needs the token.
   */
  static JsonNode server(ServerHttp http) {
    return PlexPaging.container(http, "/", http.getJson("/", Query.of()));
  }

  /**
   * {@code GET /identity} answers without a token; anything else than Plex's answer is not Plex.
   */
  private static void identity(ServerHttp http) {
    ServerHttp.Response response = http.exchangeAnyStatus("GET", "/identity", Query.of());
    JsonNode container = null;
    if (response.status() == 200) {
      try {
        container = Json.mapper().readTree(response.body()).get("MediaContainer");
      } catch (IOException e) {
        // A web page, not Plex's JSON: said below.
      }
    }
    if (container == null || text(container, "machineIdentifier") == null) {
      throw new SourceHttpException(
          Problem.NOT_THAT_SERVER,
          http.describe("GET", "/identity")
              + " answered "
              + (response.status() == 200
                  ? response.headers().first("Content-Type").orElse("no content type")
                      + " without a machineIdentifier"
                  : "HTTP " + response.status())
              + ", not as Plex Media Server does: check that the url is the Plex server's address"
              + " (usually http://HOST:32400), not its web app's or another server's");
    }
  }

  private static void requireKnownLibraries(
      ServerHttp http, ServerSourceSettings settings, List<PlexSection> sections) {
    List<String> unknown = new ArrayList<>();
    for (String wanted : settings.libraries()) {
      boolean known =
          sections.stream()
              .anyMatch(
                  s ->
                      s.key().equals(wanted)
                          || (s.title() != null && s.title().equalsIgnoreCase(wanted)));
      if (!known) {
        unknown.add(wanted);
      }
    }
    if (!unknown.isEmpty()) {
      throw new SourceHttpException(
          Problem.BAD_SETTINGS,
          http.server().describe()
              + " has no library "
              + String.join(", ", unknown)
              + ": its libraries are "
              + sections.stream()
                  .map(s -> s.title() + " (" + s.key() + ")")
                  .collect(Collectors.joining(", ")));
    }
  }

  private static List<SourceCheck.User> users(PlexAccounts accounts, String owner) {
    String token = accounts.token().map(PlexAccounts.Account::id).orElse(null);
    if (accounts.listed().isEmpty()) {
      return List.of(new SourceCheck.User(token, "the X-Plex-Token's own account", false, true));
    }
    return accounts.listed().get().stream()
        .map(
            a ->
                new SourceCheck.User(
                    a.id(), a.name(), a.name().equalsIgnoreCase(owner), a.id().equals(token)))
        .toList();
  }

  /** Whether "1.41.9.9961-46083195d" is older than the minimum; a version unreadable is not. */
  static boolean tooOld(String version) {
    String[] parts = version.split("-", 2)[0].split("\\.");
    for (int i = 0; i < MINIMUM.length; i++) {
      int part;
      try {
        part = i < parts.length ? Integer.parseInt(parts[i]) : 0;
      } catch (NumberFormatException e) {
        return false;
      }
      if (part != MINIMUM[i]) {
        return part < MINIMUM[i];
      }
    }
    return false;
  }

  private static String minimum() {
    return MINIMUM[0] + "." + MINIMUM[1] + "." + MINIMUM[2];
  }
}
