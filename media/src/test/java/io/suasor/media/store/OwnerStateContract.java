package io.suasor.media.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.store.Database;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.model.Role;
import io.suasor.media.model.SourceType;
import io.suasor.media.model.User;
import io.suasor.media.model.UserItemData;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SourceEntry;
import io.suasor.media.source.SourceItem;
import io.suasor.media.source.WatchState;
import io.suasor.media.store.SourceDataWriter.Pending;
import io.suasor.media.store.SourceDataWriter.WriteBack;
import io.suasor.media.testing.MediaFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a user's played and favourite state is reconciled between two sources holding one movie: the
 * same title is one item with two references, a source's change wins unless the state changed
 * elsewhere since (then the newest change wins and a conflict is counted), a source seen first
 * without a state does not take it away, and what a source lacks is queued to be written back.
 */
abstract class OwnerStateContract {
  @TempDir Path temp;
  MediaFixture fixture;
  CatalogWriter writer;
  RefStore refs;
  SourceDataWriter data;
  User ana;
  MediaSource jellyfin;
  MediaSource plex;

  abstract Database database(Path folder);

  @BeforeEach
  void setUp() {
    fixture = new MediaFixture(database(temp));
    writer = new CatalogWriter(fixture.database);
    refs = new RefStore(fixture.database);
    data = new SourceDataWriter(fixture.database);
    Instant now = fixture.clock.instant();
    ana = new UserStore(fixture.database).create("ana", null, Role.USER, true, now);
    jellyfin = source(SourceType.JELLYFIN, "Home");
    plex = source(SourceType.PLEX, "Cabin");
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void oneTitleInTwoSourcesIsOneItemWithTwoReferences() {
    long a = say(jellyfin, "jf-1", watch(true, null, true));
    long b = say(plex, "px-9", watch(false, null, null));

    assertThat(b).isEqualTo(a);
    assertThat(refs.byItem(a)).extracting(r -> r.sourceItemId()).containsExactly("jf-1", "px-9");
  }

  @Test
  void aSourceSeenFirstWithoutAStateDoesNotTakeItAwayAndIsQueuedToGetIt() {
    long item = say(jellyfin, "jf-1", watch(true, null, true));
    fixture.clock.advance(Duration.ofMinutes(5));
    CatalogWriter.BatchResult second = write(plex, "px-9", watch(false, null, false));

    assertThat(state(item).favorite()).isTrue();
    assertThat(state(item).playedPercentage()).isEqualTo(100);
    assertThat(second.conflicts()).isEqualTo(2);
    assertThat(data.pending(plex.id(), ana.id(), WriteBack.FAVORITE))
        .containsExactly(new Pending("px-9", true));
    assertThat(data.pending(plex.id(), ana.id(), WriteBack.PLAYED))
        .containsExactly(new Pending("px-9", true));
    assertThat(data.pending(jellyfin.id(), ana.id(), WriteBack.FAVORITE)).isEmpty();
  }

  @Test
  void aChangeInOneSourceReachesSuasorAndIsQueuedForTheOther() {
    long item = say(jellyfin, "jf-1", watch(false, null, true));
    say(plex, "px-9", watch(false, null, true));
    fixture.clock.advance(Duration.ofHours(1));

    CatalogWriter.BatchResult change = write(jellyfin, "jf-1", watch(false, null, false));

    assertThat(change.conflicts()).isZero();
    assertThat(state(item).favorite()).isFalse();
    assertThat(data.pending(plex.id(), ana.id(), WriteBack.FAVORITE))
        .containsExactly(new Pending("px-9", false));
    data.wroteBack(plex.id(), "px-9", WriteBack.FAVORITE, false, fixture.clock.instant());
    assertThat(data.pending(plex.id(), ana.id(), WriteBack.FAVORITE)).isEmpty();
    // The source, unchanged since, says the same again: nothing moves, no conflict.
    fixture.clock.advance(Duration.ofHours(1));
    CatalogWriter.BatchResult again = write(plex, "px-9", watch(false, null, false));
    assertThat(again.conflicts()).isZero();
    assertThat(again.dataWritten()).isZero();
  }

  @Test
  void whenBothSidesChangedTheNewestChangeWinsByTheSourcesOwnTime() {
    Instant start = fixture.clock.instant();
    long item = say(jellyfin, "jf-1", watch(false, null, null));
    say(plex, "px-9", watch(false, null, null));
    fixture.clock.advance(Duration.ofHours(2));
    // Jellyfin reports a play an hour ago: played changes in Suasor, stamped with that time.
    say(jellyfin, "jf-1", watch(true, start.plus(Duration.ofHours(1)), null));
    assertThat(state(item).playedPercentage()).isEqualTo(100);

    // Plex, which said "not played" before, now says played too: no conflict, they agree.
    assertThat(
            write(plex, "px-9", watch(true, start.plus(Duration.ofMinutes(90)), null)).conflicts())
        .isZero();
    // Jellyfin is marked unplayed, seen now: newer than the play, so it wins everywhere.
    fixture.clock.advance(Duration.ofHours(1));
    write(jellyfin, "jf-1", watch(false, null, null));
    assertThat(state(item).playedPercentage()).isZero();
    assertThat(data.pending(plex.id(), ana.id(), WriteBack.PLAYED))
        .containsExactly(new Pending("px-9", false));
  }

  @Test
  void aNewSourcesOlderPlayLosesToANewerUnplayAndANewerPlayWins() {
    Instant start = fixture.clock.instant();
    long item = say(jellyfin, "jf-1", watch(true, start, null));
    say(plex, "px-9", watch(true, start, null));
    fixture.clock.advance(Duration.ofHours(2));
    say(plex, "px-9", watch(false, null, null));
    assertThat(state(item).playedPercentage()).isZero();

    // Emby, seen for the first time, played it an hour ago: before the unplay, so it loses.
    MediaSource emby = source(SourceType.EMBY, "Office");
    CatalogWriter.BatchResult older =
        write(emby, "em-4", watch(true, start.plus(Duration.ofHours(1)), null));
    assertThat(older.conflicts()).isEqualTo(1);
    assertThat(state(item).playedPercentage()).isZero();
    assertThat(data.pending(emby.id(), ana.id(), WriteBack.PLAYED))
        .containsExactly(new Pending("em-4", false));

    // Another new source played it after the unplay: the newest change, so it wins.
    MediaSource subsonic = source(SourceType.SUBSONIC, "Den");
    CatalogWriter.BatchResult newer =
        write(subsonic, "ss-7", watch(true, fixture.clock.instant().plusSeconds(60), null));
    assertThat(newer.conflicts()).isEqualTo(1);
    assertThat(state(item).playedPercentage()).isEqualTo(100);
  }

  private MediaSource source(SourceType type, String name) {
    return fixture.sources.create(
        new NewSource(
            ana.id(), type, name, "{\"url\":\"http://127.0.0.1:1\"}", null, Duration.ofHours(1)),
        fixture.clock.instant());
  }

  private static WatchState watch(boolean played, Instant lastPlayed, Boolean favorite) {
    return new WatchState(played ? 1 : 0, lastPlayed, played, null, favorite, null);
  }

  /** Writes what a source says of the movie; returns the item. */
  private long say(MediaSource source, String id, WatchState watch) {
    write(source, id, watch);
    return refs.states(source.id()).get(id).itemId();
  }

  private CatalogWriter.BatchResult write(MediaSource source, String id, WatchState watch) {
    ItemMetadata metadata =
        new ItemMetadata(
            "Arrival",
            null,
            null,
            2016,
            null,
            null,
            null,
            null,
            null,
            Map.of(ExternalProvider.IMDB, "tt2543164"),
            List.of("Science Fiction"),
            List.of(),
            List.of());
    SourceItem item =
        new SourceItem(
            new SourceEntry(id, MediaType.MOVIE, null, "fp-" + watch.hashCode()),
            metadata,
            Numbering.NONE,
            null,
            watch);
    Map<String, RefStore.RefState> states = refs.states(source.id());
    Map<String, Long> known = new HashMap<>();
    states.forEach((key, state) -> known.put(key, state.itemId()));
    return writer.write(
        source.id(),
        ana.id(),
        List.of(item),
        known,
        states,
        new ScanProblems(),
        fixture.clock.instant());
  }

  private UserItemData state(long item) {
    return new UserDataStore(fixture.database).get(ana.id(), item).orElseThrow();
  }
}
