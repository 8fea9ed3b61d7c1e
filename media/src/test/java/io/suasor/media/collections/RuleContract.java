package io.suasor.media.collections;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.media.model.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules select hand-picked sets of the planted library, in order, up to their limit. */
abstract class RuleContract extends SmartCollectionContract {
  static final String MOVIES = "{\"type\":\"movie\"}";

  @Test
  void eachConditionSelectsItsTitles() {
    assertThat(select("{\"genre\":\"Drama\"}"))
        .containsExactlyInAnyOrder(alpha, bravo, echo, foxtrot);
    assertThat(select("{\"genre\":[\"comedy\",\"Western\"]}"))
        .containsExactlyInAnyOrder(bravo, golf);
    assertThat(select("{\"person\":{\"name\":\"ann actor\"}}"))
        .containsExactlyInAnyOrder(alpha, bravo);
    assertThat(select("{\"person\":{\"name\":\"Dee Rector\",\"role\":\"director\"}}"))
        .containsExactlyInAnyOrder(alpha, charlie);
    assertThat(select("{\"person\":{\"name\":\"Dee Rector\",\"role\":\"actor\"}}")).isEmpty();
    assertThat(select("{\"person\":{\"name\":[\"Hotel Band\"],\"role\":\"artist\"}}"))
        .containsExactlyInAnyOrder(hotelBand, india);
    assertThat(select("{\"year\":{\"from\":1990,\"to\":1999}}"))
        .containsExactlyInAnyOrder(alpha, bravo);
    assertThat(select("{\"year\":{\"from\":2006}}")).containsExactlyInAnyOrder(foxtrot, golf);
    assertThat(select("{\"decade\":1980}")).containsExactly(delta);
    assertThat(select("{\"rating\":{\"min\":8}}")).containsExactlyInAnyOrder(alpha, echo, foxtrot);
    assertThat(select("{\"rating\":{\"max\":7}}")).containsExactlyInAnyOrder(bravo, golf);
    assertThat(select("{\"runtime\":{\"min\":90,\"max\":120}}"))
        .containsExactlyInAnyOrder(alpha, charlie);
    assertThat(select("{\"favorite\":true}")).containsExactly(alpha);
    assertThat(select(all(MOVIES, "{\"favorite\":false}")))
        .containsExactlyInAnyOrder(bravo, charlie, delta, echo);
    assertThat(select(all(MOVIES, "{\"addedWithinDays\":7}")))
        .containsExactlyInAnyOrder(charlie, echo);
    assertThat(select("{\"type\":[\"series\",\"album\"]}"))
        .containsExactlyInAnyOrder(foxtrot, golf, india);
  }

  @Test
  void statusFollowsTheUsersDataAndASeriesOrAlbumByItsParts() {
    String titles = "{\"type\":[\"movie\",\"series\",\"album\"]}";
    assertThat(select(all(titles, "{\"status\":\"watched\"}")))
        .containsExactlyInAnyOrder(alpha, foxtrot);
    assertThat(select(all(titles, "{\"status\":\"inProgress\"}")))
        .containsExactlyInAnyOrder(bravo, golf, india);
    assertThat(select(all(titles, "{\"status\":\"unwatched\"}")))
        .containsExactlyInAnyOrder(charlie, delta, echo);
    // Another user has played nothing: everything is unwatched for them.
    User bo = user("bo");
    assertThat(select(bo, all(titles, "{\"status\":\"unwatched\"}"), null, null))
        .containsExactlyInAnyOrder(alpha, bravo, charlie, delta, echo, foxtrot, golf, india);
    assertThat(select(bo, "{\"favorite\":true}", null, null)).isEmpty();
  }

  @Test
  void allAnyAndNotCombine() {
    assertThat(select("{\"any\":[{\"genre\":\"Horror\"},{\"rating\":{\"min\":9}}]}"))
        .containsExactlyInAnyOrder(delta, echo);
    // Not is two-valued: Echo has no year, so it is not of the 1990s.
    assertThat(select(all(MOVIES, "{\"not\":{\"year\":{\"from\":1990,\"to\":1999}}}")))
        .containsExactlyInAnyOrder(charlie, delta, echo);
    assertThat(select(all(MOVIES, "{\"not\":{\"genre\":\"Drama\"}}")))
        .containsExactlyInAnyOrder(charlie, delta);
    assertThat(
            select(
                "{\"all\":[{\"any\":[{\"genre\":\"Drama\"},{\"genre\":\"Comedy\"}]},"
                    + "{\"not\":{\"status\":\"watched\"}},{\"not\":{\"type\":\"series\"}}]}"))
        .containsExactlyInAnyOrder(bravo, echo);
  }

