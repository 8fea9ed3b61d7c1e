package io.suasor.media.source.subsonic;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.media.model.MediaType;
import io.suasor.media.source.SourceItem;
import io.suasor.media.testing.SupysonicLibrary;
import io.suasor.media.testing.SupysonicServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Incremental listings of the Subsonic source against a real Subsonic server (supysonic 0.7), whose
 * library these tests change: a server of their own.
 */
class SubsonicIncrementalTest {
  private static SupysonicServer server;

  @BeforeAll
  static void start() {
    server = SupysonicServer.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static SubsonicSource source() {
    return new SubsonicSource("Home", server.settings(), Listing.FAST);
  }

  private static long lastScan() {
    return server.call("getIndexes").path("indexes").path("lastModified").asLong();
  }

  @Test
  void nothingIsListedWhenNothingWasScannedSinceAndEverythingOnceSomethingWas() throws IOException {
    long scanned = lastScan();
    Instant since = Instant.ofEpochMilli(scanned + 1);

    Listing unchanged = Listing.of(source().music(), since);

    assertThat(unchanged.items()).isEmpty();
    assertThat(unchanged.expected()).isZero();

    server.add(new SupysonicLibrary.Song("Square Root", "Roots", 1999, "Pop", 1, 2, "Irrational"));
    // supysonic keeps the scan time in whole seconds: scan until it says a later one.
    do {
      server.scan();
    } while (lastScan() <= scanned);
    Listing changed = Listing.of(source().music(), since);

    assertThat(changed.of(MediaType.TRACK)).hasSize(SupysonicLibrary.SONGS.size() + 1);
    SourceItem irrational = changed.titled("Irrational");
    assertThat(irrational.parentId()).isEqualTo(changed.titled("Roots").id());
    assertThat(changed.of(MediaType.ARTIST)).hasSize(2);
  }

  @Test
  void theNextListingStartsAMinuteBeforeThisOneByTheServersClock() {
    Instant before = Instant.now();

    Listing listing = Listing.of(source().music(), null);

    // The server's Date header has whole seconds.
    assertThat(listing.watermark())
        .isBetween(
            before.minus(Duration.ofSeconds(62)), Instant.now().minus(Duration.ofSeconds(59)));
  }
}
