package io.suasor.media.source.subsonic;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.media.model.MediaType;
import io.suasor.media.source.PagedCatalog;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SourceItem;
import io.suasor.media.source.http.HttpSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What one listing of a catalog handed over: its items in order, the total it announced. */
record Listing(List<SourceItem> items, long expected, Instant watermark) {

  /** Short timeouts and backoffs, so that a test of a failure stays fast. */
  static final HttpSettings FAST =
      new HttpSettings(
          Duration.ofSeconds(2),
          Duration.ofSeconds(10),
          2,
          Duration.ofMillis(10),
          Duration.ofMillis(50),
          Duration.ofSeconds(1),
          3);

  /** Lists a catalog, expecting no problems. */
  static Listing of(PagedCatalog catalog, Instant changedSince) {
    List<SourceItem> items = new ArrayList<>();
    long[] expected = {0};
    ScanProblems problems = new ScanProblems();
    Instant watermark =
        catalog.list(
            changedSince,
            problems,
            new PagedCatalog.Pages() {
              @Override
              public void expect(long more) {
                expected[0] += more;
              }

              @Override
              public void page(List<SourceItem> page) {
                items.addAll(page);
              }
            });
    assertThat(problems.list()).isEmpty();
    return new Listing(List.copyOf(items), expected[0], watermark);
  }

  List<SourceItem> of(MediaType type) {
    return items.stream().filter(item -> item.type() == type).toList();
  }

  SourceItem titled(String title) {
    return items.stream()
        .filter(item -> item.metadata().title().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no item titled " + title + " in " + items));
  }
}
