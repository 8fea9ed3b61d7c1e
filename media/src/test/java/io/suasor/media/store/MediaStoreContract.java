package io.suasor.media.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.DuplicateException;
import io.suasor.media.model.ActivityProfile;
import io.suasor.media.model.Collection;
import io.suasor.media.model.CollectionKind;
import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.MediaItem;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Notification;
import io.suasor.media.model.NotificationPriority;
import io.suasor.media.model.Numbering;
import io.suasor.media.model.PlayEvent;
import io.suasor.media.model.Recommendation;
import io.suasor.media.model.Role;
import io.suasor.media.model.SourceType;
import io.suasor.media.model.User;
import io.suasor.media.model.UserItemData;
import io.suasor.media.testing.MediaFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every media store against a real database; run on SQLite and on PostgreSQL. */
abstract class MediaStoreContract {
  @TempDir Path temp;
  MediaFixture fixture;
  Database database;
  Instant now;
  User ana;

  abstract Database database(Path folder);

  @BeforeEach
  void setUp() {
    fixture = new MediaFixture(database(temp));
    database = fixture.database;
    now = fixture.clock.instant();
    ana = new UserStore(database).create("ana", "ana@example.org", Role.ADMIN, true, now);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void usersAreUniqueByNameAndKeepTheirJobPreferences() {
    UserStore users = new UserStore(database);
    assertThat(users.byUsername("ana")).contains(ana);
    assertThatThrownBy(() -> users.create("ana", null, Role.USER, true, now))
        .isInstanceOf(DuplicateException.class);
    assertThat(users.preferences(ana.id(), now)).isEqualTo(JobPreferences.defaults(ana.id(), now));
    JobPreferences mine =
        new JobPreferences(
            ana.id(),
            java.time.ZoneId.of("Europe/Berlin"),
            false,
            false,
            io.suasor.media.model.Recommender.OPENAI,
            "http://localhost:11434/v1",
            "llama3",
            12,
            true,
            3,
            List.of(MediaType.MOVIE, MediaType.EPISODE),
            6.5,
            List.of("Drama"),
            List.of("Horror"),
            now);
    users.savePreferences(mine);
    users.savePreferences(mine);
    assertThat(users.preferences(ana.id(), now)).isEqualTo(mine);
    RecommenderKeys keys = new RecommenderKeys(database, SecretBox.random());
    keys.set(ana.id(), "sk-live-123456");
    assertThat(keys.key(ana.id())).contains("sk-live-123456");
    users.savePreferences(mine);
    assertThat(keys.has(ana.id())).as("saving preferences keeps the key").isTrue();
    keys.set(ana.id(), null);
    assertThat(keys.has(ana.id())).isFalse();
    assertThat(users.setActive(ana.id(), false, now)).isTrue();
    assertThat(users.active()).isEmpty();
  }

  @Test
  void sourceSecretsAreKeptApartAndNeverSerialised() {
    SourceStore sources = new SourceStore(database, SecretBox.random());
    MediaSource jellyfin =
        sources.create(
            new NewSource(
                ana.id(),
                SourceType.JELLYFIN,
                "Living room",
                "{\"url\":\"http://tv\"}",
                "api-key-123",
                Duration.ofHours(1)),
            now);
    assertThat(sources.byUser(ana.id())).containsExactly(jellyfin);
    assertThat(sources.secrets(jellyfin.id())).contains("api-key-123");
    assertThat(Json.write(jellyfin)).doesNotContain("api-key-123");
    assertThat(sources.due(now)).containsExactly(jellyfin);
    sources.markSynced(jellyfin.id(), now);
    assertThat(sources.due(now.plus(Duration.ofMinutes(59)))).isEmpty();
    assertThat(sources.due(now.plus(Duration.ofHours(1)))).hasSize(1);
    sources.update(jellyfin.id(), "Den", "{}", null, true, Duration.ofHours(2), now);
    assertThat(sources.secrets(jellyfin.id())).contains("api-key-123");
    assertThat(sources.delete(jellyfin.id())).isTrue();
  }

  @Test
  void sourceSecretsAreEncryptedAtRestAndPlainOnesAreSealed() {
    SecretBox box = SecretBox.random();
    SourceStore sources = new SourceStore(database, box);
    MediaSource jellyfin =
        sources.create(
            new NewSource(
                ana.id(),
                SourceType.JELLYFIN,
                "Living room",
                "{\"url\":\"http://tv\"}",
                "{\"apiKey\":\"api-key-123\"}",
                Duration.ofHours(1)),
            now);
    assertThat(rawSecrets(jellyfin.id())).startsWith("sealed:v1:").doesNotContain("api-key-123");

    // As a version before encryption left it: plain text in the column.
    database.write(
        "store a plain secret",
        c ->
            io.suasor.jobs.store.Jdbc.update(
                c,
                "UPDATE media_sources SET secrets = ? WHERE id = ?",
                "{\"apiKey\":\"old-plain\"}",
                jellyfin.id()));
    assertThat(sources.sealPlainSecrets()).isEqualTo(1);
    assertThat(sources.sealPlainSecrets()).isZero();
    assertThat(rawSecrets(jellyfin.id())).startsWith("sealed:v1:").doesNotContain("old-plain");
    assertThat(sources.secrets(jellyfin.id())).contains("{\"apiKey\":\"old-plain\"}");
    // A copy of the database without the key reveals nothing and says so.
    SourceStore withoutTheKey = new SourceStore(database, SecretBox.random());
    assertThat(withoutTheKey.hasSecrets(jellyfin.id())).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> withoutTheKey.secrets(jellyfin.id()))
        .hasMessageContaining("another secret key");
  }

