package io.suasor.media.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.media.model.Recommendation;
import io.suasor.media.model.User;
import io.suasor.media.testing.TasteLibrary.People;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in recommender's collaborative part on the scripted library: a title the people who
 * watched what a user watched also watched rises above an equal title as popular with others, and
 * its reason says so, naming the title they share.
 */
abstract class NeighbourContract extends RecommendationContract {
  @Test
  void whatNeighboursAlsoWatchedRisesAndItsReasonNamesTheSharedTitle() {
    Instant then = fixture.clock.instant().minus(Duration.ofDays(5));
    long harbor = library.movie("Harbor Lights", 1991, 7.0, List.of("Drama"), People.NONE);
    // Two documentaries alike in all but who watched them; equals rank in library order.
    long river = library.movie("River Echo", 1975, 7.0, List.of("Documentary"), People.NONE);
    long mountain = library.movie("Mountain Echo", 1975, 7.0, List.of("Documentary"), People.NONE);
    for (String name : List.of("pat", "quinn", "rae")) {
      User neighbour = user(name);
      library.finished(neighbour.id(), harbor, then);
      library.finished(neighbour.id(), mountain, then);
    }
    for (String name : List.of("uma", "val", "wes")) {
      library.finished(user(name).id(), river, then);
    }
    for (int i = 0; i < 6; i++) {
      long other = library.movie("Elsewhere " + i, 2001, 6.0, List.of("Comedy"), People.NONE);
      library.finished(user("other" + i).id(), other, then);
    }
    User sam = user("sam");
    library.finished(sam.id(), harbor, then);
    prefer(sam, p -> p.max(50));

    runAll();

    List<Long> list = itemIds(active(sam));
    assertThat(list).contains(mountain).doesNotContain(harbor);
    assertThat(list.contains(river) ? list.indexOf(river) : Integer.MAX_VALUE)
        .isGreaterThan(list.indexOf(mountain));
    Recommendation echo =
        active(sam).stream().filter(r -> r.mediaItemId() == mountain).findFirst().orElseThrow();
    assertThat(echo.reasoning()).contains("People who watched Harbor Lights also watched it");
    assertThat(echo.similarItems()).contains(harbor);
    assertThat(active(sam))
        .filteredOn(r -> r.mediaItemId() != mountain)
        .allSatisfy(r -> assertThat(r.reasoning()).doesNotContain("People who"));
  }

  @Test
  void aUserAloneWithTheirTitlesHasNoNeighbours() {
    // ana is the only one who played anything: her list comes from her taste alone.
    runAll();

    assertThat(active(ana))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.reasoning()).doesNotContain("People who"));
  }
}
