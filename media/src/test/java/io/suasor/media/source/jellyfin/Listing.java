package io.suasor.media.source.jellyfin;

import io.suasor.media.model.MediaType;
import io.suasor.media.source.PagedCatalog;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.SourceItem;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.testing.JellyfinStandIn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One listing of a catalog as a sync sees it: the pages, the counts announced, the problems. */
final class Listing implements PagedCatalog.Pages {
  /** Quick retries and a short read timeout, so failing tests fail fast. */
  static final HttpSettings FAST =
      HttpSettings.defaults()
          .withReadTimeout(Duration.ofSeconds(5))
          .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

  final List<List<SourceItem>> pages = new ArrayList<>();
  final ScanProblems problems = new ScanProblems();
  long expected;
  Instant next;

  static Listing of(PagedCatalog catalog, Instant changedSince) {
    Listing listing = new Listing();
    listing.next = catalog.list(changedSince, listing.problems, listing);
    return listing;
  }

  static JellyfinClient jellyfin(JellyfinStandIn server, String extraConfig) {
    return JellyfinClient.jellyfin("Home", settings(server, extraConfig), FAST);
  }

  static JellyfinClient emby(JellyfinStandIn server, String extraConfig) {
    return JellyfinClient.emby("Den", settings(server, extraConfig), FAST);
  }

  static ServerSourceSettings settings(JellyfinStandIn server, String extraConfig) {
    return ServerSourceSettings.parse(
        "jellyfin", server.config(extraConfig), JellyfinStandIn.secrets());
  }

  @Override
  public void expect(long items) {
    expected += items;
  }

  @Override
  public void page(List<SourceItem> items) {
    pages.add(List.copyOf(items));
  }

  List<SourceItem> items() {
    return pages.stream().flatMap(List::stream).toList();
  }

  List<String> titles() {
    return items().stream().map(item -> item.metadata().title()).toList();
  }

  List<MediaType> types() {
    return items().stream().map(SourceItem::type).toList();
  }

  SourceItem item(String title) {
    return find(title).orElseThrow(() -> new AssertionError("not listed: " + title));
  }

  Optional<SourceItem> find(String title) {
    return items().stream().filter(item -> item.metadata().title().equals(title)).findFirst();
  }
}
