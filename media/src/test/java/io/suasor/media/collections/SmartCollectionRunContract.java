package io.suasor.media.collections;

import static io.suasor.media.collections.PlantedLibrary.director;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.media.WorkCancelledException;
import io.suasor.media.collections.PlantedLibrary.Title;
import io.suasor.media.model.Collection;
import io.suasor.media.model.CollectionKind;
import io.suasor.media.model.User;
import io.suasor.media.store.CollectionItemStore;
import io.suasor.media.store.CollectionStore;
import io.suasor.media.testing.RecordingTracker;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs of the smart collections' work: defaults once, add and remove counts, idempotence, stops.
 */
abstract class SmartCollectionRunContract extends SmartCollectionContract {
  CollectionStore collections;
  CollectionItemStore items;
  long kilo;

  @BeforeEach
  void moreOfDeeRector() {
    collections = new CollectionStore(fixture.database);
    items = new CollectionItemStore(fixture.database);
    kilo =
        library.movie(
            new Title(
                "Kilo", 2012, 6.0, 90, List.of("Thriller"), List.of(director("Dee Rector")), 20));
    library.played(ana.id(), kilo, 1, 100, false, 6);
  }

  @Test
  void aNewUserGetsDefaultsFromTheirActivityOnceAndARerunChangesNothing() {
    RecordingTracker first = RecordingTracker.watching();
    SmartCollectionReport report = service.refreshAll(first);

    // Drama (Alpha, Bravo, Foxtrot) and Comedy (Bravo, Golf) are played most; Dee Rector twice.
    assertThat(contents(ana))
        .containsExactly(
            Map.entry("Directed by Dee Rector", List.of(kilo, charlie, alpha)),
            Map.entry("Top genre: Comedy", List.of(golf, bravo)),
            Map.entry("Top genre: Drama", List.of(echo, bravo)),
            Map.entry("Unwatched films", List.of(echo, charlie, delta)));
    assertThat(report.usersSeeded()).isEqualTo(1);
    assertThat(first.stat("collectionsSeeded")).isEqualTo(4);
    assertThat(first.stat("collectionsEvaluated")).isEqualTo(4);
    assertThat(first.stat("collectionsChanged")).isEqualTo(4);
    assertThat(first.stat("itemsAdded")).isEqualTo(10);
    assertThat(first.stat("itemsRemoved")).isZero();
    assertThat(report.changes())
        .extracting(CollectionChange::name, CollectionChange::added)
        .contains(org.assertj.core.groups.Tuple.tuple("Unwatched films", 3));
    Map<Long, java.time.Instant> updated = updatedAt(ana);

    fixture.clock.advance(Duration.ofHours(1));
    RecordingTracker second = RecordingTracker.watching();
    SmartCollectionReport again = service.refreshAll(second);

    assertThat(second.stat("collectionsEvaluated")).isEqualTo(4);
    assertThat(second.stat("collectionsChanged")).isZero();
    assertThat(second.stat("itemsAdded")).isZero();
    assertThat(second.stat("itemsRemoved")).isZero();
    assertThat(second.stat("usersSeeded")).isZero();
    assertThat(again.changes()).isEmpty();
    assertThat(updatedAt(ana)).isEqualTo(updated);
  }

