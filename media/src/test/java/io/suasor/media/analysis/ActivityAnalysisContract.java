package io.suasor.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suasor.jobs.store.Database;
import io.suasor.media.WorkCancelledException;
import io.suasor.media.WorkTracker;
import io.suasor.media.model.ActivityProfile;
import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.PlayEvent;
import io.suasor.media.model.Recommender;
import io.suasor.media.model.Role;
import io.suasor.media.model.UserItemData;
import io.suasor.media.store.ActivityProfileStore;
import io.suasor.media.store.Json;
import io.suasor.media.store.UserDataStore;
import io.suasor.media.store.UserStore;
import io.suasor.media.testing.MediaFixture;
import io.suasor.media.testing.RecordingTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The activity analysis over a small library and scripted histories whose profiles are added up by
 * hand; on SQLite and PostgreSQL. Ana lives in Berlin and watches across the night the clocks went
 * forward (2026-03-29, 02:00 CET → 03:00 CEST); Ben has no history; Cleo turned the analysis off;
 * Dan played a film and an item since removed from the library.
 */
abstract class ActivityAnalysisContract {
  /**
   * Pages of four plays and a cache of three items, so paging and eviction happen in every test.
   */
  static final AnalysisSettings SMALL = new AnalysisSettings(4, 3);

  @TempDir Path temp;
  MediaFixture fixture;
  ActivityLibrary library;
  UserDataStore userData;
  ActivityProfileStore profiles;
  long ana;
  long ben;
  long cleo;
  long dan;

  abstract Database database(Path folder);