  @Test
  void sortsOrderTheItemsAndTheLimitCutsTheList() {
    assertThat(select(ana, MOVIES, null, null)).containsExactly(alpha, bravo, charlie, delta, echo);
    assertThat(select(ana, MOVIES, "{\"by\":\"title\",\"order\":\"desc\"}", null))
        .containsExactly(echo, delta, charlie, bravo, alpha);
    // Without a year or rating a title comes last, whichever the direction.
    assertThat(select(ana, MOVIES, "{\"by\":\"year\"}", null))
        .containsExactly(charlie, bravo, alpha, delta, echo);
    assertThat(select(ana, MOVIES, "{\"by\":\"rating\",\"order\":\"asc\"}", null))
        .containsExactly(bravo, charlie, alpha, echo, delta);
    assertThat(select(ana, MOVIES, "\"added\"", 2)).containsExactly(echo, charlie);
    assertThat(select(ana, MOVIES, "{\"by\":\"runtime\"}", null))
        .containsExactly(bravo, alpha, charlie, delta, echo);
    assertThat(select(ana, "{\"type\":[\"movie\",\"series\"]}", "{\"by\":\"lastPlayed\"}", null))
        .containsExactly(foxtrot, bravo, golf, alpha, charlie, delta, echo);

    List<Long> shuffled = select(ana, MOVIES, "{\"by\":\"random\"}", null);
    assertThat(shuffled).containsExactlyInAnyOrder(alpha, bravo, charlie, delta, echo);
    assertThat(select(ana, MOVIES, "{\"by\":\"random\"}", null)).isEqualTo(shuffled);
    List<Long> other = select(ana, MOVIES, "{\"by\":\"random\",\"seed\":99}", null);
    assertThat(other).containsExactlyInAnyOrder(alpha, bravo, charlie, delta, echo);
    assertThat(other).isNotEqualTo(shuffled);
    assertThat(select(ana, MOVIES, "{\"by\":\"random\"}", 3)).isEqualTo(shuffled.subList(0, 3));
  }

  @Test
  void aSeasonAroundTheYearsEndIsTheUsersOwnDay() {
    User bo = user("bo");
    zone(ana, "Pacific/Auckland");
    String christmas =
        all(
            MOVIES,
            "{\"genre\":\"Christmas\"}",
            "{\"season\":{\"from\":\"12-15\",\"to\":\"01-06\"}}");
    String december =
        all(
            MOVIES,
            "{\"genre\":\"Christmas\"}",
            "{\"season\":{\"from\":\"12-01\",\"to\":\"12-31\"}}");

    // 10:00 UTC on 31 December is 23:00 in Auckland: both users are in December.
    at("2026-12-31T10:00:00Z");
    assertThat(select(christmas)).containsExactly(charlie);
    assertThat(select(ana, december, null, null)).containsExactly(charlie);
    assertThat(select(bo, december, null, null)).containsExactly(charlie);
    // Two hours later it is 1 January in Auckland, still 31 December in UTC.
    at("2026-12-31T12:00:00Z");
    assertThat(select(ana, december, null, null)).isEmpty();
    assertThat(select(bo, december, null, null)).containsExactly(charlie);
    assertThat(select(christmas)).containsExactly(charlie);
    at("2027-01-02T10:00:00Z");
    assertThat(select(christmas)).containsExactly(charlie);
    assertThat(select(bo, christmas, null, null)).containsExactly(charlie);
    // 12:00 UTC on 6 January is 7 January in Auckland: the window has closed there only.
    at("2027-01-06T12:00:00Z");
    assertThat(select(christmas)).isEmpty();
    assertThat(select(bo, christmas, null, null)).containsExactly(charlie);
    at("2027-01-07T12:00:00Z");
    assertThat(select(bo, christmas, null, null)).isEmpty();
    // 12:00 UTC on 14 December is already the 15th in Auckland: open there, not yet in UTC.
    at("2027-12-14T12:00:00Z");
    assertThat(select(christmas)).containsExactly(charlie);
    assertThat(select(bo, christmas, null, null)).isEmpty();
    at("2027-07-01T12:00:00Z");
    assertThat(select(christmas)).isEmpty();
  }

  @Test
  void theMatchesAreCountedBeforeTheLimit() {
    SmartRules rules = RuleParser.parse("{\"rules\":" + MOVIES + ",\"limit\":2}");
    assertThat(service.count(rules, ana.id())).isEqualTo(5);
    assertThat(service.evaluate(rules, ana.id())).hasSize(2);
  }

  private void at(String instant) {
    fixture.clock.set(Instant.parse(instant));
  }

  static String all(String... rules) {
    return "{\"all\":[" + String.join(",", rules) + "]}";
  }
}