  private String rawSecrets(long sourceId) {
    return database.read(
        "read raw secrets",
        c ->
            io.suasor.jobs.store.Jdbc.queryOne(
                    c,
                    "SELECT secrets FROM media_sources WHERE id = ?",
                    row -> row.getString("secrets"),
                    sourceId)
                .orElseThrow());
  }

  @Test
  void itemsKeepTheirDetailsAndParents() {
    ItemStore items = new ItemStore(database);
    ItemMetadata metadata =
        new ItemMetadata(
            "Heat",
            "Heat",
            "Heat",
            1995,
            LocalDate.of(1995, 12, 15),
            "Cops and robbers.",
            "Warner",
            8.3,
            170 * 60,
            Map.of(ExternalProvider.IMDB, "tt0113277", ExternalProvider.TMDB, "949"),
            List.of("Crime", "Drama"),
            List.of("classic"),
            List.of(
                new Credit("Al Pacino", CreditRole.ACTOR, "Vincent Hanna", 0),
                new Credit("Michael Mann", CreditRole.DIRECTOR, null, 1)));
    MediaItem movie =
        items.insert(new NewItem(MediaType.MOVIE, metadata, null, null, Numbering.NONE), now);
    assertThat(movie.metadata()).isEqualTo(Canonical.of(metadata));
    assertThat(movie.matchKey()).isEqualTo("movie:heat:1995");

    MediaItem show =
        items.insert(
            new NewItem(
                MediaType.SERIES,
                ItemMetadata.titled("Señor Café & Co.", 2001),
                null,
                null,
                Numbering.NONE),
            now);
    assertThat(show.matchKey()).isEqualTo("series:senor cafe and co:2001");
    MediaItem season =
        items.insert(
            new NewItem(
                MediaType.SEASON,
                ItemMetadata.titled("Season 1", null),
                show.id(),
                show.id(),
                Numbering.season(1)),
            now);
    MediaItem episode =
        items.insert(
            new NewItem(
                MediaType.EPISODE,
                ItemMetadata.titled("Pilot", null),
                season.id(),
                show.id(),
                Numbering.episode(1, 1)),
            now);
    assertThat(items.children(show.id())).containsExactly(season.id());
    assertThat(items.byId(episode.id()).orElseThrow().seriesId()).isEqualTo(show.id());
    assertThat(items.idsByMatchKey("episode:" + show.id() + ":1:1")).containsExactly(episode.id());
    assertThat(items.count(MediaType.EPISODE)).isEqualTo(1);
  }