  @BeforeEach
  void setUp() {
    fixture = new MediaFixture(database(temp.resolve("db")));
    fixture.clock.set(Instant.parse("2026-04-03T08:00:00Z"));
    Instant now = fixture.clock.instant();
    library = new ActivityLibrary(fixture.database, now);
    userData = new UserDataStore(fixture.database);
    profiles = new ActivityProfileStore(fixture.database);
    UserStore users = new UserStore(fixture.database);
    ana = users.create("ana", null, Role.USER, true, now).id();
    ben = users.create("ben", null, Role.USER, true, now).id();
    cleo = users.create("cleo", null, Role.USER, true, now).id();
    dan = users.create("dan", null, Role.USER, true, now).id();
    users.savePreferences(preferences(ana, "Europe/Berlin", true, now));
    users.savePreferences(preferences(cleo, "UTC", false, now));
    scriptAna();
    play(cleo, library.heat, "2026-03-30T20:00:00Z", 100);
    play(dan, library.serenity, "2026-03-30T10:00:00Z", 100);
    play(dan, 999_999, "2026-03-30T12:30:00Z", 100);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private void scriptAna() {
    List<Long> expanse = library.expanseEpisodes;
    List<Long> firefly = library.fireflyEpisodes;
    // Saturday evening in Berlin (CET): three episodes back to back, a binge.
    play(ana, expanse.get(0), "2026-03-28T19:00:00Z", 100);
    play(ana, expanse.get(1), "2026-03-28T19:50:00Z", 100);
    play(ana, expanse.get(2), "2026-03-28T20:40:00Z", 95);
    // 01:30 CET to 05:20 CEST: 170 minutes that skip the hour from 02:00 to 03:00.
    play(ana, library.heat, "2026-03-29T00:30:00Z", 100);
    // Sunday evening (CEST): half of one episode and all of the next; two episodes are no binge.
    play(ana, firefly.get(0), "2026-03-29T18:00:00Z", 50);
    play(ana, firefly.get(1), "2026-03-29T18:30:00Z", 100);
    play(ana, library.sinnerman, "2026-03-30T06:00:00Z", 100);
    play(ana, library.beMyHusband, "2026-03-30T06:10:00Z", 100);
    play(ana, library.lostReel, "2026-03-30T19:00:00Z", 100);
    play(ana, library.serenity, "2026-03-31T19:00:00Z", 30);
    // Wednesday: four episodes, the longest binge.
    play(ana, expanse.get(3), "2026-04-01T17:00:00Z", 100);
    play(ana, expanse.get(4), "2026-04-01T17:45:00Z", 100);
    play(ana, expanse.get(5), "2026-04-01T18:30:00Z", 100);
    play(ana, expanse.get(6), "2026-04-01T19:15:00Z", 100);
    Instant now = fixture.clock.instant();
    // A source knows she finished the first Firefly episode; Serenity she left at 30 %.
    userData.save(
        new UserItemData(
            ana,
            firefly.get(0),
            1,
            Instant.parse("2026-03-29T18:00:00Z"),
            100,
            false,
            null,
            false,
            now));
    userData.save(
        new UserItemData(
            ana,
            library.serenity,
            1,
            Instant.parse("2026-03-31T19:00:00Z"),
            30,
            false,
            null,
            false,
            now));
  }

  @Test
  void anasProfileIsTheOneAddedUpByHand() {
    AnalysisReport report = service(SMALL).analyseUser(ana, RecordingTracker.watching());

    assertThat(report).isEqualTo(new AnalysisReport(1, 0, 14));
    ActivityProfile stored = profiles.get(ana).orElseThrow();
    assertThat(stored.playsCounted()).isEqualTo(14);
    assertThat(stored.computedAt()).isEqualTo(fixture.clock.instant());
    JsonNode p = read(stored);
    assertThat(p.get("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(p.get("plays").asLong()).isEqualTo(14);
    // 3 × 45 + 170 + 20 + 40 + 10 + 3 + 0 (no length) + 36 (30 % of 120) + 4 × 45 = 594 minutes.
    assertThat(p.get("hoursTotal").asDouble()).isEqualTo(9.9);
    assertThat(doubles(p.get("hours")))
        .containsExactly(
            0.0, 0.5, 0.0, 1.0, 1.0, 0.33, 0.0, 0.0, 0.22, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 1.0, 2.75, 2.68, 0.42, 0.0);
    assertThat(doubles(p.get("weekdays"))).containsExactly(0.22, 0.6, 3.0, 0.0, 0.0, 2.25, 3.83);
    assertThat(doubles(p.get("heatmap").get(6)))
        .containsExactly(
            0.0, 0.5, 0.0, 1.0, 1.0, 0.33, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.83, 0.17, 0.0, 0.0);
    assertThat(doubles(p.get("heatmap").get(5)).subList(20, 23)).containsExactly(0.92, 0.92, 0.42);
    assertThat(doubles(p.get("heatmap").get(2)).subList(19, 22)).containsExactly(1.0, 1.0, 1.0);
    assertThat(doubles(p.get("heatmap").get(3))).containsOnly(0.0);

    assertThat(p.get("genres"))
        .isEqualTo(
            json(
                """
                [{"name":"Drama","share":0.816,"hours":8.08},
                 {"name":"Science Fiction","share":0.692,"hours":6.85},
                 {"name":"Crime","share":0.286,"hours":2.83},
                 {"name":"Western","share":0.101,"hours":1.0},
                 {"name":"Action","share":0.061,"hours":0.6},
                 {"name":"Blues","share":0.022,"hours":0.22},
                 {"name":"Jazz","share":0.022,"hours":0.22}]
                """));
    // Ten of eleven: Nina Simone (13 minutes) is left out; so is Heat's sixth-billed actor.
    assertThat(p.get("people"))
        .isEqualTo(
            json(
                """
                [{"name":"Dominique Tipper","role":"actor","share":0.53,"hours":5.25},
                 {"name":"Steven Strait","role":"actor","share":0.53,"hours":5.25},
                 {"name":"Al Pacino","role":"actor","share":0.286,"hours":2.83},
                 {"name":"Jon Voight","role":"actor","share":0.286,"hours":2.83},
                 {"name":"Michael Mann","role":"director","share":0.286,"hours":2.83},
                 {"name":"Robert De Niro","role":"actor","share":0.286,"hours":2.83},
                 {"name":"Tom Sizemore","role":"actor","share":0.286,"hours":2.83},
                 {"name":"Val Kilmer","role":"actor","share":0.286,"hours":2.83},
                 {"name":"Nathan Fillion","role":"actor","share":0.162,"hours":1.6},
                 {"name":"Joss Whedon","role":"director","share":0.061,"hours":0.6}]
                """));
    assertThat(p.get("decades"))
        .isEqualTo(
            json(
                """
                [{"decade":2010,"share":0.53,"hours":5.25},
                 {"decade":1990,"share":0.286,"hours":2.83},
                 {"decade":2000,"share":0.162,"hours":1.6},
                 {"decade":1960,"share":0.022,"hours":0.22}]
                """));
    assertThat(p.get("mediaTypes"))
        .isEqualTo(
            json(
                """
                [{"type":"episode","share":0.631,"hours":6.25},
                 {"type":"movie","share":0.347,"hours":3.43},
                 {"type":"track","share":0.022,"hours":0.22}]
                """));
    assertThat(p.get("binges"))
        .isEqualTo(
            json(
                """
                {"sessions":2,"episodes":7,
                 "longest":{"seriesId":%d,"series":"The Expanse","episodes":4,
                            "start":"2026-04-01T17:00:00Z"}}
                """
                    .formatted(library.expanse)));
    assertThat(p.get("completion"))
        .isEqualTo(json("{\"finished\":13,\"abandoned\":1,\"rate\":0.929}"));
    // 145 + 170 + 70 + 13 + 0 + 36 + 180 minutes in seven sessions.
    assertThat(p.get("sessions")).isEqualTo(json("{\"count\":7,\"averageMinutes\":87.7}"));
    assertThat(p.get("favoriteSeries"))
        .isEqualTo(
            json(
                """
                [{"itemId":%d,"title":"The Expanse","hours":5.25},
                 {"itemId":%d,"title":"Firefly","hours":1.0}]
                """
                    .formatted(library.expanse, library.firefly)));
    assertThat(p.get("favoriteArtists"))
        .isEqualTo(
            json(
                "[{\"itemId\":%d,\"title\":\"Nina Simone\",\"hours\":0.22}]"
                    .formatted(library.nina)));
    assertThat(p.get("trend"))
        .isEqualTo(
            json(
                """
                {"previousComputedAt":null,"playsChange":0,"hoursChange":0.0,"genreShifts":[]}
                """));
  }

  @Test
  void theTrendComparesWithTheProfileItReplaces() {
    ActivityAnalysisService service = service(SMALL);
    service.analyseUser(ana, RecordingTracker.watching());
    Instant first = fixture.clock.instant();
    play(ana, library.heat, "2026-04-02T19:00:00Z", 100);
    fixture.clock.advance(Duration.ofDays(7));

    service.analyseUser(ana, RecordingTracker.watching());

    JsonNode p = read(profiles.get(ana).orElseThrow());
    assertThat(p.get("plays").asLong()).isEqualTo(15);
    assertThat(p.get("hoursTotal").asDouble()).isEqualTo(12.73);
    // Drama 0.816 → 0.857, Science Fiction 0.692 → 0.538, Crime 0.286 → 0.445, …
    assertThat(p.get("trend"))
        .isEqualTo(
            json(
                """
                {"previousComputedAt":"%s","playsChange":1,"hoursChange":2.83,
                 "genreShifts":[{"name":"Crime","change":0.159},
                                {"name":"Science Fiction","change":-0.154},
                                {"name":"Drama","change":0.041},
                                {"name":"Western","change":-0.022},
                                {"name":"Action","change":-0.014},
                                {"name":"Blues","change":-0.005},
                                {"name":"Jazz","change":-0.005}]}
                """
                    .formatted(first)));
  }

  @Test
  void runningTwiceGivesTheSameProfileWhateverThePageAndCacheSizes() {
    service(SMALL).analyseUser(ana, RecordingTracker.watching());
    ActivityProfile first = profiles.get(ana).orElseThrow();
    fixture.clock.advance(Duration.ofHours(1));

    service(AnalysisSettings.defaults()).analyseUser(ana, RecordingTracker.watching());

    ActivityProfile second = profiles.get(ana).orElseThrow();
    assertThat(second.computedAt()).isEqualTo(fixture.clock.instant());
    assertThat(second.playsCounted()).isEqualTo(first.playsCounted());
    assertThat(withoutTrend(second)).isEqualTo(withoutTrend(first));
    assertThat(read(second).get("trend"))
        .isEqualTo(
            json(
                """
                {"previousComputedAt":"%s","playsChange":0,"hoursChange":0.0,"genreShifts":[]}
                """
                    .formatted(first.computedAt())));
  }

  @Test
  void aUserWithoutHistoryGetsAnEmptyProfile() {
    service(SMALL).analyseUser(ben, RecordingTracker.watching());

    ActivityProfile stored = profiles.get(ben).orElseThrow();
    assertThat(stored.playsCounted()).isZero();
    JsonNode p = read(stored);
    assertThat(p.get("timeZone").asText()).isEqualTo("UTC");
    assertThat(p.get("plays").asLong()).isZero();
    assertThat(p.get("hoursTotal").asDouble()).isZero();
    assertThat(doubles(p.get("hours"))).hasSize(24).containsOnly(0.0);
    assertThat(doubles(p.get("weekdays"))).hasSize(7).containsOnly(0.0);
    assertThat(p.get("heatmap")).hasSize(7);
    p.get("heatmap").forEach(day -> assertThat(doubles(day)).hasSize(24).containsOnly(0.0));
    for (String list :
        List.of("genres", "people", "decades", "mediaTypes", "favoriteSeries", "favoriteArtists")) {
      assertThat(p.get(list)).as(list).isEmpty();
    }
    assertThat(p.get("binges")).isEqualTo(json("{\"sessions\":0,\"episodes\":0,\"longest\":null}"));
    assertThat(p.get("completion"))
        .isEqualTo(json("{\"finished\":0,\"abandoned\":0,\"rate\":0.0}"));
    assertThat(p.get("sessions")).isEqualTo(json("{\"count\":0,\"averageMinutes\":0.0}"));
    assertThat(p.get("trend").get("previousComputedAt").isNull()).isTrue();
  }

  @Test
  void everyActiveUserIsAnalysedButOneWhoTurnedItOff() {
    RecordingTracker tracker = RecordingTracker.watching();

    AnalysisReport report = service(SMALL).analyseActiveUsers(tracker);

    assertThat(report).isEqualTo(new AnalysisReport(3, 1, 14 + 0 + 2));
    assertThat(tracker.stats())
        .containsEntry("usersAnalysed", 3L)
        .containsEntry("usersSkipped", 1L)
        .containsEntry("playsCounted", 16L);
    assertThat(tracker.total()).isEqualTo(4);
    assertThat(tracker.processed()).isEqualTo(4);
    assertThat(profiles.get(cleo)).isEmpty();
    // Dan's second play is of an item no longer in the library: a play, but no time.
    JsonNode d = read(profiles.get(dan).orElseThrow());
    assertThat(d.get("plays").asLong()).isEqualTo(2);
    assertThat(d.get("hoursTotal").asDouble()).isEqualTo(2.0);
    // The second play began exactly SESSION_GAP after the first ended: a session of its own.
    assertThat(d.get("sessions")).isEqualTo(json("{\"count\":2,\"averageMinutes\":60.0}"));
  }

  @Test
  void cancelledBetweenUsersEachProfileIsEitherTheNewOneOrTheOldOne() {
    service(SMALL).analyseActiveUsers(RecordingTracker.watching());
    ActivityProfile bensBefore = profiles.get(ben).orElseThrow();
    ActivityProfile dansBefore = profiles.get(dan).orElseThrow();
    play(ana, library.heat, "2026-04-02T19:00:00Z", 100);
    play(ben, library.heat, "2026-04-02T19:00:00Z", 100);
    play(dan, library.heat, "2026-04-02T19:00:00Z", 100);
    fixture.clock.advance(Duration.ofDays(7));

    assertThatThrownBy(() -> service(SMALL).analyseActiveUsers(RecordingTracker.cancellingAfter(1)))
        .isInstanceOf(WorkCancelledException.class);

    ActivityProfile anas = profiles.get(ana).orElseThrow();
    assertThat(anas.playsCounted()).isEqualTo(15);
    assertThat(anas.computedAt()).isEqualTo(fixture.clock.instant());
    assertThat(profiles.get(ben)).contains(bensBefore);
    assertThat(profiles.get(dan)).contains(dansBefore);
    // Ana's is whole: what an uncancelled run computes from the same plays.
    service(SMALL).analyseUser(ana, RecordingTracker.watching());
    assertThat(withoutTrend(anas)).isEqualTo(withoutTrend(profiles.get(ana).orElseThrow()));
  }

  @Test
  void cancelledWithinAUsersHistoryTheirPreviousProfileStays() {
    service(SMALL).analyseUser(ana, RecordingTracker.watching());
    ActivityProfile before = profiles.get(ana).orElseThrow();
    play(ana, library.heat, "2026-04-02T19:00:00Z", 100);
    fixture.clock.advance(Duration.ofDays(7));

    // Asked to stop at the second check: after the first page of her history.
    assertThatThrownBy(() -> service(SMALL).analyseUser(ana, cancelledAtCheck(2)))
        .isInstanceOf(WorkCancelledException.class);

    assertThat(profiles.get(ana)).contains(before);
  }

  private ActivityAnalysisService service(AnalysisSettings settings) {
    return new ActivityAnalysisService(fixture.database, fixture.clock, settings);
  }

  private void play(long user, long item, String at, double percentage) {
    assertThat(userData.recordPlay(new PlayEvent(user, item, Instant.parse(at), percentage, null)))
        .isTrue();
  }

  private static JobPreferences preferences(long user, String zone, boolean analysis, Instant now) {
    return new JobPreferences(
        user,
        ZoneId.of(zone),
        analysis,
        true,
        Recommender.BUILTIN,
        null,
        null,
        JobPreferences.DEFAULT_MAX_RECOMMENDATIONS,
        true,
        JobPreferences.DEFAULT_MAX_NOTIFICATIONS_PER_DAY,
        List.of(),
        null,
        List.of(),
        List.of(),
        now);
  }

  /** A tracker that says "stop" from its {@code n}th cancellation check on. */
  private static WorkTracker cancelledAtCheck(int n) {
    AtomicInteger checks = new AtomicInteger();
    return new WorkTracker() {
      @Override
      public void total(long items) {}

      @Override
      public void advance(long items) {}

      @Override
      public void message(String text) {}

      @Override
      public boolean cancelled() {
        return checks.incrementAndGet() >= n;
      }

      @Override
      public void stat(String key, long delta) {}
    };
  }

  private static JsonNode read(ActivityProfile profile) {
    return json(profile.profile());
  }

  private static JsonNode withoutTrend(ActivityProfile profile) {
    ObjectNode document = (ObjectNode) read(profile);
    document.remove("trend");
    return document;
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private static List<Double> doubles(JsonNode array) {
    List<Double> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asDouble()));
    return Collections.unmodifiableList(values);
  }
}
