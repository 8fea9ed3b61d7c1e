package io.suasor.media.source.plex;

import static io.suasor.media.source.plex.PlexPaging.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.SourcePlay;
import io.suasor.media.source.http.Query;
import io.suasor.media.source.http.ServerHttp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The plays of the token's account in a Plex server's history ({@code
 * /status/sessions/history/all}), newest first, of items in the libraries the source syncs.
 */
final class PlexHistory {
  private static final String PATH = "/status/sessions/history/all";

  private PlexHistory() {}

  private record Viewing(String itemId, Instant at) {}

  static List<SourcePlay> plays(
      ServerHttp http, ServerSourceSettings settings, ScanProblems problems) {
    JsonNode server = PlexCheck.server(http);
    String account =
        PlexAccounts.read(http, settings, text(server, "myPlexUsername"))
            .token()
            .map(PlexAccounts.Account::id)
            .orElse(null);
    Set<String> excluded =
        PlexSection.list(http).stream()
            .filter(s -> !settings.includes(s.key(), s.title()))
            .map(PlexSection::key)
            .collect(Collectors.toSet());
    List<Viewing> viewings = new ArrayList<>();
    PlexPaging.each(
        http,
        PATH,
        Query.of("sort", "viewedAt:desc").and("accountID", account),
        PlexPaging.PAGE_SIZE,
        page -> {
          for (JsonNode entry : page.items()) {
            // The server filters by accountID already; an entry of another account is left out
            // here too, in case a server answers them all.
            String entryAccount = text(entry, "accountID");
            String section = text(entry, "librarySectionID");
            if ((account != null && entryAccount != null && !entryAccount.equals(account))
                || (section != null && excluded.contains(section))) {
              continue;
            }
            String id = text(entry, "ratingKey");
            if (id == null || !entry.hasNonNull("viewedAt")) {
              problems.report(
                  "plex history " + text(entry, "historyKey"),
                  "an entry without ratingKey or viewedAt; left out");
              continue;
            }
            viewings.add(new Viewing(id, Instant.ofEpochSecond(entry.get("viewedAt").asLong())));
          }
        });
    return plays(viewings);
  }

  /**
   * A play's count is its item's plays up to and including it, so that the newest carries the
   * item's whole count. Plex writes a history entry when a play counts as watched, so each is a
   * whole play.
   */
  private static List<SourcePlay> plays(List<Viewing> viewings) {
    viewings.sort(Comparator.comparing(Viewing::at).reversed());
    Map<String, Integer> remaining = new HashMap<>();
    viewings.forEach(v -> remaining.merge(v.itemId(), 1, Integer::sum));
    List<SourcePlay> plays = new ArrayList<>();
    for (Viewing viewing : viewings) {
      int count = remaining.merge(viewing.itemId(), -1, Integer::sum) + 1;
      plays.add(new SourcePlay(viewing.itemId(), viewing.at(), count, 100));
    }
    return plays;
  }
}
