package io.suasor.media.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.media.model.MediaType;
import io.suasor.media.model.Recommendation;
import io.suasor.media.model.User;
import io.suasor.media.testing.TasteLibrary.People;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the built-in recommender ranks, leaves out and says, on the scripted library. */
abstract class RankingContract extends RecommendationContract {
  @Test
  void thePlantedBestMatchRanksFirstAndNothingTheUserKnowsAppears() {
    RecommendationReport report = runAll();

    List<Recommendation> list = active(ana);
    assertThat(report.usersRecommended()).isEqualTo(1);
    assertThat(report.recommendationsMade()).isEqualTo(list.size());
    assertThat(list.get(0).mediaItemId()).isEqualTo(planted);
    assertThat(list.get(0).title()).isEqualTo("Lightyear Drift");
    assertThat(list)
        .extracting(Recommendation::score)
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(itemIds(list))
        .doesNotContain(serenity, firefly, expanse, galaxyQuest, pastelBlues, ninaSimone)
        .doesNotContain(planetEarth);
    assertThat(list)
        .allSatisfy(
            r -> {
              assertThat(r.recommendedBy()).isEqualTo("builtin");
              assertThat(r.jobRunId()).isEqualTo(7L);
              assertThat(r.inLibrary()).isTrue();
              assertThat(r.active()).isTrue();
              assertThat(r.confidence()).isBetween(0.0, 1.0);
              assertThat(r.expiresAt())
                  .isEqualTo(
                      fixture.clock.instant().plus(RecommenderSettings.DEFAULT_TIME_TO_LIVE));
            });
    assertThat(list.get(0).externalIds()).containsKey("tmdb");
  }

  @Test
  void aReasonNamesTheLikedTitlesAndThePeopleItReallyShares() {
    runAll();

    Recommendation best = active(ana).get(0);
    assertThat(best.reasoning())
        .startsWith("Because you watched ")
        .contains("Firefly")
        .contains("science fiction")
        .contains("Nathan Fillion")
        .contains("directed by Joss Whedon");
    assertThat(best.matchesActors()).containsExactlyInAnyOrder("Nathan Fillion", "Gina Torres");
    assertThat(best.matchesDirectors()).containsExactly("Joss Whedon");
    assertThat(best.matchesGenres()).containsExactly(SF, "Adventure");
    assertThat(best.similarItems()).contains(firefly, serenity).doesNotContain(planted);

    // Every named match is the recommended title's own, and every similar item one ana liked.
    for (Recommendation r : active(ana)) {
      assertThat(r.genres()).containsAll(r.matchesGenres());
      assertThat(List.of(serenity, firefly, expanse, galaxyQuest, pastelBlues, ninaSimone))
          .containsAll(r.similarItems());
    }
    Recommendation album =
        active(ana).stream()
            .filter(r -> r.mediaType() == MediaType.ALBUM)
            .findFirst()
            .orElseThrow();
    assertThat(album.reasoning())
        .startsWith("Because you listened to Pastel Blues: ")
        .contains("jazz")
        .contains("by Nina Simone");
  }

  @Test
  void dismissedAndIgnoredTitlesAreLeftOutAndViewedOnesMayReturn() {
    runAll();
    Recommendation best = active(ana).get(0);
    assertThat(recommendations.dismiss(best.id(), ana.id())).isTrue();
    // Recommended eight days ago: Dark Matter was never viewed (ignored), Slither was.
    Instant eightDaysAgo = fixture.clock.instant().minus(Duration.ofDays(8));
    recommendations.create(shown(darkMatter, "Dark Matter", eightDaysAgo, false));
    recommendations.create(shown(slither, "Slither", eightDaysAgo, true));
    fixture.clock.advance(Duration.ofDays(1));

    RecommendationReport report = runAll();

    assertThat(itemIds(active(ana))).doesNotContain(planted, darkMatter).contains(slither);
    // Ignored since the first run (which made it before its older row was written) for a week,
    // Dark Matter comes back a month after that; the dismissed title never does.
    fixture.clock.advance(
        RecommenderSettings.DEFAULT_IGNORED_AFTER.plus(RecommenderSettings.DEFAULT_IGNORED_FOR));
    runAll();
    assertThat(itemIds(active(ana))).contains(darkMatter).doesNotContain(planted);
    assertThat(report.usersRecommended()).isEqualTo(1);
  }