  @Test
  void userDataIsOneRowPerUserAndItemAndPlaysAreDeduplicated() {
    long item =
        new ItemStore(database)
            .insert(
                new NewItem(
                    MediaType.MOVIE, ItemMetadata.titled("Heat", 1995), null, null, Numbering.NONE),
                now)
            .id();
    UserDataStore data = new UserDataStore(database);
    data.save(new UserItemData(ana.id(), item, 1, now, 50, false, null, true, now));
    data.save(new UserItemData(ana.id(), item, 2, now, 100, true, 4.0, false, now));
    assertThat(data.byUser(ana.id()))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.playCount()).isEqualTo(2);
              assertThat(d.favorite()).isTrue();
              assertThat(d.rating()).isEqualTo(4.0);
            });
    PlayEvent play = new PlayEvent(ana.id(), item, now, 100, null);
    assertThat(data.recordPlay(play)).isTrue();
    assertThat(data.recordPlay(play)).isFalse();
    assertThat(data.history(ana.id())).containsExactly(play);
  }

  @Test
  void collectionsKeepTheirItemsInOrder() {
    ItemStore items = new ItemStore(database);
    long first =
        items
            .insert(
                new NewItem(
                    MediaType.MOVIE, ItemMetadata.titled("A", 2000), null, null, Numbering.NONE),
                now)
            .id();
    long second =
        items
            .insert(
                new NewItem(
                    MediaType.MOVIE, ItemMetadata.titled("B", 2001), null, null, Numbering.NONE),
                now)
            .id();
    CollectionStore collections = new CollectionStore(database);
    Collection mine =
        collections.create(ana.id(), "Favourites", null, CollectionKind.MANUAL, "{}", now);
    collections.create(
        ana.id(), "Unwatched", "smart", CollectionKind.SMART, "{\"unwatched\":true}", now);
    assertThat(collections.addItem(mine.id(), second, now)).isTrue();
    assertThat(collections.addItem(mine.id(), first, now)).isTrue();
    assertThat(collections.addItem(mine.id(), second, now)).isFalse();
    assertThat(collections.items(mine.id())).containsExactly(second, first);
    assertThat(collections.removeItem(mine.id(), second)).isTrue();
    assertThat(collections.items(mine.id())).containsExactly(first);
    assertThat(collections.smart()).extracting(Collection::name).containsExactly("Unwatched");
    assertThat(collections.byUser(ana.id())).hasSize(2);
  }

  @Test
  void recommendationsNotificationsAndProfilesRoundTrip() {
    RecommendationStore recommendations = new RecommendationStore(database);
    Recommendation stored =
        recommendations.create(
            new Recommendation(
                0,
                ana.id(),
                null,
                MediaType.MOVIE,
                "Heat",
                1995,
                List.of("Crime"),
                List.of(7L),
                List.of("Al Pacino"),
                List.of("Michael Mann"),
                List.of("Crime"),
                "You like crime.",
                "content",
                null,
                12L,
                "library",
                Map.of("imdb", "tt0113277"),
                0.7,
                0.9,
                now.plus(Duration.ofDays(7)),
                false,
                null,
                true,
                false,
                true,
                now));
    assertThat(recommendations.byUser(ana.id(), true, now, 50)).containsExactly(stored);
    assertThat(recommendations.markViewed(stored.id(), ana.id(), true)).isTrue();
    assertThat(recommendations.dismiss(stored.id(), ana.id())).isTrue();
    assertThat(recommendations.byUser(ana.id(), true, now, 50)).isEmpty();
    assertThat(recommendations.byUser(ana.id(), false, now, 50))
        .singleElement()
        .satisfies(r -> assertThat(r.isViewed()).isTrue());

    NotificationStore notifications = new NotificationStore(database);
    NewNotification heat =
        new NewNotification(
            "release.movie",
            NotificationPriority.LOW,
            "release:movie:tmdb:949",
            "New",
            "Heat is here",
            null,
            1,
            MediaType.MOVIE,
            java.time.LocalDate.of(2026, 3, 1),
            Map.of(ExternalProvider.TMDB, "949"),
            now.plusSeconds(60));
    Notification note = notifications.create(ana.id(), heat, now).orElseThrow();
    assertThat(notifications.create(ana.id(), heat, now)).isEmpty();
    assertThat(notifications.page(ana.id(), now, 10, Optional.empty())).containsExactly(note);
    assertThat(notifications.page(ana.id(), now.plusSeconds(61), 10, Optional.empty())).isEmpty();
    assertThat(notifications.unreadCount(ana.id(), now)).isEqualTo(1);
    assertThat(notifications.markRead(note.id(), ana.id() + 1)).isFalse();
    assertThat(notifications.markRead(note.id(), ana.id())).isTrue();
    assertThat(notifications.unreadCount(ana.id(), now)).isZero();

    ActivityProfileStore profiles = new ActivityProfileStore(database);
    profiles.save(new ActivityProfile(ana.id(), "{\"hours\":[20]}", now, 3));
    profiles.save(new ActivityProfile(ana.id(), "{\"hours\":[21]}", now, 4));
    assertThat(profiles.get(ana.id()))
        .contains(new ActivityProfile(ana.id(), "{\"hours\":[21]}", now, 4));
  }
}