  @Test
  void changesOfTheLibraryAndTheUsersDataAreCountedPerCollection() {
    service.refreshAll(RecordingTracker.watching());
    library.played(ana.id(), echo, 1, 100, false, 0);
    long lima = library.movie(new Title("Lima", 2020, 5.0, 90, List.of("Drama"), List.of(), 0));

    RecordingTracker tracker = RecordingTracker.watching();
    SmartCollectionReport report = service.refreshAll(tracker);

    assertThat(contents(ana))
        .containsEntry("Unwatched films", List.of(lima, charlie, delta))
        .containsEntry("Top genre: Drama", List.of(bravo, lima));
    assertThat(tracker.stat("collectionsChanged")).isEqualTo(2);
    assertThat(tracker.stat("itemsAdded")).isEqualTo(2);
    assertThat(tracker.stat("itemsRemoved")).isEqualTo(2);
    assertThat(report.changes())
        .extracting(CollectionChange::name, CollectionChange::added, CollectionChange::removed)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Top genre: Drama", 1, 1),
            org.assertj.core.groups.Tuple.tuple("Unwatched films", 1, 1));
  }

  @Test
  void deletedDefaultsDoNotComeBackAndUsersWithoutActivityWaitForSome() {
    User bo = user("bo");
    User cy = user("cy");
    collections.create(
        cy.id(),
        "Mine",
        null,
        CollectionKind.SMART,
        "{\"rules\":{\"genre\":\"Horror\"}}",
        fixture.clock.instant());
    User dee = user("dee");
    collections.create(
        dee.id(), "Playlist", null, CollectionKind.MANUAL, "{}", fixture.clock.instant());
    library.played(dee.id(), alpha, 1, 100, false, 1);
    library.played(cy.id(), alpha, 1, 100, false, 1);
    service.refreshAll(RecordingTracker.watching());
    assertThat(collections.byUser(bo.id())).isEmpty();
    assertThat(collections.byUser(cy.id())).extracting(Collection::name).containsExactly("Mine");
    for (Collection collection : collections.byUser(ana.id())) {
      collections.delete(collection.id());
    }

    library.played(bo.id(), bravo, 0, 30, false, 0);
    RecordingTracker tracker = RecordingTracker.watching();
    service.refreshAll(tracker);

    assertThat(collections.byUser(ana.id())).isEmpty();
    assertThat(collections.byUser(cy.id())).extracting(Collection::name).containsExactly("Mine");
    // A manual collection (a synced playlist) does not stand in for the defaults.
    assertThat(collections.byUser(dee.id()))
        .extracting(Collection::name)
        .containsExactly("Playlist", "Top genre: Drama", "Unwatched films");
    assertThat(collections.byUser(bo.id()))
        .extracting(Collection::name)
        .containsExactly("Top genre: Comedy", "Top genre: Drama", "Unwatched films");
    assertThat(tracker.stat("usersSeeded")).isEqualTo(1);
  }

  @Test
  void aRunCancelledBetweenUsersLeavesTheOthersUntouched() {
    User bo = user("bo");
    User cy = user("cy");
    library.played(bo.id(), alpha, 1, 100, false, 1);
    library.played(cy.id(), alpha, 1, 100, false, 1);
    RecordingTracker tracker = RecordingTracker.cancellingAfter(2);

    assertThatThrownBy(() -> service.refreshAll(tracker))
        .isInstanceOf(WorkCancelledException.class);

    assertThat(tracker.total()).isEqualTo(3);
    assertThat(tracker.processed()).isEqualTo(2);
    assertThat(tracker.stat("usersProcessed")).isEqualTo(2);
    assertThat(contents(ana)).hasSize(4).allSatisfy((name, list) -> assertThat(list).isNotEmpty());
    assertThat(contents(bo))
        .containsEntry("Unwatched films", List.of(echo, charlie, bravo, kilo, delta));
    assertThat(collections.byUser(cy.id())).isEmpty();

    RecordingTracker rest = RecordingTracker.watching();
    service.refreshAll(rest);
    assertThat(rest.stat("usersSeeded")).isEqualTo(1);
    assertThat(contents(cy))
        .containsEntry("Unwatched films", List.of(echo, charlie, bravo, kilo, delta));
  }

  @Test
  void aRunForOneUserDoesOnlyThatUser() {
    User bo = user("bo");
    library.played(bo.id(), alpha, 1, 100, false, 1);

    SmartCollectionReport report = service.refreshFor(bo.id(), RecordingTracker.watching());

    assertThat(report.users()).isEqualTo(1);
    assertThat(collections.byUser(bo.id())).isNotEmpty();
    assertThat(collections.byUser(ana.id())).isEmpty();
  }

  @Test
  void aCollectionWhoseRulesCannotBeReadFailsAloneAndIsNamed() {
    collections.create(
        ana.id(),
        "Broken",
        null,
        CollectionKind.SMART,
        "{\"rules\":{\"colour\":1}}",
        fixture.clock.instant());
    RecordingTracker tracker = RecordingTracker.watching();

    SmartCollectionReport report = service.refreshAll(tracker);

    assertThat(tracker.stat("collectionsFailed")).isEqualTo(1);
    assertThat(tracker.stat("collectionsEvaluated")).isZero();
    assertThat(report.failures()).singleElement().asString().contains("Broken", "rules", "colour");
  }

  /** The user's collections by name, each with its items in order. */
  private Map<String, List<Long>> contents(User user) {
    Map<String, List<Long>> contents = new LinkedHashMap<>();
    for (Collection collection : collections.byUser(user.id())) {
      contents.put(collection.name(), collections.items(collection.id()));
    }
    return contents;
  }

  private Map<Long, java.time.Instant> updatedAt(User user) {
    Map<Long, java.time.Instant> times = new LinkedHashMap<>();
    collections.byUser(user.id()).forEach(c -> times.put(c.id(), c.updatedAt()));
    return times;
  }
}