  @Test
  void aListIsNotOneGenreOverAndOverNorOneArtistsAlbums() {
    User vic = user("vic");
    People kara = People.of(List.of("Kara Vale"), List.of());
    Instant then = fixture.clock.instant().minus(Duration.ofDays(3));
    for (int i = 0; i < 3; i++) {
      library.finished(vic.id(), library.movie("Orbit " + i, 2010, 7, List.of(SF), kara), then);
    }
    library.finished(vic.id(), library.movie("Laughs", 2010, 7, List.of("Comedy"), kara), then);
    library.finished(vic.id(), library.movie("Tears", 2011, 7, List.of("Drama"), kara), then);
    for (int i = 0; i < 12; i++) {
      library.movie("Orbit sequel " + i, 2012, 7, List.of(SF), kara);
    }
    for (int i = 0; i < 6; i++) {
      library.movie("More laughs " + i, 2012, 7, List.of("Comedy"), kara);
      library.movie("More tears " + i, 2012, 7, List.of("Drama"), People.NONE);
    }
    User mel = user("mel");
    long band = library.artist("The Loud Ones", List.of("Rock"));
    List<Long> bandAlbums = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      bandAlbums.add(library.album(band, "Loud " + i, 2001 + i, 7, List.of("Rock")));
    }
    library.finished(mel.id(), bandAlbums.get(0), then);
    library.finished(mel.id(), bandAlbums.get(1), then);
    prefer(vic, p -> p.max(10));
    prefer(mel, p -> p.max(5));

    runAll();

    List<Recommendation> list = active(vic);
    assertThat(list).hasSize(10);
    int cap = (int) Math.ceil(10 * RecommenderSettings.DEFAULT_MAX_GENRE_SHARE);
    assertThat(list.stream().filter(r -> r.genres().equals(List.of(SF))).count()).isEqualTo(cap);
    // Four of the band's albums are mel's best matches; two make her list of five.
    assertThat(active(mel)).hasSize(5);
    assertThat(active(mel).get(0).mediaItemId()).isIn(bandAlbums);
    assertThat(active(mel).stream().filter(r -> bandAlbums.contains(r.mediaItemId())).count())
        .isEqualTo(RecommenderSettings.DEFAULT_MAX_PER_ARTIST);
  }

  @Test
  void preferencesChooseKindsGenresRatingAndLength() {
    User types = user("types");
    User genres = user("genres");
    User rated = user("rated");
    User few = user("few");
    User off = user("off");
    for (User user : List.of(types, genres, rated, few, off)) {
      likesWhatAnaLikes(user);
    }
    prefer(types, p -> p.types(MediaType.EPISODE, MediaType.TRACK));
    prefer(genres, p -> p.excluded("comedy", "JAZZ"));
    prefer(rated, p -> p.minRating(7.5));
    prefer(few, p -> p.max(3));
    prefer(off, p -> p.off());

    RecommendationReport report = runAll();

    assertThat(active(types))
        .isNotEmpty()
        .extracting(Recommendation::mediaType)
        .containsOnly(MediaType.SERIES, MediaType.ALBUM)
        .contains(MediaType.SERIES, MediaType.ALBUM);
    assertThat(active(genres))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.genres()).doesNotContain("Comedy", "Jazz"));
    assertThat(itemIds(active(rated)))
        .isNotEmpty()
        .contains(planted, castle)
        .doesNotContain(slither, darkMatter);
    assertThat(active(few)).hasSize(3);
    assertThat(active(off)).isEmpty();
    assertThat(report.usersSkipped()).isEqualTo(1);
    assertThat(report.usersRecommended()).isEqualTo(5);
  }

  @Test
  void aPreferredGenreLiftsItsTitles() {
    User westerner = user("westerner");
    likesWhatAnaLikes(westerner);
    long western = library.movie("Dust Trail", 1998, 6.0, List.of("Western"), People.NONE);
    prefer(westerner, p -> p.preferred("Western"));

    runAll();

    List<Long> withPreference = itemIds(active(westerner));
    List<Long> without = itemIds(active(ana));
    assertThat(withPreference).contains(western);
    assertThat(without.contains(western) ? without.indexOf(western) : Integer.MAX_VALUE)
        .isGreaterThan(withPreference.indexOf(western));
    Recommendation dust =
        active(westerner).stream()
            .filter(r -> r.mediaItemId() == western)
            .findFirst()
            .orElseThrow();
    assertThat(dust.matchesGenres()).containsExactly("Western");
  }

  @Test
  void seriesAlbumsAndArtistsAreRecommendedNeverEpisodesSeasonsOrTracks() {
    User fan = user("fan");
    Instant then = fixture.clock.instant().minus(Duration.ofDays(2));
    library.finished(fan.id(), library.parts(pastelBlues).get(0), then);
    library.finished(fan.id(), library.parts(expanse).get(0), then);

    runAll();

    List<Recommendation> list = new ArrayList<>(active(fan));
    list.addAll(active(ana));
    assertThat(list)
        .extracting(Recommendation::mediaType)
        .doesNotContain(MediaType.EPISODE, MediaType.SEASON, MediaType.TRACK);
    assertThat(itemIds(active(fan)))
        .contains(billieHoliday)
        .doesNotContain(pastelBlues, expanse, ninaSimone);
  }

  private Recommendation shown(long item, String title, Instant when, boolean viewed) {
    return new Recommendation(
        0,
        ana.id(),
        item,
        MediaType.MOVIE,
        title,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        "earlier",
        "builtin",
        null,
        1L,
        "library",
        Map.of(),
        0.5,
        0.5,
        when.plus(Duration.ofDays(7)),
        viewed,
        null,
        true,
        false,
        false,
        when);
  }
}
